import type { Db } from "~/db.server";
import { nearbyPeople, peopleByIds, searchPeople, type PersonOption } from "./people-search.server";
import { findRespondentForm, notOpenOutcome, storeResponse, type Disclosure, type RespondentForm, type SubmitOutcome } from "./responses.server";
import { LIMITS } from "~/modules/surveys/questions";
import { collectValues, nominationField, readSubmission, searchedField, searchField, type Answer, type FormQuestion, type Nomination, type SubmissionValues } from "./submission";

type OpenForm = Extract<RespondentForm, { state: "open" }>;

/** Where a respondent goes once their answers are stored. */
export const THANKS_PAGE = "/r/thanks";

/** A posted form's fields: FormData from Remix, or URLSearchParams read straight off the request. */
export type PostedFields = { get(name: string): FormDataEntryValue | null; entries(): Iterable<[string, FormDataEntryValue]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the respondent page may put in the browser: never whose link it is. */
export type RespondentView =
  | { state: "unknown" }
  | { state: "answered" | "closed" | "not-open"; orgName: string; surveyName: string }
  | { state: "open"; orgName: string; surveyName: string; questions: FormQuestion[]; closesAt: Date | null; disclosure: Disclosure; nearby: PersonOption[] };

export async function respondentView(db: Db, form: RespondentForm): Promise<RespondentView> {
  if (form.state === "unknown") return form;
  if (form.state !== "open") return { state: form.state, orgName: form.orgName, surveyName: form.surveyName };
  const nearby = form.personId === null ? [] : await nearbyPeople(db, form.orgId, form.waveId, form.segment);
  return { state: "open", orgName: form.orgName, surveyName: form.surveyName, questions: form.questions, closesAt: form.closesAt, disclosure: form.disclosure, nearby };
}

export type PeopleSearch = { questionId: string; query: string; results: PersonOption[] };

export type RespondentReply =
  | {
      kind: "form";
      status: number;
      values: SubmissionValues;
      errors: Record<string, string>;
      chosen: PersonOption[];
      /** Searches made without JavaScript, one per question whose search box had text. */
      searches?: PeopleSearch[];
      /** The question the respondent just searched in: the page returns to it. */
      searchedIn?: string;
    }
  | { kind: "stored" }
  | { kind: "gone"; outcome: "unknown" | "answered" | "closed" };

/** Chosen people of one question, as submitted (malformed ids are left to readSubmission). */
function chosenIn(values: SubmissionValues, questionId: string): string[] {
  return (values[nominationField(questionId)] ?? []).filter((id) => UUID.test(id));
}

/** A post that searches for people (without JavaScript) rather than sending answers. */
export function isSearchIntent(intent: string): boolean {
  return intent === "search" || intent.startsWith("search:");
}

export function searchLimit(form: OpenForm): number {
  return form.personId === null ? 8 : 20;
}

/**
 * A POST from the respondent page: either a search for people (made without JavaScript), which
 * stores nothing, or the answers. Bad input comes back as the form with messages; nothing is kept.
 */
export async function handleRespondentPost(
  db: Db,
  form: OpenForm,
  formData: PostedFields,
  submit: (submission: { answers: Answer[]; nominations: Nomination[] }) => Promise<SubmitOutcome>,
): Promise<RespondentReply> {
  const values = collectValues(formData.entries());
  const everyoneChosen = [...new Set(form.questions.flatMap((question) => chosenIn(values, question.id)))];
  const chosen = () => peopleByIds(db, form.orgId, everyoneChosen);
  const intent = String(formData.get("intent") ?? "submit");

  // "search" alone is the form's default button, which Enter in any search box presses (without
  // JavaScript the browser cannot say which box): every box with text is searched, and the page
  // returns to the one whose text is new. "search:<id>" is that question's own Search button.
  if (isSearchIntent(intent)) {
    const nominationIds = form.questions.filter((question) => question.kind === "nomination").map((question) => question.id);
    const named = intent.startsWith("search:") ? nominationIds.find((id) => id === intent.slice("search:".length)) : undefined;
    if (intent === "search" || named) {
      const queryOf = (id: string) => (values[searchField(id)]?.[0] ?? "").trim();
      const typed = nominationIds.filter((id) => queryOf(id) !== "" || id === named);
      const searchedIn = named ?? typed.find((id) => queryOf(id) !== (values[searchedField(id)]?.[0] ?? "").trim()) ?? typed[0];
      const searches = await Promise.all(
        typed.map(async (questionId) => ({
          questionId,
          query: queryOf(questionId),
          // Each question is its own choice: someone chosen in another question can be chosen here too.
          results: await searchPeople(db, form.orgId, queryOf(questionId), { namesOnly: form.personId === null, exclude: chosenIn(values, questionId), limit: searchLimit(form) }),
        })),
      );
      return { kind: "form", status: 200, values, errors: {}, chosen: await chosen(), searches, searchedIn };
    }
  }

  const read = readSubmission(form.questions, values);
  if (!read.ok) return { kind: "form", status: 400, values, errors: read.errors, chosen: await chosen() };
  const outcome = await submit({ answers: read.answers, nominations: read.nominations });
  if (outcome.outcome === "stored") return { kind: "stored" };
  if (outcome.outcome === "invalid-nominees") {
    const errors = Object.fromEntries(outcome.questionIds.map((id) => [id, "Someone you chose can no longer be chosen (they may have left). Remove them and send again."]));
    return { kind: "form", status: 400, values, errors, chosen: await chosen() };
  }
  return { kind: "gone", outcome: outcome.outcome };
}

/**
 * A POST to a personal link, in one transaction with its ballot locked: the form is read, and the
 * answers checked and stored, against the same state, with no second look at the ballot (the
 * slowest part of a submission is its round trips to the database).
 */
export async function respondToPersonalLink(db: Db, token: string, formData: PostedFields): Promise<RespondentReply> {
  return db.transaction().execute(async (tx) => {
    const form = await findRespondentForm(tx, token, { forUpdate: true });
    if (form.state !== "open") return { kind: "gone" as const, outcome: notOpenOutcome(form) };
    return handleRespondentPost(tx, form, formData, (submission) => storeResponse(tx, token, form, submission));
  });
}

/** The type-ahead's answer: only while the form is open. */
export async function nomineeSearchResponse(db: Db, request: Request, form: RespondentForm): Promise<Response> {
  if (form.state !== "open") return Response.json([], { status: 404 });
  const url = new URL(request.url);
  const exclude = (url.searchParams.get("exclude") ?? "").split(",").filter((id) => UUID.test(id)).slice(0, LIMITS.nominationsWithoutLimit);
  const people = await searchPeople(db, form.orgId, url.searchParams.get("q") ?? "", { namesOnly: form.personId === null, exclude, limit: Math.min(10, searchLimit(form)) });
  return Response.json(people, { headers: { "Cache-Control": "no-store" } });
}
