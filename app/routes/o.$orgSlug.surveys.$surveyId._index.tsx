import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError } from "~/components/forms";
import { Notice, PageHeader } from "~/components/layout";
import { StatusBadge } from "~/components/status-badge";
import { WavePills } from "~/components/tabs";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { formatDate, formatDateTime } from "~/modules/dates";
import { formValues } from "~/modules/forms";
import { notFound, requireFormData, requireId } from "~/modules/http.server";
import { publicBaseUrl } from "~/modules/request-url.server";
import { KIND_LABEL, QUESTION_KINDS } from "~/modules/surveys/questions";
import { loadSurveyPage } from "~/modules/surveys/survey-page.server";
import { addQuestion, deleteQuestion, findWave, moveQuestion } from "~/modules/surveys/surveys.server";
import { closeWave, createOpenLink, openWave, removeOpenLink, scheduleWave, startNextWave, unscheduleWave, type TransitionOutcome } from "~/modules/surveys/waves.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.survey.name} · Earned` : "Survey · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const waveParam = Number(new URL(request.url).searchParams.get("wave"));
  const page = await loadSurveyPage(db, member.orgId, requireId(params.surveyId), Number.isInteger(waveParam) && waveParam > 0 ? waveParam : null);
  if (!page) throw notFound();
  return { orgSlug: member.orgSlug, ...page };
}

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["open", "schedule", "unschedule", "close", "open-link", "remove-open-link"]), waveId: z.string().uuid() }),
  z.object({ intent: z.literal("next-wave") }),
  z.object({ intent: z.literal("add-question"), waveId: z.string().uuid(), kind: z.enum(["likert", "scale", "single_choice", "multiple_choice", "text", "nomination"]) }),
  z.object({ intent: z.literal("move-question"), waveId: z.string().uuid(), questionId: z.string().uuid(), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("delete-question"), waveId: z.string().uuid(), questionId: z.string().uuid() }),
]);

const NOT_ALLOWED: Record<string, string> = {
  open: "This wave is already open or closed.",
  schedule: "Only a draft can be scheduled.",
  unschedule: "Only a scheduled wave can go back to draft.",
  close: "Only an open wave can be closed.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const surveyId = requireId(params.surveyId);
  const form = Intent.safeParse(formValues(await requireFormData(request)));
  if (!form.success) return data({ problems: ["That action was not understood. Reload the page and try again."] }, { status: 400 });
  const input = form.data;
  if (input.intent === "next-wave") {
    const next = await startNextWave(db, member.orgId, surveyId);
    if (next.outcome === "not-found") throw notFound();
    return redirect(`/o/${member.orgSlug}/surveys/${surveyId}?wave=${await waveNumber(member.orgId, next.waveId)}`);
  }
  const wave = await findWave(db, member.orgId, input.waveId);
  if (!wave || wave.surveyId !== surveyId) throw notFound();
  const back = redirect(`/o/${member.orgSlug}/surveys/${surveyId}?wave=${wave.number}`);
  const baseUrl = publicBaseUrl(request);
  const transition = (outcome: TransitionOutcome) => {
    if (outcome.outcome === "not-found") throw notFound();
    if (outcome.outcome === "problems") return data({ problems: outcome.problems }, { status: 409 });
    if (outcome.outcome === "not-allowed") return data({ problems: [NOT_ALLOWED[input.intent] ?? "Not possible now."] }, { status: 409 });
    return back;
  };
  const edit = (outcome: "saved" | "locked" | "not-found") => {
    if (outcome === "not-found") throw notFound();
    if (outcome === "locked") return data({ problems: ["Questions are locked once a wave opens: changing them would mix answers to different questions."] }, { status: 409 });
    return back;
  };
  switch (input.intent) {
    case "open":
      return transition(await openWave(db, member.orgId, wave.id, { baseUrl }));
    case "schedule":
      return transition(await scheduleWave(db, member.orgId, wave.id, { baseUrl }));
    case "unschedule":
      return transition(await unscheduleWave(db, member.orgId, wave.id));
    case "close":
      return transition(await closeWave(db, member.orgId, wave.id));
    case "open-link": {
      const token = await createOpenLink(db, member.orgId, wave.id);
      if (!token) return data({ problems: ["A closed wave cannot get an open link."] }, { status: 409 });
      return { openLink: `${baseUrl}/r/open/${token}` };
    }
    case "remove-open-link":
      await removeOpenLink(db, member.orgId, wave.id);
      return back;
    case "add-question": {
      const added = await addQuestion(db, member.orgId, wave.id, input.kind);
      if (added.outcome !== "added") return edit(added.outcome);
      return redirect(`/o/${member.orgSlug}/surveys/${surveyId}/waves/${wave.id}/questions/${added.questionId}`);
    }
    case "move-question":
      return edit(await moveQuestion(db, member.orgId, wave.id, input.questionId, input.direction));
    case "delete-question":
      return edit(await deleteQuestion(db, member.orgId, wave.id, input.questionId));
  }
}

