import { LRUCache } from "lru-cache";
import { smtpConfigured } from "~/modules/email/email.server";
import type { Db } from "~/db.server";
import { findBallot, spendBallot } from "~/modules/anonymity/ballots.server";
import { OPEN_LINK_GROUP } from "~/modules/anonymity/groups";
import { commentMinimum } from "~/modules/anonymity/policy";
import { poolResponse } from "~/modules/anonymity/pool.server";
import { hashToken } from "~/modules/tokens.server";
import { parseOptions } from "~/modules/surveys/questions";
import type { Answer, FormQuestion, Nomination } from "./submission";

/** What the respondent page must say about who could see what (told before anyone answers). */
export type Disclosure = {
  k: number;
  commentMinimum: number;
  /** A link list or a trial outbox: the survey's admins could hold this link. */
  adminsHoldLink: boolean;
  /** The shared open link: anyone holding it, admins included, can answer. */
  openLink: boolean;
  /** Everyone invited gets a private report by email at close (report-links.server.ts). */
  privateReport: boolean;
};

type Names = { orgName: string; surveyName: string };

export type RespondentForm =
  | { state: "unknown" }
  | ({ state: "answered" | "closed" | "not-open" } & Names)
  | ({
      state: "open";
      orgId: string;
      waveId: string;
      /** Whose link this is; never sent to the browser (see respondent routes). */
      personId: string | null;
      segment: string;
      questions: FormQuestion[];
      closesAt: Date | null;
      disclosure: Disclosure;
    } & Names);

/**
 * An open wave's questions, kept in this process: once a wave opens its questions are fixed
 * (surveys.server.ts refuses every edit), and every respondent's page and submission needs them.
 */
const openWaveQuestions = new LRUCache<string, FormQuestion[]>({ max: 64 });

async function openQuestions(db: Db, waveId: string): Promise<FormQuestion[]> {
  const kept = openWaveQuestions.get(waveId);
  if (kept) return kept;
  const rows = await db.selectFrom("question").select(["id", "kind", "prompt", "description", "required", "options"]).where("wave_id", "=", waveId).orderBy("position").execute();
  const questions = rows.map((row) => ({ ...row, options: parseOptions(row.options) }));
  openWaveQuestions.set(waveId, questions);
  return questions;
}

function waveSummary(db: Db, waveId: string) {
  return db
    .selectFrom("survey_wave as w")
    .innerJoin("survey as s", "s.id", "w.survey_id")
    .innerJoin("organization as o", "o.id", "w.organization_id")
    .select(["w.id as waveId", "w.status", "w.closes_at", "w.min_group_size", "w.admins_hold_links", "w.distribution", "s.name as surveyName", "o.id as orgId", "o.name as orgName", "o.comment_min_group_size"])
    .where("w.id", "=", waveId);
}

type WaveSummary = NonNullable<Awaited<ReturnType<ReturnType<typeof waveSummary>["executeTakeFirst"]>>>;

async function formState(db: Db, wave: WaveSummary, respondent: { personId: string | null; segment: string; answered: boolean }): Promise<RespondentForm> {
  const names = { orgName: wave.orgName, surveyName: wave.surveyName };
  if (respondent.answered) return { state: "answered", ...names };
  if (wave.status === "closed") return { state: "closed", ...names };
  if (wave.status !== "open") return { state: "not-open", ...names };
  return {
    state: "open",
    ...names,
    orgId: wave.orgId,
    waveId: wave.waveId,
    personId: respondent.personId,
    segment: respondent.segment,
    questions: await openQuestions(db, wave.waveId),
    closesAt: wave.closes_at,
    disclosure: {
      k: wave.min_group_size,
      commentMinimum: commentMinimum(wave.min_group_size, wave.comment_min_group_size),
      adminsHoldLink: wave.admins_hold_links,
      openLink: respondent.personId === null,
      privateReport: respondent.personId !== null && smtpConfigured(),
    },
  };
}

/**
 * What a personal link leads to: the form, or a clear reason why not. With `forUpdate` the
 * ballot stays locked until the transaction ends, so what is stored next is checked against this
 * very state (see storeResponse).
 */
