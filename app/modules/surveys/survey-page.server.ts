import type { Db } from "~/db.server";
import { smtpConfigured } from "~/modules/email/email.server";
import { describeAudience } from "./audience";
import { canEditQuestions } from "./lifecycle";
import { findSurvey, findWave, listQuestions } from "./surveys.server";
import { checkWaveLaunch } from "./wave-lifecycle.server";
import { waveProgress } from "./wave-progress.server";

/** Everything the survey page shows for one wave of a survey (the latest by default). */
export async function loadSurveyPage(db: Db, orgId: string, surveyId: string, waveNumber: number | null) {
  const survey = await findSurvey(db, orgId, surveyId);
  if (!survey) return undefined;
  const summary = survey.waves.find((wave) => wave.number === waveNumber) ?? survey.waves[survey.waves.length - 1];
  if (!summary) return undefined;
  const wave = (await findWave(db, orgId, summary.id))!;
  const editable = canEditQuestions(wave.status);
  const managerIds = wave.audience.kind === "subtrees" ? wave.audience.managerIds : [];
  const managers = managerIds.length
    ? await db.selectFrom("person").select(["id", "name"]).where("organization_id", "=", orgId).where("id", "in", managerIds).execute()
    : [];
  const [questions, launch, progress] = await Promise.all([
    listQuestions(db, orgId, wave.id),
    editable ? checkWaveLaunch(db, orgId, wave.id, { opensAt: null, closesAt: wave.closes_at ? new Date(wave.closes_at) : null }) : undefined,
    editable ? undefined : waveProgress(db, orgId, wave.id, wave.min_group_size),
  ]);
  const latestNumber = survey.waves[survey.waves.length - 1]!.number;
  return {
    survey: { id: survey.id, name: survey.name, repeatEveryWeeks: survey.repeat_every_weeks, waves: survey.waves.map(({ id, number, status }) => ({ id, number, status })) },
    wave: { ...wave, audienceDescription: describeAudience(wave.audience, new Map(managers.map((m) => [m.id, m.name]))), editable, isLatest: wave.number === latestNumber },
    questions,
    launch,
    progress,
    smtp: smtpConfigured(),
  };
}