async function waveNumber(orgId: string, waveId: string) {
  return (await findWave(db, orgId, waveId))?.number ?? "";
}

export default function SurveyPage() {
  const { orgSlug, survey, wave, questions, launch, progress, smtp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { problems?: string[]; openLink?: string } | undefined;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const confirmDelete = searchParams.get("delete");
  const confirmClose = searchParams.get("confirm") === "close";
  const surveyPath = `/o/${orgSlug}/surveys/${survey.id}`;
  const waveBase = `${surveyPath}/waves/${wave.id}`;
  const hidden = (
    <>
      <input type="hidden" name="waveId" value={wave.id} />
    </>
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/surveys`} className="link">
          Surveys
        </Link>
      </nav>
      <PageHeader
        title={survey.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            Wave {wave.number} <StatusBadge status={wave.status} />
            {survey.repeatEveryWeeks ? <span>· repeats every {survey.repeatEveryWeeks} weeks</span> : null}
          </span>
        }
        actions={
          <Link to={`${waveBase}/preview`} className="btn-secondary">
            Preview
          </Link>
        }
      />
      <WavePills waves={survey.waves} current={wave.id} hrefFor={(w) => `${surveyPath}?wave=${w.number}`} />
      <div className="space-y-6">
        {result?.problems ? <FormError errors={result.problems} /> : null}

        <section className="card p-5" aria-labelledby="status-heading">
          <h2 id="status-heading" className="font-semibold">
            {wave.status === "draft" ? "Ready to launch?" : wave.status === "scheduled" ? "Scheduled" : wave.status === "open" ? "Collecting answers" : "Closed"}
          </h2>
          <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-slate-600">Audience</dt>
              <dd>
                {wave.audienceDescription}
                {launch ? ` (${launch.audienceSize} ${launch.audienceSize === 1 ? "person" : "people"} now)` : ""}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Minimum group size</dt>
              <dd>{wave.min_group_size}: no figure covers fewer responses</dd>
            </div>
            <div>
              <dt className="text-slate-600">{wave.status === "open" || wave.status === "closed" ? "Opened" : "Opens"}</dt>
              <dd>{formatDateTime(wave.opened_at ?? wave.opens_at)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Closes</dt>
              <dd>{wave.closed_at ? formatDateTime(wave.closed_at) : wave.closes_at ? formatDateTime(wave.closes_at) : "When you close it"}</dd>
            </div>
          </dl>
          {launch && launch.problems.length > 0 ? (
            <div className="mt-4">
              <Notice tone="warning">
                <p className="font-medium">Before this wave can open:</p>
                <ul className="mt-1 list-disc pl-5">
                  {launch.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </Notice>
            </div>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-2">
            {wave.editable ? (
              <>
                <Link to={`${waveBase}/audience`} className="btn-secondary">
                  Choose audience
                </Link>
                <Link to={`${waveBase}/settings`} className="btn-secondary">
                  Settings and schedule
                </Link>
              </>
            ) : null}
            <Form method="post" className="flex flex-wrap gap-2">
              {hidden}
              {wave.status === "draft" || wave.status === "scheduled" ? (
                <button type="submit" name="intent" value="open" className="btn-primary" disabled={busy || (launch?.problems.length ?? 0) > 0}>
                  {wave.status === "scheduled" ? "Open now" : "Launch now"}
                </button>
              ) : null}
              {wave.status === "draft" && wave.opens_at ? (
                <button type="submit" name="intent" value="schedule" className="btn-secondary" disabled={busy || (launch?.problems.length ?? 0) > 0}>
                  Schedule for {formatDateTime(wave.opens_at)}
                </button>
              ) : null}
              {wave.status === "scheduled" ? (
                <button type="submit" name="intent" value="unschedule" className="btn-secondary" disabled={busy}>
                  Back to draft
                </button>
              ) : null}
              {wave.status === "open" && confirmClose ? (
                <>
                  <button type="submit" name="intent" value="close" className="btn-danger" disabled={busy}>
                    Close wave {wave.number} now
                  </button>
                  <Link to={`${surveyPath}?wave=${wave.number}`} className="btn-ghost">
                    Keep it open
                  </Link>
                </>
              ) : null}
            </Form>
            {wave.status === "open" && !confirmClose ? (
              <Link to={`${surveyPath}?wave=${wave.number}&confirm=close`} className="btn-secondary">
                Close wave…
              </Link>
            ) : null}
            {wave.isLatest && (wave.status === "open" || wave.status === "closed") ? (
              <Form method="post">
                <button type="submit" name="intent" value="next-wave" className="btn-secondary" disabled={busy}>
                  Prepare wave {wave.number + 1}
                </button>
              </Form>
            ) : null}
          </div>
          {wave.status === "open" && confirmClose ? (
            <p className="mt-2 text-sm text-slate-700">Closing ends the wave for everyone: unused links stop working. This cannot be undone.</p>
          ) : null}
        </section>

        {progress ? (
          <section className="card p-5" aria-labelledby="progress-heading">
            <h2 id="progress-heading" className="font-semibold">
              Responses
            </h2>
            <p className="mt-2 text-3xl font-semibold tabular-nums">
              {progress.answered} <span className="text-base font-normal text-slate-600">of {progress.invited} invited</span>
            </p>
            <p className="mt-1 text-sm text-slate-600">
              Counts only: Earned never shows who has or has not answered. Reminders go to those who have not, automatically.
            </p>
            {progress.byDepartment.length > 1 ? (
              <table className="table-base mt-4">
                <caption className="sr-only">Responses by department</caption>
                <thead>
                  <tr>
                    <th scope="col">Department</th>
                    <th scope="col" className="text-right">
                      Answered
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {progress.byDepartment.map((row) => (
                    <tr key={row.department}>
                      <td>{row.department}</td>
                      <td className="text-right tabular-nums">
                        {"suppressed" in row ? (
                          <span className="text-slate-500" title="Hidden so that nobody can tell who has or has not answered">
                            hidden (fewer than {wave.min_group_size} either way)
                          </span>
                        ) : (
                          `${row.answered} of ${row.invited} (${Math.round((row.answered / row.invited) * 100)}%)`
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {progress.reminders.length > 0 ? (
              <ul className="mt-4 text-sm text-slate-700">
                {progress.reminders.map((reminder) => (
                  <li key={reminder.reminder_day}>
                    Reminder after {reminder.reminder_day} days sent on {formatDate(reminder.sent_on)} to {reminder.recipients} {reminder.recipients === 1 ? "person" : "people"}.
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}

        {wave.status === "open" ? (
          <section className="card p-5" aria-labelledby="distribution-heading">
            <h2 id="distribution-heading" className="font-semibold">
              Links
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {wave.distribution === "email"
                ? smtp
                  ? "Each person received their own link by email."
                  : "Each person's link is in the outbox (no email server is configured)."
                : "Download the list of personal links and share each one privately."}{" "}
              A downloaded list holds fresh links; earlier ones keep working.
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <form method="post" action={`${waveBase}/links`}>
                <button type="submit" className="btn-secondary">
                  Download personal links (CSV)
                </button>
              </form>
              <Form method="post">
                {hidden}
                <button type="submit" name="intent" value="open-link" className="btn-ghost" disabled={busy}>
                  {wave.hasOpenLink ? "Replace the open link" : "Create an open link"}
                </button>
              </Form>
              {wave.hasOpenLink ? (
                <Form method="post">
                  {hidden}
                  <button type="submit" name="intent" value="remove-open-link" className="btn-ghost" disabled={busy}>
                    Turn off the open link
                  </button>
                </Form>
              ) : null}
            </div>
            {result?.openLink ? (
              <div className="mt-3">
                <Notice tone="success">
                  Open link (shown once; anyone with it can answer, and those answers are marked unverified):{" "}
                  <code className="break-all">{result.openLink}</code>
                </Notice>
              </div>
            ) : null}
          </section>
        ) : null}

        <section className="card p-5" aria-labelledby="questions-heading">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="questions-heading" className="font-semibold">
              Questions
            </h2>
            {wave.editable ? null : <span className="text-sm text-slate-600">Locked: answers are arriving for this wording.</span>}
          </div>
          {questions.length === 0 ? <p className="mt-3 text-sm text-slate-600">No questions yet. Add the first one below.</p> : null}
          <ol className="mt-3 divide-y divide-slate-100">
            {questions.map((question, index) => (
              <li key={question.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 max-w-3xl">
                  <p className="font-medium">
                    {index + 1}. {question.prompt}
                  </p>
                  <p className="mt-1 text-xs text-slate-600">
                    {KIND_LABEL[question.kind]}
                    {question.kind === "nomination" ? ` · up to ${question.options.maxNominations}` : ""}
                    {question.construct ? ` · ${question.construct}` : ""} · {question.required ? "required" : "optional"}
                  </p>
                </div>
                {wave.editable ? (
                  <div className="flex flex-wrap items-center gap-1">
                    <Link to={`${waveBase}/questions/${question.id}`} className="btn-ghost" aria-label={`Edit question ${index + 1}`}>
                      Edit
                    </Link>
                    <Form method="post" className="flex gap-1">
                      {hidden}
                      <input type="hidden" name="intent" value="move-question" />
                      <input type="hidden" name="questionId" value={question.id} />
                      <button type="submit" name="direction" value="up" className="btn-ghost" disabled={index === 0 || busy} aria-label={`Move question ${index + 1} up`}>
                        ↑
                      </button>
                      <button type="submit" name="direction" value="down" className="btn-ghost" disabled={index === questions.length - 1 || busy} aria-label={`Move question ${index + 1} down`}>
                        ↓
                      </button>
                    </Form>
                    {confirmDelete === question.id ? (
                      <Form method="post" className="flex gap-1">
                        {hidden}
                        <input type="hidden" name="questionId" value={question.id} />
                        <button type="submit" name="intent" value="delete-question" className="btn-danger">
                          Delete question {index + 1}
                        </button>
                        <Link to={`${surveyPath}?wave=${wave.number}`} className="btn-ghost">
                          Keep
                        </Link>
                      </Form>
                    ) : (
                      <Link to={`${surveyPath}?wave=${wave.number}&delete=${question.id}`} className="btn-ghost text-red-700" aria-label={`Delete question ${index + 1}`}>
                        Delete…
                      </Link>
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          {wave.editable ? (
            <Form method="post" className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-4">
              {hidden}
              <input type="hidden" name="intent" value="add-question" />
              <div>
                <label htmlFor="kind" className="label">
                  Add a question
                </label>
                <select id="kind" name="kind" className="input mt-1">
                  {QUESTION_KINDS.map((kind) => (
                    <option key={kind.kind} value={kind.kind}>
                      {kind.label} — {kind.hint}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="btn-secondary" disabled={busy}>
                Add
              </button>
            </Form>
          ) : null}
        </section>
      </div>
    </>
  );
}