export async function findRespondentForm(db: Db, token: string, { forUpdate = false } = {}): Promise<RespondentForm> {
  const ballot = await findBallot(db, token, { forUpdate });
  if (!ballot) return { state: "unknown" };
  const [wave, invitation] = await Promise.all([
    waveSummary(db, ballot.waveId).where("w.organization_id", "=", ballot.orgId).executeTakeFirst(),
    db.selectFrom("invitation").select(["person_id", "segment"]).where("organization_id", "=", ballot.orgId).where("id", "=", ballot.invitationId).executeTakeFirst(),
  ]);
  if (!wave || !invitation) return { state: "unknown" };
  return formState(db, wave, { personId: invitation.person_id, segment: invitation.segment, answered: ballot.spent });
}

/** The same for a survey's open link, which anyone may use once per browser. */
export async function findOpenLinkForm(db: Db, token: string): Promise<RespondentForm> {
  const row = await db.selectFrom("survey_wave").select("id").where("open_link_token_hash", "=", hashToken(token)).where("distribution", "=", "open").executeTakeFirst();
  const wave = row ? await waveSummary(db, row.id).executeTakeFirst() : undefined;
  if (!wave) return { state: "unknown" };
  return formState(db, wave, { personId: null, segment: OPEN_LINK_GROUP, answered: false });
}

export type SubmitOutcome =
  | { outcome: "stored" }
  | { outcome: "unknown" | "answered" | "closed" }
  | { outcome: "invalid-nominees"; questionIds: string[] };

async function invalidNominees(db: Db, orgId: string, nominations: Nomination[]): Promise<string[]> {
  const ids = [...new Set(nominations.map((nomination) => nomination.nomineeId))];
  if (ids.length === 0) return [];
  const found = await db.selectFrom("person").select("id").where("organization_id", "=", orgId).where("active", "=", true).where("id", "in", ids).execute();
  const valid = new Set(found.map((row) => row.id));
  return [...new Set(nominations.filter((nomination) => !valid.has(nomination.nomineeId)).map((nomination) => nomination.questionId))];
}

type Submission = { answers: Answer[]; nominations: Nomination[] };
type OpenForm = Extract<RespondentForm, { state: "open" }>;

/** Why a link's answers cannot be taken: a wave not open yet counts as closed to the respondent. */
export function notOpenOutcome(form: Exclude<RespondentForm, OpenForm>): "unknown" | "answered" | "closed" {
  return form.state === "unknown" || form.state === "answered" ? form.state : "closed";
}

/**
 * One transaction: the ballot must exist, be unspent and its wave open; it is spent, and the
 * answers go into the sealed pool with the respondent's segment.
 */
export async function submitResponse(db: Db, token: string, submission: Submission): Promise<SubmitOutcome> {
  return db.transaction().execute(async (tx): Promise<SubmitOutcome> => {
    const form = await findRespondentForm(tx, token, { forUpdate: true });
    if (form.state !== "open") return { outcome: notOpenOutcome(form) };
    return storeResponse(tx, token, form, submission);
  });
}

/**
 * The answers of a personal link whose form was read in this transaction with its ballot locked
 * (findRespondentForm with forUpdate): pooled, and the ballot spent. Choosing oneself is dropped
 * without a word: an error would tell anyone holding the link whose link it is.
 */
export async function storeResponse(tx: Db, token: string, form: OpenForm, submission: Submission): Promise<SubmitOutcome> {
  const nominations = submission.nominations.filter((nomination) => nomination.nomineeId !== form.personId);
  const invalid = await invalidNominees(tx, form.orgId, nominations);
  if (invalid.length > 0) return { outcome: "invalid-nominees", questionIds: invalid };
  await poolResponse(tx, form.orgId, form.waveId, { segment: form.segment, answers: submission.answers, nominations });
  await spendBallot(tx, hashToken(token));
  return { outcome: "stored" };
}

/** Open-link answers: no ballot to spend and nobody to place; they form their own group. */
export async function submitOpenLinkResponse(db: Db, token: string, submission: Submission): Promise<SubmitOutcome> {
  return db.transaction().execute(async (tx): Promise<SubmitOutcome> => {
    const wave = await tx
      .selectFrom("survey_wave")
      .select(["id", "organization_id", "status"])
      .where("open_link_token_hash", "=", hashToken(token))
      .where("distribution", "=", "open")
      .executeTakeFirst();
    if (!wave) return { outcome: "unknown" };
    if (wave.status !== "open") return { outcome: "closed" };
    const invalid = await invalidNominees(tx, wave.organization_id, submission.nominations);
    if (invalid.length > 0) return { outcome: "invalid-nominees", questionIds: invalid };
    await poolResponse(tx, wave.organization_id, wave.id, { segment: OPEN_LINK_GROUP, ...submission });
    return { outcome: "stored" };
  });
}
