import type { Db } from "~/db.server";
import type { Member } from "~/modules/accounts/membership.server";
import { cachedSnapshots } from "~/modules/analytics/snapshot-cache.server";
import { isShown } from "~/modules/analytics/dashboard";
import { describeParticipation } from "~/modules/anonymity/participation";
import { memberScope } from "./dashboard.server";
import { headline } from "./findings";
import { cachedViewable, namingPolicy } from "./naming.server";

export type WaveSummary = { answered: string | null; responses: number | null; headline: { share: number; phrase: string; text: string } | null };

/**
 * One line per wave for lists (the dashboards index, the org home): how many answered and the
 * headline finding, cut to the member's scope and naming exactly as the wave's own pages are.
 */
export async function waveSummaries(db: Db, member: Member, waveIds: string[]): Promise<Map<string, WaveSummary>> {
  const [scope, naming, snapshots] = await Promise.all([memberScope(db, member), namingPolicy(db, member), cachedSnapshots(db, member.orgId, waveIds)]);
  const summaries = new Map<string, WaveSummary>();
  for (const [waveId, snapshot] of snapshots) {
    // The same cached, already cut view the wave's own pages read: lists do not parse every snapshot again.
    const analytics = cachedViewable(snapshot, scope, naming(waveId));
    summaries.set(waveId, {
      answered: analytics.participation && analytics.participation.total.invited > 0 ? describeParticipation(analytics.participation.total) : null,
      responses: isShown(analytics.responses) ? analytics.responses.total : null,
      headline: analytics.blocks.length > 0 ? headline(analytics) : null,
    });
  }
  return summaries;
}
