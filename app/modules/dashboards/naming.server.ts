import { createHash, createHmac } from "node:crypto";
import type { Db } from "~/db.server";
import type { Member } from "~/modules/accounts/membership.server";
import { scopeAnalytics, type Scope } from "~/modules/analytics/dashboard";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import { applyNaming, type NamingPolicy } from "~/modules/analytics/naming";
import { analyticsBytes, type CachedSnapshot } from "~/modules/analytics/snapshot-cache.server";
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

/**
 * viewableAnalytics of a snapshot kept in memory, cut once per scope and naming. The key names
 * every input of the cut besides the snapshot (the wave's pseudonyms come with the snapshot): the
 * people in scope, the naming setting, the consents and the kind of viewer, so a member never gets
 * a view cut for another scope, and a changed setting or consent is a new key on the next request.
 */
export function cachedViewable(snapshot: CachedSnapshot, scope: Scope, policy: NamingPolicy): WaveAnalytics {
  return snapshot.derive(viewKey(scope, policy), () => viewableAnalytics(snapshot.analytics, scope, policy), analyticsBytes);
}

/** What a view of a snapshot depends on; anything derived from the view is kept under a key that starts with it. */
export function viewKey(scope: Scope, policy: NamingPolicy): string {
  return `view|${scopeKey(scope)}|${namingKey(policy)}`;
}

const digests = new WeakMap<object, string>();

/** A digest of a set of ids, made once per set (a request's scope and consents are the same objects for every wave). */
function digestOf(ids: ReadonlySet<string>): string {
  let digest = digests.get(ids);
  if (!digest) {
    digest = createHash("sha256").update([...ids].sort().join(",")).digest("base64url");
    digests.set(ids, digest);
  }
  return digest;
}

export function scopeKey(scope: Scope): string {
  return scope.kind === "organization" ? "organization" : `subtree:${scope.personIds.size}:${digestOf(scope.personIds)}`;
}

export function namingKey(policy: NamingPolicy): string {
  return `${policy.naming}:${policy.viewer}:${policy.naming === "consent" ? digestOf(policy.consented) : "-"}`;
}
