import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError } from "~/components/forms";
import { Notice, PageHeader } from "~/components/layout";
import { StatusBadge } from "~/components/status-badge";
import { QuestionListCard } from "~/components/survey/question-list-card";
import { WaveLinksCard } from "~/components/survey/wave-links-card";
import { WaveProgressCard } from "~/components/survey/wave-progress-card";
import { WaveStatusCard } from "~/components/survey/wave-status-card";
import { WavePills } from "~/components/tabs";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { formValues } from "~/modules/forms";
import { notFound, requireFormData, requireId } from "~/modules/http.server";
import { publicBaseUrl } from "~/modules/request-url.server";
import { loadSurveyPage } from "~/modules/surveys/survey-page.server";
import { addQuestion, deleteQuestion, findWave, moveQuestion } from "~/modules/surveys/surveys.server";
import { createOpenLink, removeOpenLink } from "~/modules/surveys/distribution.server";
import { closeWave, openWave, scheduleWave, unscheduleWave, type TransitionOutcome } from "~/modules/surveys/wave-lifecycle.server";
import { startNextWave } from "~/modules/surveys/wave-series.server";

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
    case "open": {
      const opened = await openWave(db, member.orgId, wave.id, { baseUrl });
      // The page then says what happened, counted from the wave itself (not taken from the URL).
      return opened.outcome === "done" ? redirect(`/o/${member.orgSlug}/surveys/${surveyId}?wave=${wave.number}&launched=1`) : transition(opened);
    }
    case "schedule":
      return transition(await scheduleWave(db, member.orgId, wave.id, { baseUrl }));
    case "unschedule":
      return transition(await unscheduleWave(db, member.orgId, wave.id));
    case "close":
      return transition(await closeWave(db, member.orgId, wave.id));
    case "open-link": {
      const token = await createOpenLink(db, member.orgId, wave.id);
      if (!token) return data({ problems: ["Only an open-link wave that has not closed can have an open link."] }, { status: 409 });
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
  const busy = useNavigation().state === "submitting";
  const waveBase = `/o/${orgSlug}/surveys/${survey.id}/waves/${wave.id}`;
  const wavePage = `/o/${orgSlug}/surveys/${survey.id}?wave=${wave.number}`;
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
      <WavePills waves={survey.waves} current={wave.id} hrefFor={(w) => `/o/${orgSlug}/surveys/${survey.id}?wave=${w.number}`} />
      <div className="space-y-6">
        {result?.problems ? <FormError errors={result.problems} /> : null}
        {searchParams.get("launched") && wave.status === "open" && progress ? (
          <Notice tone="success">{launchedMessage(wave.distribution, progress.total.invited, smtp)}</Notice>
        ) : null}
        <WaveStatusCard wave={wave} launch={launch} waveBase={waveBase} wavePage={wavePage} busy={busy} confirm={searchParams.get("confirm")} smtp={smtp} />
        {progress ? <WaveProgressCard wave={wave} progress={progress} /> : null}
        {wave.status === "open" ? <WaveLinksCard wave={wave} waveBase={waveBase} busy={busy} openLink={result?.openLink} /> : null}
        <QuestionListCard wave={wave} questions={questions} waveBase={waveBase} wavePage={wavePage} busy={busy} confirmDelete={searchParams.get("delete")} />
      </div>
    </>
  );
}

function launchedMessage(distribution: "email" | "links" | "open", invited: number, smtp: boolean): string {
  const people = `${invited.toLocaleString("en")} ${invited === 1 ? "person" : "people"}`;
  if (distribution === "open") return "Launched. Create the open link below and share it with the people you want to hear from.";
  if (distribution === "links") return `Launched to ${people}. Download their personal links below and hand them out.`;
  return smtp
    ? `Launched to ${people}; invitations are being emailed.`
    : `Launched to ${people}. Email isn't set up on this server, so the invitations wait in the outbox (Settings → Outbox); ask whoever runs the server to set up email.`;
}
