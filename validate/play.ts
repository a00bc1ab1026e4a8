import { openDatabase, type Db } from "@db/connection";
import { signUp } from "~/modules/accounts/accounts.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { INDIRECT_INFLUENCE_AGREEMENT } from "~/modules/analytics/indirect-influence";
import { quadrantOf, quadrantRule } from "~/modules/analytics/quadrant";
import { earnedShare, followBackShare } from "~/modules/analytics/shares";
import { ballotToken } from "~/modules/anonymity/ballots.server";
import { prepareDatabase } from "~/modules/prepare-database.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { handleRespondentPost } from "~/modules/responses/respondent-page.server";
import { findRespondentForm, submitResponse } from "~/modules/responses/responses.server";
import { answerField, nominationField } from "~/modules/responses/submission";
import { createSurvey } from "~/modules/surveys/surveys.server";
import { closeWave, openWave } from "~/modules/surveys/wave-lifecycle.server";
import { QUESTION_KEYS, type Dataset, type QuestionKey, type Tie } from "./datasets";
import { seededRandom } from "./random";
import type { PlayResult, QuadrantInput, ShownPerson } from "./shown";

/**
 * The adapter between `npm run validate` and the product: the only module of validate/ that
 * imports product code. It plays a dataset the way an organization would meet it and reports what
 * the dashboards would show for each person. When the submission path or the snapshot changes,
 * rewire this file; keep the types of shown.ts as they are (or extend them) so the reference and the
 * comparison (reference.ts, compare.ts) need not change.
 *
 * What it does, on a fresh in-memory database:
 *   1. signs up an owner and imports the dataset's people with the roster import (preview, apply);
 *   2. creates a survey from the Influence & Authority Pulse template and opens its wave with the
 *      template's own settings (k, limits, audience: everyone), working out each link as the
 *      invitation email does;
 *   3. for each person, posts the form as the respondent page would without JavaScript: the
 *      required agreement items answered in the middle, and for each nomination question the
 *      person's ties, as many as the question allows (strongest first, then a seeded order);
 *   4. closes the wave, which releases the responses, and computes the snapshot;
 *   5. reads each person's figures as the people table and the quadrant show them.
 */

const TEMPLATE = "influence-and-authority-pulse";
const BASE_URL = "https://validate.invalid";

/** Deterministic order for ties of equal strength: which ones "come to mind" is not in the data. */
function seededShuffle<T>(items: T[], seedText: string): T[] {
  const random = seededRandom(seedText);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const csvCell = (value: string | null) => (value === null ? "" : /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Plays each dataset in its own organization on a fresh in-memory database, one database for the
 * run: starting PGlite costs seconds, and organizations are the product's own tenant boundary (a
 * leak between them would show here as wrong figures). `freshDatabaseEach` starts one per dataset.
 */
export async function playDatasets(datasets: Dataset[], { freshDatabaseEach = false } = {}): Promise<PlayResult[]> {
  const results: PlayResult[] = [];
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    for (const dataset of datasets) {
      if (!handle || freshDatabaseEach) {
        await handle?.close();
        handle = openDatabase({ driver: "pglite", dataDir: "memory://" });
        await prepareDatabase(handle.db);
      }
      const started = performance.now();
      const result = await play(handle.db, dataset);
      results.push({ ...result, milliseconds: Math.round(performance.now() - started) });
    }
  } finally {
    await handle?.close();
  }
  return results;
}

