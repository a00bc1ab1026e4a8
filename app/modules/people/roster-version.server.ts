import type { Db } from "~/db.server";

/**
 * Changes whenever anyone is added, edited or removed: previews are only valid against the roster
 * they saw, and what is kept in memory of it (the org chart, a leader's subtree) is rebuilt. The
 * number is moved by triggers on every write to the organization's people, so reading it costs one
 * row whatever the organization's size.
 */
export async function rosterVersion(db: Db, orgId: string): Promise<string> {
  const row = await db.selectFrom("roster_version").select("version").where("organization_id", "=", orgId).executeTakeFirst();
  return String(row?.version ?? 0);
}
