import { sql } from "kysely";
import type { Db } from "~/db.server";
import { hashToken } from "~/modules/tokens.server";
import { parseOptions } from "~/modules/surveys/questions";
import { disclosedRelations, type StoredRelation } from "./relations";
import { seal } from "~/modules/anonymity/seal.server";
import type { Answer, FormQuestion, Nomination } from "./submission";

/** The segment of answers given through an open link: respondents nobody can place. */
export const UNVERIFIED_SEGMENT = "unverified";

/** What is sealed into the pool for one response. No person, no invitation, no time of day. */
export type PooledResponse = {
  segment: string;
  date: string;
  verified: boolean;
  answers: Answer[];
  nominations: (Nomination & { relation: StoredRelation })[];
};

export type RespondentForm =
  | { state: "unknown" }
  | { state: "answered" | "closed" | "not-open"; orgName: string; surveyName: string }
  | { state: "open"; orgId: string; orgName: string; surveyName: string; waveId: string; personId: string | null; questions: FormQuestion[]; closesAt: Date | null };

async function loadQuestions(db: Db, waveId: string): Promise<FormQuestion[]> {
  const rows = await db.selectFrom("question").select(["id", "kind", "prompt", "description", "required", "options"]).where("wave_id", "=", waveId).orderBy("position").execute();
  return rows.map((row) => ({ ...row, options: parseOptions(row.options) }));
}