async function play(db: Db, dataset: Dataset): Promise<Omit<PlayResult, "milliseconds">> {
  const domain = `${dataset.name.replace(/[^a-z0-9]/gi, "")}.example`;
  const emailOf = (id: string) => `person-${id}@${domain}`;

  const owner = await signUp(db, { name: "Validation Owner", email: `owner@${domain}`, password: "validation passphrase 1", organizationName: dataset.description.slice(0, 60) });
  if (owner.outcome !== "created") throw new Error(`sign-up: ${owner.outcome}`);
  const org = await db.selectFrom("organization").select("id").where("slug", "=", owner.orgSlug).executeTakeFirstOrThrow();

  const roster = [
    "email,name,title,manager_email,department,location,level",
    ...dataset.people.map((person) =>
      [emailOf(person.id), person.name, person.title, person.managerId === null ? null : emailOf(person.managerId), person.department, person.location, person.level].map(csvCell).join(","),
    ),
  ].join("\n");
  const preview = await previewRosterImport(db, { orgId: org.id, userId: owner.userId, fileName: `${dataset.name}.csv`, bytes: new TextEncoder().encode(roster), deactivateMissing: false });
  if (preview.outcome !== "previewed") throw new Error(`roster: ${preview.message}`);
  const applied = await applyRosterImport(db, org.id, preview.importId);
  if (applied !== "applied") {
    const row = await db.selectFrom("roster_import").select("summary").where("id", "=", preview.importId).executeTakeFirst();
    throw new Error(`roster import: ${applied} ${JSON.stringify(row?.summary).slice(0, 500)}`);
  }

  const survey = await createSurvey(db, org.id, { name: "Validation", templateKey: TEMPLATE });
  if (survey.outcome !== "created") throw new Error(`survey: ${survey.outcome}`);
  const wave = await db.selectFrom("survey_wave").select(["id", "min_group_size"]).where("survey_id", "=", survey.surveyId).executeTakeFirstOrThrow();
  const opened = await openWave(db, org.id, wave.id, { baseUrl: BASE_URL });
  if (opened.outcome !== "done") throw new Error(`open wave: ${JSON.stringify(opened)}`);

  const invitations = await db.selectFrom("invitation").innerJoin("person", "person.id", "invitation.person_id").select(["invitation.id", "person.email"]).where("invitation.wave_id", "=", wave.id).execute();
  const tokenOf = new Map(invitations.map((invitation) => [invitation.email, ballotToken(invitation.id)]));
  const personRows = await db.selectFrom("person").select(["id", "email"]).where("organization_id", "=", org.id).execute();
  const uuidOf = new Map<string, string>();
  const datasetIdOf = new Map<string, string>();
  for (const person of dataset.people) {
    const row = personRows.find((candidate) => candidate.email === emailOf(person.id));
    if (!row) throw new Error(`person ${person.id} missing after import`);
    uuidOf.set(person.id, row.id);
    datasetIdOf.set(row.id, person.id);
  }

  const questions = await db.selectFrom("question").select(["id", "key", "kind", "required", "options"]).where("wave_id", "=", wave.id).orderBy("position").execute();
  const questionOf = new Map<QuestionKey, { id: string; limit: number | null }>();
  for (const key of QUESTION_KEYS) {
    const question = questions.find((candidate) => candidate.key === key && candidate.kind === "nomination");
    if (!question) throw new Error(`the template has no nomination question "${key}"`);
    const max = (question.options as { maxNominations?: unknown } | null)?.maxNominations;
    questionOf.set(key, { id: question.id, limit: typeof max === "number" ? max : null });
  }

  const entered = Object.fromEntries(QUESTION_KEYS.map((key) => [key, [] as Tie[]])) as Record<QuestionKey, Tie[]>;
  const refused: PlayResult["refused"] = [];
  for (const person of dataset.people) {
    const token = tokenOf.get(emailOf(person.id));
    if (!token) throw new Error(`no link for ${person.id}`);
    const form = await findRespondentForm(db, token);
    if (form.state !== "open") throw new Error(`link of ${person.id}: ${form.state}`);
    const formData = new FormData();
    for (const question of questions) {
      if (question.kind === "likert" && question.required) formData.append(answerField(question.id), "3");
      if (question.kind === "scale" && question.required) formData.append(answerField(question.id), "7");
    }
    const mine: Partial<Record<QuestionKey, Tie[]>> = {};
    for (const key of QUESTION_KEYS) {
      const { id, limit } = questionOf.get(key)!;
      const ties = seededShuffle(
        dataset.ties[key].filter((tie) => tie.source === person.id),
        `${dataset.name}:${key}:${person.id}`,
      ).sort((a, b) => b.strength - a.strength);
      const chosen = limit === null ? ties : ties.slice(0, limit);
      mine[key] = chosen;
      for (const tie of chosen) formData.append(nominationField(id), uuidOf.get(tie.target)!);
    }
    const reply = await handleRespondentPost(db, form, formData, (submission) => submitResponse(db, token, submission));
    if (reply.kind === "stored") for (const key of QUESTION_KEYS) entered[key].push(...mine[key]!);
    else refused.push({ personId: person.id, reason: reply.kind === "form" ? JSON.stringify(reply.errors) : reply.outcome });
  }

  const closed = await closeWave(db, org.id, wave.id);
  if (closed.outcome !== "done") throw new Error(`close wave: ${JSON.stringify(closed)}`);
  const analytics = await computeSnapshot(db, wave.id);
  if (!analytics) throw new Error("no snapshot");

  const keyOfQuestion = new Map(analytics.nominationQuestions.map((question) => [question.id, question.key]));
  const primaryKey = analytics.nominationQuestions.find((question) => question.primary)?.key;
  const people = new Map<string, ShownPerson>();
  for (const figures of analytics.people) {
    const id = datasetIdOf.get(figures.id);
    if (id === undefined) continue;
    const followers = Object.fromEntries(QUESTION_KEYS.map((key) => [key, null])) as Record<QuestionKey, number | null>;
    for (const [questionId, count] of Object.entries(figures.followers)) {
      const key = keyOfQuestion.get(questionId);
      if (key && (QUESTION_KEYS as readonly string[]).includes(key)) followers[key as QuestionKey] = count;
    }
    const earned = earnedShare(figures.line, analytics.k);
    const followBack = figures.followBack ? followBackShare(figures.followBack, analytics.k) : null;
    people.set(id, {
      followers,
      reach: null,
      earnedShare:
        earned.shown === "exact"
          ? { share: earned.share, known: earned.known, followers: earned.total }
          : earned.shown === "range"
            ? { low: earned.low, high: earned.high, known: earned.known, followers: earned.total }
            : null,
      followBack: followBack?.shown === "exact" ? { share: followBack.share } : null,
      pagerank: figures.pagerank,
      brokerage: null,
      quadrant: quadrantOf(figures, analytics.quadrantRule),
      stability: figures.stability,
    });
  }

  // The product's rule reads direct reports and followers on the primary question; its bar for
  // informal leaders comes from the org chart (the median team), the same on both sides.
  const classify = (inputs: QuadrantInput[]) => {
    const asFigures = inputs.map((input) => ({ directReports: input.directReports, primaryFollowers: primaryKey ? input.followers[primaryKey as QuestionKey] ?? 0 : 0 }));
    const rule = quadrantRule(asFigures);
    return new Map(inputs.map((input, i) => [input.id, quadrantOf(asFigures[i]!, rule)]));
  };

  return {
    k: wave.min_group_size,
    limits: Object.fromEntries(QUESTION_KEYS.map((key) => [key, questionOf.get(key)!.limit])) as Record<QuestionKey, number | null>,
    intended: Object.fromEntries(QUESTION_KEYS.map((key) => [key, dataset.ties[key].length])) as Record<QuestionKey, number>,
    entered,
    respondents: dataset.people.length,
    refused,
    wouldNameMore: null,
    people,
    pagerankClaimedAgreement: INDIRECT_INFLUENCE_AGREEMENT,
    classify,
  };
}
