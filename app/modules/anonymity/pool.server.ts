import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { nudge } from "~/modules/jobs/queue.server";
import type { Answer, Nomination } from "~/modules/responses/submission";
import { shuffle } from "~/modules/shuffle.server";
import { planRelease, type ReleasedGroup, type Waiting } from "./release";
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
 * What the operator can see before release is in the README: holding the secret, they can tell
 * whose ballot a pooled answer spent until it is released.
 */

export type PooledResponse = {
  /** The respondent's segment at launch, or the open-link group: never the respondent. */
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

/** What is stored of a wave's released responses, by group: how many, and the counts of whom they chose. */
async function releasedGroups(db: Db, waveId: string): Promise<ReleasedGroup[]> {
  const [responses, counts] = await Promise.all([
    db.selectFrom("response").select((eb) => ["group_key", eb.fn.countAll<number>().as("n")]).where("wave_id", "=", waveId).groupBy("group_key").execute(),
    db.selectFrom("nomination_count").select(["group_key", "question_id", "nominee_id", "count"]).where("wave_id", "=", waveId).execute(),
  ]);
  const groups = new Map(responses.map((row) => [row.group_key, { group: row.group_key, responses: Number(row.n), chosen: new Map<string, Map<string, number>>() }]));
  for (const row of counts) {
    const group = groups.get(row.group_key);
    if (!group) continue;
    const byNominee = group.chosen.get(row.question_id) ?? new Map<string, number>();
    group.chosen.set(row.question_id, byNominee);
    byNominee.set(row.nominee_id, (byNominee.get(row.nominee_id) ?? 0) + row.count);
  }
  return [...groups.values()];
}

/**
 * One batch, in the caller's transaction: its responses in random order with fresh keys, their
 * answers, and whom they chose as counts for the whole batch, attached to no response.
 */
async function writeBatch(db: Db, orgId: string, waveId: string, group: string, batch: PooledResponse[]) {
  const responses = shuffle(batch.map((response) => ({ ...response, id: randomUUID() })));
  await db.insertInto("response").values(responses.map((response) => ({ id: response.id, organization_id: orgId, wave_id: waveId, group_key: group }))).execute();
  const answers = shuffle(
    responses.flatMap((response) =>
      response.answers.map((answer) => ({
        response_id: response.id,
        question_id: answer.questionId,
        value_number: answer.kind === "number" ? answer.value : null,
        value_choices: answer.kind === "choices" ? JSON.stringify(answer.value) : null,
        value_text: answer.kind === "text" ? answer.value : null,
      })),
    ),
  );
  await insertChunked(answers, (chunk) => db.insertInto("answer").values(chunk).execute());
  const counts = new Map<string, { question_id: string; nominee_id: string; count: number }>();
  for (const { questionId, nomineeId } of batch.flatMap((response) => response.nominations)) {
    const key = `${questionId}>${nomineeId}`;
    const row = counts.get(key) ?? { question_id: questionId, nominee_id: nomineeId, count: 0 };
    counts.set(key, row);
    row.count++;
  }
  const rows = shuffle([...counts.values()].map((row) => ({ ...row, organization_id: orgId, wave_id: waveId, group_key: group })));
  await insertChunked(rows, (chunk) => db.insertInto("nomination_count").values(chunk).execute());
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
      releasedGroups(tx, waveId),
    ]);
    const waiting: Waiting[] = [...pooled].map(([id, response]) => ({ id, segment: response.segment, nominations: response.nominations }));
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

