import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { nudge } from "~/modules/jobs/queue.server";
import type { StoredRelation } from "./relations";
import type { PooledResponse } from "./responses.server";
import { unseal } from "~/modules/anonymity/seal.server";
import { shuffle } from "~/modules/shuffle.server";

/**
 * Releasing responses from the pool.
 *
 * A submission marks its invitation used and puts the response in the pool in one transaction,
 * so inside PostgreSQL both rows carry the same transaction id (xmin) and sit in neighbouring
 * places on disk. Were the response written straight to its table, anyone with the database could
 * pair the two. Instead responses are released in batches: every release writes, in one new
 * transaction and in random order, with fresh random keys, the pooled responses together with
 * enough already-released ones (removed and written again) that each batch holds at least k. A
 * response can then be traced, by any system column or order, to a batch of k or more
 * invitations at best. The pooled rows are sealed with a key outside the database while they wait.
 *
 * While fewer than k responses exist for a wave, nothing is released: no figure could be shown
 * yet anyway. A wave that closes with fewer than k keeps them sealed.
 */

type Released = PooledResponse;

export async function flushWave(db: Db, waveId: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`flush:${waveId}`}))`.execute(tx);
    const wave = await tx.selectFrom("survey_wave").select(["organization_id", "min_group_size"]).where("id", "=", waveId).executeTakeFirst();
    if (!wave) return 0;
    const pooled = await tx.selectFrom("response_pool").select(["id", "sealed"]).where("wave_id", "=", waveId).execute();
    if (pooled.length === 0) return 0;
    const released = await tx
      .selectFrom("response")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("wave_id", "=", waveId)
      .executeTakeFirstOrThrow();
    const k = wave.min_group_size;
    if (Number(released.n) + pooled.length < k) return 0;

    const remix = Math.min(Number(released.n), Math.max(0, k - pooled.length));
    const batch: Released[] = pooled.map((row) => unseal<PooledResponse>(row.sealed));
    if (remix > 0) batch.push(...(await takeReleased(tx, waveId, remix)));

    const responses = shuffle(batch).map((response) => ({ ...response, id: randomUUID() }));
    for (const response of responses) {
      await tx
        .insertInto("response")
        .values({ id: response.id, organization_id: wave.organization_id, wave_id: waveId, segment: response.segment, response_date: response.date, verified: response.verified })
        .execute();
    }
    const answers = responses.flatMap((response) =>
      response.answers.map((answer) => ({
        response_id: response.id,
        question_id: answer.questionId,
        value_number: answer.kind === "number" ? answer.value : null,
        value_choices: answer.kind === "choices" ? JSON.stringify(answer.value) : null,
        value_text: answer.kind === "text" ? answer.value : null,
      })),
    );
    for (let start = 0; start < answers.length; start += 1_000) await tx.insertInto("answer").values(answers.slice(start, start + 1_000)).execute();
    const nominations = responses.flatMap((response) =>
      response.nominations.map((nomination) => ({ response_id: response.id, question_id: nomination.questionId, nominee_id: nomination.nomineeId, relation: nomination.relation })),
    );
    for (let start = 0; start < nominations.length; start += 1_000) await tx.insertInto("nomination").values(nominations.slice(start, start + 1_000)).execute();
    await tx.deleteFrom("response_pool").where("id", "in", pooled.map((row) => row.id)).execute();
    return pooled.length;
  });
}

/** Removes `count` random released responses and returns them, to be written again in the batch. */
async function takeReleased(db: Db, waveId: string, count: number): Promise<Released[]> {
  const rows = await db.selectFrom("response").select(["id", "segment", "response_date", "verified"]).where("wave_id", "=", waveId).orderBy(sql`random()`).limit(count).execute();
  const ids = rows.map((row) => row.id);
  const [answers, nominations] = await Promise.all([
    db.selectFrom("answer").select(["response_id", "question_id", "value_number", "value_choices", "value_text"]).where("response_id", "in", ids).execute(),
    db.selectFrom("nomination").select(["response_id", "question_id", "nominee_id", "relation"]).where("response_id", "in", ids).execute(),
  ]);
  await db.deleteFrom("response").where("id", "in", ids).execute();
  return rows.map((row) => ({
    segment: row.segment,
    date: row.response_date,
    verified: row.verified,
    answers: answers
      .filter((answer) => answer.response_id === row.id)
      .map((answer) =>
        answer.value_number !== null
          ? { questionId: answer.question_id, kind: "number" as const, value: answer.value_number }
          : answer.value_choices !== null
            ? { questionId: answer.question_id, kind: "choices" as const, value: answer.value_choices }
            : { questionId: answer.question_id, kind: "text" as const, value: answer.value_text ?? "" },
      ),
    nominations: nominations
      .filter((nomination) => nomination.response_id === row.id)
      .map((nomination) => ({ questionId: nomination.question_id, nomineeId: nomination.nominee_id, relation: nomination.relation as StoredRelation })),
  }));
}

/** Every wave with pooled responses; then the dashboards' figures are brought up to date. */
export async function flushResponsePool(db: Db): Promise<number> {
  const waves = await db.selectFrom("response_pool").select("wave_id").distinct().execute();
  let released = 0;
  for (const { wave_id } of waves) released += await flushWave(db, wave_id);
  await afterRelease(db, released);
  return released;
}

/** A closing wave releases what it can at once. */
export async function releaseClosedWave(db: Db, waveId: string): Promise<void> {
  await afterRelease(db, await flushWave(db, waveId));
  await nudge("compute-analytics", { debounceSeconds: 1 });
}

async function afterRelease(db: Db, released: number) {
  if (released === 0) return;
  // Dead row versions of pooled rows would still pair them with their invitations on disk.
  await sql`vacuum response_pool`.execute(db).catch(() => undefined);
  await nudge("compute-analytics", { debounceSeconds: 5 });
}
