import type { Distribution } from "@db/schema";

/** How people get their links, in the words the pages use. */
export const DISTRIBUTION_LABEL: Record<Distribution, string> = {
  email: "Personal links by email",
  links: "Personal links you hand out",
  open: "One open link",
};

export const DISTRIBUTION_HINT: Record<Distribution, string> = {
  email: "Each person gets their own single-use link by email. Only they hold it: nobody can answer for them.",
  links: "You download a list of personal links and share each one privately (chat, print). Respondents are told that the survey's administrators hold their link.",
  open: "One link for everyone, for audiences you cannot list. Anyone holding it can answer, so answers are reported apart as unverified, and nobody's team is known.",
};

/** Could the survey's admins hold a respondent's link? A link list, or email without a mail server (the outbox). */
export function adminsHoldLinks(distribution: Distribution, smtpConfigured: boolean): boolean {
  return distribution === "links" || (distribution === "email" && !smtpConfigured);
}
