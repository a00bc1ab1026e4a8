import type { Db } from "~/db.server";
import { nomineeNames, searchNominees, type RespondentForm, type SubmitOutcome } from "./responses.server";
import { collectValues, nominationField, readSubmission, searchField, type Answer, type Nomination, type SubmissionValues } from "./submission";

type OpenForm = Extract<RespondentForm, { state: "open" }>;

export type RespondentReply =
  | { kind: "form"; status: number; values: SubmissionValues; errors: Record<string, string>; chosen: Awaited<ReturnType<typeof nomineeNames>>; search?: { questionId: string; query: string; results: Awaited<ReturnType<typeof searchNominees>> } }
  | { kind: "stored" }
  | { kind: "gone"; outcome: "unknown" | "answered" | "closed" };

/**
 * A POST from the respondent page: either a search for people (made without JavaScript), which
 * stores nothing, or the answers. Bad input comes back as the form with messages; nothing is kept.
 */
export async function handleRespondentPost(
  db: Db,
  form: OpenForm,
  formData: FormData,
  submit: (submission: { answers: Answer[]; nominations: Nomination[] }) => Promise<SubmitOutcome>,
): Promise<RespondentReply> {
  const values = collectValues(formData.entries());
  const chosenIds = form.questions.flatMap((question) => values[nominationField(question.id)] ?? []).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const chosen = () => nomineeNames(db, form.orgId, [...new Set(chosenIds)]);
  const intent = String(formData.get("intent") ?? "submit");

  if (intent.startsWith("search:")) {
    const questionId = intent.slice("search:".length);
    if (form.questions.some((question) => question.id === questionId)) {
      const query = (values[searchField(questionId)]?.[0] ?? "").trim();
      const exclude = [...chosenIds, ...(form.personId ? [form.personId] : [])];
      return { kind: "form", status: 200, values, errors: {}, chosen: await chosen(), search: { questionId, query, results: await searchNominees(db, form.orgId, query, exclude) } };
    }
  }

  const read = readSubmission(form.questions, values, form.personId);
  if (!read.ok) return { kind: "form", status: 400, values, errors: read.errors, chosen: await chosen() };
  const outcome = await submit({ answers: read.answers, nominations: read.nominations });
  if (outcome.outcome === "stored") return { kind: "stored" };
  if (outcome.outcome === "invalid-nominees") {
    const errors = Object.fromEntries(outcome.questionIds.map((id) => [id, "Someone you chose can no longer be chosen (they may have left). Remove them and send again."]));
    return { kind: "form", status: 400, values, errors, chosen: await chosen() };
  }
  return { kind: "gone", outcome: outcome.outcome };
}

/** The type-ahead's answer: only while the form is open, never listing the respondent. */
export async function nomineeSearchResponse(db: Db, request: Request, form: RespondentForm): Promise<Response> {
  if (form.state !== "open") return Response.json([], { status: 404 });
  const url = new URL(request.url);
  const exclude = (url.searchParams.get("exclude") ?? "").split(",").filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 50);
  if (form.personId) exclude.push(form.personId);
  const people = await searchNominees(db, form.orgId, url.searchParams.get("q") ?? "", exclude, 10);
  return Response.json(people, { headers: { "Cache-Control": "no-store" } });
}
