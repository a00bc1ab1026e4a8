import { sql } from "kysely";
import type { Db } from "~/db.server";
import type { Audience } from "./audience";
import { headCounts } from "./audience-counts";
import { listManagers, resolveAudience } from "./surveys.server";

/** People offered for leaving out: matches of a search, or else the newest joiners. */
const CANDIDATES = 20;
const NEW_JOINER_DAYS = 60;

/**
 * Everything the audience picker shows for a draft audience: head-counts per department and per
 * manager, the total the launch would invite (the launch's own query), who is left out, and whom
 * one might want to leave out.
 */
export async function loadAudiencePicker(db: Db, orgId: string, draft: Audience, search: string) {
  const [roster, managers, invited] = await Promise.all([
    db
      .selectFrom("person")
      .select(["id", "name", "title", "department", "manager_id as managerId", "active", sql<boolean>`created_at > now() - make_interval(days => ${NEW_JOINER_DAYS})`.as("recent")])
      .where("organization_id", "=", orgId)
      .orderBy("name")
      .execute(),
    listManagers(db, orgId),
    resolveAudience(db, orgId, draft),
  ]);
  const counts = headCounts(roster);
  const excludedIds = new Set(draft.excludedPersonIds ?? []);
  const needle = search.toLowerCase();
  const offered = roster.filter((person) => person.active && !excludedIds.has(person.id) && (needle ? person.name.toLowerCase().includes(needle) : person.recent));
  const describe = ({ id, name, title, department }: (typeof roster)[number]) => ({ id, name, title, department });
  return {
    total: invited.length,
    departments: departmentCounts(counts.byDepartment, draft),
    managers: managers.map((manager) => ({ ...manager, teamSize: counts.byManager.get(manager.id) ?? 0 })),
    excluded: roster.filter((person) => excludedIds.has(person.id)).map(describe),
    candidates: { kind: needle ? ("search" as const) : ("recent" as const), people: offered.slice(0, CANDIDATES).map(describe), more: offered.length > CANDIDATES },
  };
}

/** Departments with their active head-count; one chosen earlier that has nobody active left stays listed, at 0. */
function departmentCounts(byDepartment: Map<string, number>, draft: Audience) {
  const all = new Map(byDepartment);
  if (draft.kind === "departments") for (const name of draft.departments) if (!all.has(name)) all.set(name, 0);
  return [...all].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name));
}
