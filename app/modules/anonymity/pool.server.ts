import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { nudge } from "~/modules/jobs/queue.server";
import type { Answer, Nomination } from "~/modules/responses/submission";
import { shuffle } from "~/modules/shuffle.server";
import { planRelease, type Waiting } from "./release";
import { seal, unseal } from "./seal.server";

/**
 * The sealed pool: where an answer waits until it can be released with at least k others of its
 * group (release.ts says when and under which group).
 *
 * A submission spends its ballot and writes the pooled answer in one transaction, so inside
 * PostgreSQL both rows share a transaction id. That is harmless: the ballot is tied to nobody
 * without the app secret, and the pooled answer is sealed. A release writes whole batches, in one
 * new transaction, in random order, with fresh keys, and deletes them from the pool: a released
 * response can be traced to its batch of k at best, by any system column, order or time.
 *
 * What the operator can see before release is in the README: the sealed answer names its
 * respondent so that the release rules can be checked.
 */

export type PooledResponse = {
  /** Null for the open link, whose respondents are unknown. */
  personId: string | null;
  /** The respondent's segment at launch, or the open-link group. */
  segment: string;
  answers: Answer[];
  nominations: Nomination[];
};

export async function poolResponse(db: Db, orgId: string, waveId: string, response: PooledResponse): Promise<void> {
  await db.insertInto("response_pool").values({ organization_id: orgId, wave_id: waveId, sealed: seal("response-pool-v1", response) }).execute();
}

const CHUNK = 1_000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

/** Responses already released in a wave, with whom each chose: what the release rules weigh. */
async function releasedResponses(db: Db, waveId: string) {
  const [responses, nominations] = await Promise.all([
    db.selectFrom("response").select(["id", "group_key"]).where("wave_id", "=", waveId).execute(),
    db.selectFrom("nomination").innerJoin("response", "response.id", "nomination.response_id").select(["nomination.response_id", "nomination.nominee_id"]).where("response.wave_id", "=", waveId).execute(),
  ]);
  const chosen = new Map(responses.map((response) => [response.id, new Set<string>()]));
  for (const nomination of nominations) chosen.get(nomination.response_id)?.add(nomination.nominee_id);
  return responses.map((response) => ({ group: response.group_key, nominees: chosen.get(response.id)! }));
}

async function writeBatch(db: Db, orgId: string, waveId: string, group: string, batch: PooledResponse[]) {
  const responses = shuffle(batch.map((response) => ({ ...response, id: randomUUID() })));
  await db.insertInto("response").values(responses.map((response) => ({ id: response.id, organization_id: orgId, wave_id: waveId, group_key: group }))).execute();
  const answers = responses.flatMap((response) =>
    response.answers.map((answer) => ({
      response_id: response.id,
      question_id: answer.questionId,
      value_number: answer.kind === "number" ? answer.value : null,
      value_choices: answer.kind === "choices" ? JSON.stringify(answer.value) : null,
      value_text: answer.kind === "text" ? answer.value : null,
    })),
  );
  await insertChunked(answers, (chunk) => db.insertInto("answer").values(chunk).execute());
  const nominations = responses.flatMap((response) => response.nominations.map((nomination) => ({ response_id: response.id, question_id: nomination.questionId, nominee_id: nomination.nomineeId })));
  await insertChunked(nominations, (chunk) => db.insertInto("nomination").values(chunk).execute());
}

export type ReleaseOutcome = { released: number; discarded: number };

/**
 * Releases what the rules allow for one wave: while it is open, segments that can take a batch;
 * once it has closed, everything, into pools, discarding what could never be shown.
 */
export async function releaseWave(db: Db, waveId: string): Promise<ReleaseOutcome> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`release:${waveId}`}))`.execute(tx);
    const wave = await tx.selectFrom("survey_wave").select(["organization_id", "min_group_size", "status"]).where("id", "=", waveId).executeTakeFirst();
    if (!wave) return { released: 0, discarded: 0 };
    const rows = await tx.selectFrom("response_pool").select(["id", "sealed"]).where("wave_id", "=", waveId).execute();
    const pooled = new Map(rows.map((row) => [row.id, unseal<PooledResponse>("response-pool-v1", row.sealed)]));
    const closing = wave.status === "closed";
    const k = wave.min_group_size;
    if (pooled.size === 0 || (!closing && !anySegmentHasK([...pooled.values()], k) && !(await everyoneAnswered(tx, waveId, pooled.size)))) return { released: 0, discarded: 0 };

    const [invitations, released] = await Promise.all([
      tx.selectFrom("invitation").select(["person_id", "segment"]).where("wave_id", "=", waveId).execute(),
      releasedResponses(tx, waveId),
    ]);
    const waiting: Waiting[] = [...pooled].map(([id, response]) => ({
      id,
      personId: response.personId,
      segment: response.segment,
      nominees: new Set(response.nominations.map((nomination) => nomination.nomineeId)),
    }));
    const plan = planRelease({ k, segmentOf: new Map(invitations.map((row) => [row.person_id, row.segment])), released, waiting, closing });
    for (const batch of plan.batches) await writeBatch(tx, wave.organization_id, waveId, batch.group, batch.ids.map((id) => pooled.get(id)!));
    const done = [...plan.batches.flatMap((batch) => batch.ids), ...plan.discarded];
    if (done.length > 0) await tx.deleteFrom("response_pool").where("id", "in", done).execute();
    return { released: done.length - plan.discarded.length, discarded: plan.discarded.length };
  });
}

/** Cheap test before loading a wave's released responses: could any segment take a batch? */
function anySegmentHasK(pooled: PooledResponse[], k: number): boolean {
  const counts = new Map<string, number>();
  for (const response of pooled) {
    const count = (counts.get(response.segment) ?? 0) + 1;
    if (count >= k) return true;
    counts.set(response.segment, count);
  }
  return false;
}

/** Everyone invited has answered (released or waiting): the release rules then place everything at once. */
async function everyoneAnswered(db: Db, waveId: string, pooled: number): Promise<boolean> {
  const [invited, released] = await Promise.all([
    db.selectFrom("invitation").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).executeTakeFirstOrThrow(),
    db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).where("group_key", "!=", "open-link").executeTakeFirstOrThrow(),
  ]);
  return Number(invited.n) > 0 && Number(released.n) + pooled >= Number(invited.n);
}

/** The release timer's pass: every wave with waiting answers; then the figures are brought up to date. */
export async function releaseResponsePool(db: Db): Promise<number> {
  const waves = await db.selectFrom("response_pool").select("wave_id").distinct().execute();
  let released = 0;
  for (const { wave_id } of waves) released += (await releaseWave(db, wave_id)).released;
  await afterRelease(db, released);
  return released;
}

/** A closing wave places everything at once. */
export async function releaseClosedWave(db: Db, waveId: string): Promise<ReleaseOutcome> {
  const outcome = await releaseWave(db, waveId);
  await afterRelease(db, outcome.released + outcome.discarded);
  await nudge("compute-analytics", { debounceSeconds: 1 });
  return outcome;
}

async function afterRelease(db: Db, changed: number) {
  if (changed === 0) return;
  // Dead row versions of pooled rows are sealed, but there is no reason to keep them on disk.
  await sql`vacuum response_pool`.execute(db).catch(() => undefined);
  await nudge("compute-analytics", { debounceSeconds: 5 });
}

