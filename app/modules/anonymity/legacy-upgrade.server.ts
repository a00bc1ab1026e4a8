import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { shuffle } from "~/modules/shuffle.server";
import { departmentPool, OPEN_LINK_GROUP, ORGANIZATION_POOL, segmentDepartment } from "./groups";
import type { PooledResponse } from "./pool.server";
import { seal, unseal } from "./seal.server";

/**
 * Data stored before ballots, moved to the present model once, at the first start after the
 * upgrade (it needs the app secret, which migrations never see):
 *
 *   - links of open and scheduled waves become ballots with the same token hashes, so emailed
 *     links keep working, and spent when their invitation was answered;
 *   - released responses carried their segment, which could hold fewer than k people who
 *     answered: they are relabelled with the group they were published under (a segment of k
 *     responses, else its department's pool, else the organization's), the same figures as before;
 *   - pooled responses of a wave with k answers are released the same way; the others wait in the
 *     new format, without a respondent, and are discarded at close unless k can go together;
 *   - the legacy link table and answered flags are dropped.
 */
/** Returns how many waves had data to move (none on a fresh installation). */
export async function upgradeLegacyAnonymity(db: Db): Promise<number> {
  const { rows } = await sql<{ legacy: string | null }>`select to_regclass('legacy_invitation_token')::text as legacy`.execute(db);
  if (!rows[0]?.legacy) return 0;
  return db.transaction().execute(async (tx) => {
    await moveLinksToBallots(tx);
    const waves = await tx.selectFrom("survey_wave").select(["id", "organization_id", "min_group_size"]).where("status", "in", ["open", "closed"]).execute();
    for (const wave of waves) await relabelWave(tx, wave);
    await sql`drop table legacy_invitation_token`.execute(tx);
    await sql`alter table invitation drop column legacy_answered`.execute(tx);
    return waves.length;
  });
}

async function moveLinksToBallots(db: Db) {
  const { rows } = await sql<{ token_hash: string; invitation_id: string; organization_id: string; wave_id: string; answered: boolean }>`
    select t.token_hash, i.id as invitation_id, i.organization_id, i.wave_id, coalesce(i.legacy_answered, false) as answered
    from legacy_invitation_token t
    join invitation i on i.id = t.invitation_id
    join survey_wave w on w.id = i.wave_id
    where w.status in ('open', 'scheduled')
  `.execute(db);
  const ballots = shuffle(rows.map((row) => ({ token_hash: row.token_hash, organization_id: row.organization_id, wave_id: row.wave_id, claims: seal("ballot-claims-v1", { invitationId: row.invitation_id }), spent: row.answered })));
  for (let start = 0; start < ballots.length; start += 1_000) await db.insertInto("ballot").values(ballots.slice(start, start + 1_000)).onConflict((oc) => oc.doNothing()).execute();
}

type LegacyPooled = { segment: string; verified: boolean; answers: PooledResponse["answers"]; nominations: { questionId: string; nomineeId: string }[] };