/** What a personal link leads to: the form, or a clear reason why not. */
export async function findRespondentForm(db: Db, token: string): Promise<RespondentForm> {
  const row = await db
    .selectFrom("invitation_token as t")
    .innerJoin("invitation as i", "i.id", "t.invitation_id")
    .innerJoin("survey_wave as w", "w.id", "i.wave_id")
    .innerJoin("survey as s", "s.id", "w.survey_id")
    .innerJoin("organization as o", "o.id", "w.organization_id")
    .select(["i.person_id", "i.answered", "w.id as waveId", "w.status", "w.closes_at", "s.name as surveyName", "o.id as orgId", "o.name as orgName"])
    .where("t.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  return formState(db, { ...row, personId: row.person_id });
}

/** The same for a survey's open link, which anyone may use once per browser. */
export async function findOpenLinkForm(db: Db, token: string): Promise<RespondentForm> {
  const row = await db
    .selectFrom("survey_wave as w")
    .innerJoin("survey as s", "s.id", "w.survey_id")
    .innerJoin("organization as o", "o.id", "w.organization_id")
    .select(["w.id as waveId", "w.status", "w.closes_at", "s.name as surveyName", "o.id as orgId", "o.name as orgName"])
    .where("w.open_link_token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  return formState(db, { ...row, personId: null, answered: false });
}

async function formState(
  db: Db,
  row: { personId: string | null; answered: boolean; waveId: string; status: string; closes_at: Date | null; surveyName: string; orgId: string; orgName: string },
): Promise<RespondentForm> {
  const names = { orgName: row.orgName, surveyName: row.surveyName };
  if (row.answered) return { state: "answered", ...names };
  if (row.status === "closed") return { state: "closed", ...names };
  if (row.status !== "open") return { state: "not-open", ...names };
  return { state: "open", orgId: row.orgId, ...names, waveId: row.waveId, personId: row.personId, questions: await loadQuestions(db, row.waveId), closesAt: row.closes_at };
}

/** People a respondent may choose: active, in the organization, never themselves. */
export async function searchNominees(db: Db, orgId: string, search: string, excludeIds: string[], limit = 20) {
  const text = search.trim().slice(0, 100);
  if (!text) return [];
  const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  let query = db
    .selectFrom("person")
    .select(["id", "name", "title", "department"])
    .where("organization_id", "=", orgId)
    .where("active", "=", true)
    .where((eb) => eb.or([eb("name", "ilike", pattern), eb("email", "ilike", pattern), eb("title", "ilike", pattern), eb("department", "ilike", pattern)]));
  if (excludeIds.length > 0) query = query.where("id", "not in", excludeIds);
  return query.orderBy("name").limit(limit).execute();
}

/** Names for people already chosen, to show them again. Unknown ids are simply absent. */
export async function nomineeNames(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("person").select(["id", "name", "title", "department"]).where("organization_id", "=", orgId).where("id", "in", ids).execute();
}

export type SubmitOutcome =
  | { outcome: "stored" }
  | { outcome: "unknown" | "answered" | "closed" }
  | { outcome: "invalid-nominees"; questionIds: string[] };

async function checkNominees(db: Db, orgId: string, nominations: Nomination[]): Promise<string[]> {
  const ids = [...new Set(nominations.map((nomination) => nomination.nomineeId))];
  if (ids.length === 0) return [];
  const found = await db.selectFrom("person").select("id").where("organization_id", "=", orgId).where("active", "=", true).where("id", "in", ids).execute();
  const valid = new Set(found.map((row) => row.id));
  return [...new Set(nominations.filter((nomination) => !valid.has(nomination.nomineeId)).map((nomination) => nomination.questionId))];
}

/** Today in UTC: the only date a response carries. */
export function responseDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * One transaction: the link must be valid and unused and the wave open; the invitation is marked
 * used; the response goes into the pool, sealed, with its segment, the day, and each nominee's
 * relation to the respondent as precisely as the segment allows. Nothing else about the
 * respondent is written anywhere.
 */
export async function submitResponse(db: Db, token: string, submission: { answers: Answer[]; nominations: Nomination[] }, now = new Date()): Promise<SubmitOutcome> {
  const outcome = await db.transaction().execute(async (tx): Promise<SubmitOutcome> => {
    const invitation = await tx
      .selectFrom("invitation_token as t")
      .innerJoin("invitation as i", "i.id", "t.invitation_id")
      .innerJoin("survey_wave as w", "w.id", "i.wave_id")
      .select(["i.id", "i.person_id", "i.segment", "i.answered", "w.id as waveId", "w.organization_id as orgId", "w.status", "w.min_group_size"])
      .where("t.token_hash", "=", hashToken(token))
      .forUpdate("i")
      .executeTakeFirst();
    if (!invitation) return { outcome: "unknown" };
    if (invitation.answered) return { outcome: "answered" };
    if (invitation.status !== "open") return { outcome: "closed" };
    if (submission.nominations.some((nomination) => nomination.nomineeId === invitation.person_id)) {
      return { outcome: "invalid-nominees", questionIds: submission.nominations.filter((n) => n.nomineeId === invitation.person_id).map((n) => n.questionId) };
    }
    const invalid = await checkNominees(tx, invitation.orgId, submission.nominations);
    if (invalid.length > 0) return { outcome: "invalid-nominees", questionIds: invalid };

    const relations = await relationsFor(tx, {
      orgId: invitation.orgId,
      waveId: invitation.waveId,
      segment: invitation.segment,
      respondentId: invitation.person_id,
      nominations: submission.nominations,
      k: invitation.min_group_size,
    });
    const pooled: PooledResponse = {
      segment: invitation.segment,
      date: responseDate(now),
      verified: true,
      answers: submission.answers,
      nominations: submission.nominations.map((nomination) => ({ ...nomination, relation: relations.get(nomination.nomineeId)! })),
    };
    await tx.insertInto("response_pool").values({ organization_id: invitation.orgId, wave_id: invitation.waveId, sealed: seal(pooled) }).execute();
    await tx.updateTable("invitation").set({ answered: true }).where("id", "=", invitation.id).execute();
    return { outcome: "stored" };
  });
  return outcome;
}

/** Open-link answers: no invitation to use up, so no relation can be known either. */
export async function submitOpenLinkResponse(db: Db, token: string, submission: { answers: Answer[]; nominations: Nomination[] }, now = new Date()): Promise<SubmitOutcome> {
  const outcome = await db.transaction().execute(async (tx): Promise<SubmitOutcome> => {
    const wave = await tx
      .selectFrom("survey_wave")
      .select(["id", "organization_id", "status"])
      .where("open_link_token_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (!wave) return { outcome: "unknown" };
    if (wave.status !== "open") return { outcome: "closed" };
    const invalid = await checkNominees(tx, wave.organization_id, submission.nominations);
    if (invalid.length > 0) return { outcome: "invalid-nominees", questionIds: invalid };
    const pooled: PooledResponse = {
      segment: UNVERIFIED_SEGMENT,
      date: responseDate(now),
      verified: false,
      answers: submission.answers,
      nominations: submission.nominations.map((nomination) => ({ ...nomination, relation: "undisclosed" })),
    };
    await tx.insertInto("response_pool").values({ organization_id: wave.organization_id, wave_id: wave.id, sealed: seal(pooled) }).execute();
    return { outcome: "stored" };
  });
  return outcome;
}

/** The org chart around the segment and the nominees, then the relations to store. */
async function relationsFor(
  db: Db,
  { orgId, waveId, segment, respondentId, nominations, k }: { orgId: string; waveId: string; segment: string; respondentId: string; nominations: Nomination[]; k: number },
): Promise<Map<string, StoredRelation>> {
  const nomineeIds = [...new Set(nominations.map((nomination) => nomination.nomineeId))];
  if (nomineeIds.length === 0) return new Map();
  const members = await db.selectFrom("invitation").select("person_id").where("wave_id", "=", waveId).where("segment", "=", segment).execute();
  const segmentMembers = members.map((member) => member.person_id);
  const { rows } = await sql<{ id: string; manager_id: string | null }>`
    with recursive chain(id, manager_id, depth) as (
      select id, manager_id, 0 from person
      where organization_id = ${orgId} and id in (${sql.join([...new Set([...segmentMembers, ...nomineeIds])])})
      union
      select p.id, p.manager_id, c.depth + 1 from person p join chain c on p.id = c.manager_id
      where p.organization_id = ${orgId} and c.depth < 100
    )
    select distinct id, manager_id from chain
  `.execute(db);
  const managerOf = new Map(rows.map((row) => [row.id, row.manager_id]));
  const stored = disclosedRelations({ managerOf, segmentMembers, respondentId, nomineeIds, k });
  return new Map(nomineeIds.map((id, index) => [id, stored[index]!]));
}
