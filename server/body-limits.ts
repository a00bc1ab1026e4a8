import { MAX_ROSTER_BYTES } from "../app/modules/people/roster-limits";
import { LIMITS as QUESTION_LIMITS } from "../app/modules/surveys/questions";

const KB = 1024;
const MB = 1024 * KB;

/** Every form of the app but those below: a login, a role change, a question's wording. */
export const FORM_BYTES = 64 * KB;

/**
 * A respondent may fill every text question to its longest: each character at most 4 bytes of
 * UTF-8, sent percent-encoded (3 bytes each), plus room for the field names and choices.
 */
const RESPONDENT_FORM_BYTES = QUESTION_LIMITS.questions * (QUESTION_LIMITS.textLength * 12 + 2 * KB);

export type BodyLimit = { name: string; path: RegExp; bytes: number; answer: "html" | "json" };

/**
 * Bodies are read by the server, up to the route's limit, before Remix parses anything: a 50 MB
 * post to /login is refused after its headers, not after it has been read into memory. Paths
 * not listed get FORM_BYTES, so a path spelled in a way these patterns miss only gets less.
 * Single-fetch form posts add ".data" to the path; it is removed before matching.
 */
export const BODY_LIMITS: BodyLimit[] = [
  // The roster upload: the file at its documented size, plus the multipart envelope and options.
  { name: "roster upload", path: /^\/o\/[^/]+\/people\/import\/?$/, bytes: MAX_ROSTER_BYTES + FORM_BYTES, answer: "html" },
  { name: "roster upload (progress bar)", path: /^\/o\/[^/]+\/people\/import\/upload\/?$/, bytes: MAX_ROSTER_BYTES + FORM_BYTES, answer: "json" },
  // Every team or department of a large organization can be ticked: about 40,000 manager ids.
  { name: "wave audience", path: /^\/o\/[^/]+\/surveys\/[^/]+\/waves\/[^/]+\/audience\/?$/, bytes: 2 * MB, answer: "html" },
  { name: "respondent answers", path: /^\/r\/(?:open\/)?[^/]+\/?$/, bytes: RESPONDENT_FORM_BYTES, answer: "html" },
];

export function bodyLimitFor(path: string): { bytes: number; answer: "html" | "json" } {
  const route = path.replace(/\.data$/, "");
  const limit = BODY_LIMITS.find((candidate) => candidate.path.test(route));
  return limit ? { bytes: limit.bytes, answer: limit.answer } : { bytes: FORM_BYTES, answer: "html" };
}

export function describeBytes(bytes: number): string {
  return bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${Math.floor(bytes / KB)} KB`;
}