async function relabelWave(db: Db, wave: { id: string; organization_id: string; min_group_size: number }) {
  const pooled = await db.selectFrom("response_pool").select(["id", "sealed"]).where("wave_id", "=", wave.id).execute();
  // The previous format carried a day and a verified flag; the present one neither.
  const legacy = pooled.map((row) => ({ id: row.id, response: unseal<LegacyPooled & { date?: string }>("response-pool-v1", row.sealed) })).filter((row) => row.response.date !== undefined);
  const released = await db.selectFrom("response").select((eb) => ["group_key", eb.fn.countAll<number>().as("n")]).where("wave_id", "=", wave.id).groupBy("group_key").execute();
  const total = released.reduce((sum, row) => sum + Number(row.n), 0) + legacy.length;
  if (legacy.length > 0 && total >= wave.min_group_size) {
    for (const { response } of legacy) {
      const id = randomUUID();
      await db.insertInto("response").values({ id, organization_id: wave.organization_id, wave_id: wave.id, group_key: response.verified === false ? OPEN_LINK_GROUP : response.segment }).execute();
      for (const answer of response.answers) {
        await db
          .insertInto("answer")
          .values({ response_id: id, question_id: answer.questionId, value_number: answer.kind === "number" ? answer.value : null, value_choices: answer.kind === "choices" ? JSON.stringify(answer.value) : null, value_text: answer.kind === "text" ? answer.value : null })
          .execute();
      }
      for (const n of response.nominations) {
        await db.insertInto("nomination_count").values({ organization_id: wave.organization_id, wave_id: wave.id, group_key: response.verified === false ? OPEN_LINK_GROUP : response.segment, question_id: n.questionId, nominee_id: n.nomineeId, count: 1 }).execute();
      }
    }
    await db.deleteFrom("response_pool").where("id", "in", legacy.map((row) => row.id)).execute();
  } else {
    for (const { id, response } of legacy) {
      const waiting: PooledResponse = { segment: response.verified === false ? OPEN_LINK_GROUP : response.segment, answers: response.answers, nominations: response.nominations.map(({ questionId, nomineeId }) => ({ questionId, nomineeId })) };
      await db.updateTable("response_pool").set({ sealed: seal("response-pool-v1", waiting) }).where("id", "=", id).execute();
    }
  }
  const counts = await db.selectFrom("response").select((eb) => ["group_key", eb.fn.countAll<number>().as("n")]).where("wave_id", "=", wave.id).groupBy("group_key").execute();
  const groups = publishedGroups(new Map(counts.map((row) => [row.group_key, Number(row.n)])), wave.min_group_size);
  for (const [segment, group] of groups) {
    if (segment === group) continue;
    await db.updateTable("response").set({ group_key: group }).where("wave_id", "=", wave.id).where("group_key", "=", segment).execute();
    await db.updateTable("nomination_count").set({ group_key: group }).where("wave_id", "=", wave.id).where("group_key", "=", segment).execute();
  }
}

/**
 * The groups the previous version published legacy segments under: a segment of k responses on
 * its own, else its department's pool, else the organization's, which takes the smallest others
 * while it is short of k. (Open-link answers, which it pooled with everyone's, stay apart.)
 */
export function publishedGroups(counts: ReadonlyMap<string, number>, k: number): Map<string, string> {
  const groupOf = new Map<string, string>();
  const byPool = new Map<string, string[]>();
  for (const [segment, n] of counts) {
    if (segment === OPEN_LINK_GROUP || n >= k) groupOf.set(segment, segment);
    else {
      const department = segmentDepartment(segment);
      const pool = department === undefined ? ORGANIZATION_POOL : departmentPool(department);
      byPool.set(pool, [...(byPool.get(pool) ?? []), segment]);
    }
  }
  const sizeOf = (group: string) => [...groupOf].filter(([, g]) => g === group).reduce((sum, [segment]) => sum + counts.get(segment)!, 0);
  for (const [pool, segments] of byPool) {
    const size = segments.reduce((sum, segment) => sum + counts.get(segment)!, 0);
    for (const segment of segments) groupOf.set(segment, pool === ORGANIZATION_POOL || size < k ? ORGANIZATION_POOL : pool);
  }
  const candidates = [...new Set(groupOf.values())].filter((group) => group !== ORGANIZATION_POOL && group !== OPEN_LINK_GROUP).sort((a, b) => Number(!a.startsWith("pool:")) - Number(!b.startsWith("pool:")) || sizeOf(a) - sizeOf(b) || a.localeCompare(b));
  for (const candidate of candidates) {
    const organization = sizeOf(ORGANIZATION_POOL);
    if (organization === 0 || organization >= k) break;
    for (const [segment, group] of groupOf) if (group === candidate) groupOf.set(segment, ORGANIZATION_POOL);
  }
  return groupOf;
}
