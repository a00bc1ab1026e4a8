import { createHmac } from "node:crypto";
import type { Db } from "~/db.server";
import type { Member } from "~/modules/accounts/membership.server";
import { scopeAnalytics, type Scope } from "~/modules/analytics/dashboard";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import { applyNaming, type NamingPolicy } from "~/modules/analytics/naming";
import { derivedKey } from "~/modules/secret.server";

/** The organization's naming setting and consents, for a member's views of one wave. */
export async function namingPolicy(db: Db, member: Member): Promise<(waveId: string) => NamingPolicy> {
  const [organization, consents] = await Promise.all([
    db.selectFrom("organization").select("naming").where("id", "=", member.orgId).executeTakeFirstOrThrow(),
    db.selectFrom("naming_consent").select("person_id").where("organization_id", "=", member.orgId).execute(),
  ]);
  const consented = new Set(consents.map((row) => row.person_id));
  const viewer = member.role === "leader" ? ("leader" as const) : ("analyst" as const);
  return (waveId) => ({
    naming: organization.naming,
    consented,
    viewer,
    // Keyed, so that nobody can turn a pseudonym back into a person id from the directory.
    pseudonym: (personId) => `anonymous-${createHmac("sha256", derivedKey("pseudonym-v1")).update(`${waveId}:${personId}`).digest("base64url").slice(0, 16)}`,
  });
}

/** What a member may see of a wave: their scope, then the naming rules. */
export function viewableAnalytics(analytics: WaveAnalytics, scope: Scope, policy: NamingPolicy): WaveAnalytics {
  return applyNaming(scopeAnalytics(analytics, scope), policy);
}
