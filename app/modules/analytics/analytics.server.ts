import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { participationCounts } from "~/modules/anonymity/ballots.server";
import { commentMinimum } from "~/modules/anonymity/policy";
import { derivedKey } from "~/modules/secret.server";
import { ANALYTICS_VERSION, computeWaveAnalytics, type EngineInput, type WaveAnalytics } from "./engine";
import { computeNetworkLayout } from "./network-layout";
import { countNoise } from "~/modules/anonymity/privacy";
import { rememberSnapshot } from "./snapshot-cache.server";

export async function loadEngineInput(db: Db, waveId: string): Promise<(Omit<EngineInput, "noise"> & { orgId: string; epsilon: number | null }) | undefined> {
  const wave = await db
    .selectFrom("survey_wave")
    .innerJoin("organization", "organization.id", "survey_wave.organization_id")
    .select(["survey_wave.organization_id as orgId", "survey_wave.min_group_size", "survey_wave.status", "organization.dp_epsilon", "organization.comment_min_group_size"])
    .where("survey_wave.id", "=", waveId)
    .executeTakeFirst();
  if (!wave) return undefined;
  const answersOf = (column: "value_number" | "value_text") =>
    db
      .selectFrom("answer")
      .innerJoin("response", "response.id", "answer.response_id")
      .select(["answer.response_id as responseId", "answer.question_id as questionId", `answer.${column} as value`])
      .where("response.wave_id", "=", waveId)
      .where(`answer.${column}`, "is not", null)
      .execute();
  const [people, memberships, participation, questions, responses, numbers, texts, nominations] = await Promise.all([
    db.selectFrom("person").select(["id", "name", "title", "department", "manager_id as managerId", "level", "active"]).where("organization_id", "=", wave.orgId).execute(),
    db.selectFrom("invitation").select(["person_id as personId", "segment"]).where("wave_id", "=", waveId).execute(),
    participationCounts(db, wave.orgId, waveId),
    db.selectFrom("question").select(["id", "key", "kind", "construct", "prompt"]).where("wave_id", "=", waveId).orderBy("position").execute(),
    db.selectFrom("response").select(["id", "group_key as group"]).where("wave_id", "=", waveId).execute(),
    answersOf("value_number"),
    answersOf("value_text"),
    db
      .selectFrom("nomination_count")
      .select((eb) => ["group_key as group", "question_id as questionId", "nominee_id as nomineeId", eb.fn.sum<number>("count").as("count")])
      .where("wave_id", "=", waveId)
      .groupBy(["group_key", "question_id", "nominee_id"])
      .execute(),
  ]);
  return {
    orgId: wave.orgId,
    epsilon: wave.dp_epsilon,
    waveId,
    k: wave.min_group_size,
    commentMinimum: commentMinimum(wave.min_group_size, wave.comment_min_group_size),
    closed: wave.status === "closed",
    people,
    memberships,
    participation,
    questions,
    responses,
    numbers: numbers.map((row) => ({ ...row, value: Number(row.value) })),
    texts: texts.map((row) => ({ ...row, text: String(row.value) })),
    nominations: nominations.map((row) => ({ ...row, count: Number(row.count) })),
  };
}

export async function computeSnapshot(db: Db, waveId: string): Promise<WaveAnalytics | undefined> {
  const input = await loadEngineInput(db, waveId);
  if (!input) return undefined;
  const started = performance.now();
  const analytics = computeWaveAnalytics({ ...input, noise: countNoise(derivedKey("dp-noise"), waveId, input.epsilon) });
  // Once per snapshot, so that no page lays the network out (network-layout.ts).
  analytics.layout = computeNetworkLayout({ waveId, blocks: analytics.blocks, membership: analytics.membership, edges: analytics.edges });
  const computeMs = Math.round(performance.now() - started);
  const row = {
    organization_id: input.orgId,
    released_responses: input.responses.length,
    min_group_size: input.k,
    dp_epsilon: input.epsilon,
    compute_ms: computeMs,
    version: analytics.version,
    closed: analytics.closed,
    answered: input.participation.reduce((sum, row) => sum + row.answered, 0),
    data: JSON.stringify(analytics),
  };
  const written = await db
    .insertInto("analytics_snapshot")
    .values({ wave_id: waveId, ...row })
    .onConflict((oc) => oc.column("wave_id").doUpdateSet({ ...row, computed_at: sql`now()` }))
    .returning(["computed_at as computedAt", sql<string>`computed_at::text`.as("stamp")])
    .executeTakeFirstOrThrow();
  rememberSnapshot(input.orgId, waveId, written, analytics);
  return analytics;
}

/** Waves whose snapshot no longer matches their responses, participation, state, settings or code. */
export async function staleWaves(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select w.id
    from survey_wave w
    join organization o on o.id = w.organization_id
    left join analytics_snapshot s on s.wave_id = w.id
    where w.status in ('open', 'closed')
      and (s.wave_id is null
        or s.released_responses <> (select count(*) from response r where r.wave_id = w.id)
        or s.answered <> (select count(*) from ballot b where b.wave_id = w.id and b.spent)
        or s.closed <> (w.status = 'closed')
        or s.version <> ${ANALYTICS_VERSION}
        or s.min_group_size <> w.min_group_size
        or s.dp_epsilon is distinct from o.dp_epsilon)
  `.execute(db);
  return rows.map((row) => row.id);
}

export async function refreshStaleSnapshots(db: Db): Promise<number> {
  const waves = await staleWaves(db);
  for (const waveId of waves) await computeSnapshot(db, waveId);
  return waves.length;
}

export async function findSnapshot(db: Db, orgId: string, waveId: string) {
  const row = await db
    .selectFrom("analytics_snapshot")
    .select(["data", "computed_at"])
    .where("organization_id", "=", orgId)
    .where("wave_id", "=", waveId)
    .where("version", "=", ANALYTICS_VERSION)
    .executeTakeFirst();
  return row ? { analytics: row.data as WaveAnalytics, computedAt: row.computed_at } : undefined;
}

/** Several waves' snapshots in one query, by wave id. */
export async function findSnapshots(db: Db, orgId: string, waveIds: string[]): Promise<Map<string, WaveAnalytics>> {
  if (waveIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("analytics_snapshot")
    .select(["wave_id", "data"])
    .where("organization_id", "=", orgId)
    .where("wave_id", "in", waveIds)
    .where("version", "=", ANALYTICS_VERSION)
    .execute();
  return new Map(rows.map((row) => [row.wave_id, row.data as WaveAnalytics]));
}
