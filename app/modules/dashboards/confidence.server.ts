import { LRUCache } from "lru-cache";
import type { Db } from "~/db.server";
import { confidenceOf, participationConfidence, type Confidence } from "~/modules/analytics/confidence";
import type { Scope } from "~/modules/analytics/dashboard";
import { parseGroup } from "~/modules/anonymity/groups";
import { participationTotal } from "~/modules/anonymity/participation";
import { scopeKey } from "./naming.server";

/**
 * How sure a member's view of a wave can be, from how many of the people it covers answered.
 *
 * For the organization, the participation count (shown exactly only when at least k answered and
 * k did not, so that it says nothing about anyone). For a leader's part of the org chart, only
 * what is already published: the responses released in the teams of their subtree, against the
 * people invited there. Responses pooled into wider groups cannot be placed in a subtree, so this
 * is a lower bound ("at least"), and it moves only when a whole batch of k is released.
 */
export type ScopeConfidence = { level: Confidence; percent: number | null; atLeast: boolean; invited: number; scope: "organization" | "subtree" };

// Counting a wave's invitations and answers costs a pass over the organization (30,000 rows at
// 30,000 people) on every dashboard page: the line is kept for half a minute per wave and scope.
// It moves only with answers and releases, and figures already lag those by a release batch.
const kept = new LRUCache<string, { confidence: ScopeConfidence | null }>({ max: 1_000, ttl: 30_000 });

export async function scopeConfidence(db: Db, orgId: string, waveId: string, scope: Scope): Promise<ScopeConfidence | null> {
  const key = `${orgId}|${waveId}|${scopeKey(scope)}`;
  const found = kept.get(key);
  if (found) return found.confidence;
  const confidence = await currentConfidence(db, orgId, waveId, scope);
  kept.set(key, { confidence });
  return confidence;
}

async function currentConfidence(db: Db, orgId: string, waveId: string, scope: Scope): Promise<ScopeConfidence | null> {
  const wave = await db.selectFrom("survey_wave").select(["min_group_size", "distribution"]).where("organization_id", "=", orgId).where("id", "=", waveId).executeTakeFirst();
  if (!wave || wave.distribution === "open") return null;
  return scope.kind === "organization" ? organizationConfidence(db, orgId, waveId, wave.min_group_size) : subtreeConfidence(db, orgId, waveId, scope.personIds);
}

async function organizationConfidence(db: Db, orgId: string, waveId: string, k: number): Promise<ScopeConfidence | null> {
  const [invited, answered] = await Promise.all([
    db.selectFrom("invitation").select((eb) => eb.fn.countAll<string>().as("count")).where("organization_id", "=", orgId).where("wave_id", "=", waveId).executeTakeFirstOrThrow(),
    db.selectFrom("ballot").select((eb) => eb.fn.countAll<string>().as("count")).where("organization_id", "=", orgId).where("wave_id", "=", waveId).where("spent", "=", true).executeTakeFirstOrThrow(),
  ]);
  const total = participationTotal(Number(invited.count), Number(answered.count), k);
  if (total.invited === 0) return null;
  const { level, rate } = participationConfidence(total);
  return { level, percent: rate === null ? null : Math.round(rate * 100), atLeast: false, invited: total.invited, scope: "organization" };
}

async function subtreeConfidence(db: Db, orgId: string, waveId: string, personIds: ReadonlySet<string>): Promise<ScopeConfidence | null> {
  const [invitations, groups] = await Promise.all([
    db.selectFrom("invitation").select("person_id").where("organization_id", "=", orgId).where("wave_id", "=", waveId).execute(),
    db
      .selectFrom("response")
      .select(["group_key", (eb) => eb.fn.countAll<string>().as("count")])
      .where("organization_id", "=", orgId)
      .where("wave_id", "=", waveId)
      .groupBy("group_key")
      .execute(),
  ]);
  const invited = invitations.filter((invitation) => personIds.has(invitation.person_id)).length;
  if (invited === 0) return null;
  const released = groups.reduce((sum, row) => {
    const group = parseGroup(row.group_key);
    return group.kind === "team" && group.managerId !== null && personIds.has(group.managerId) ? sum + Number(row.count) : sum;
  }, 0);
  return { level: confidenceOf(released, invited), percent: Math.floor((released / invited) * 100), atLeast: true, invited, scope: "subtree" };
}
