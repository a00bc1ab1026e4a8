import { sql } from "kysely";
import type { Db } from "~/db.server";

/**
 * Finding people to choose on the respondent page. Nobody is left out of a search, the respondent
 * included: leaving them out would tell anyone holding the link whose link it is (choosing
 * oneself is simply not counted; see submitResponse).
 */

export type PersonOption = { id: string; name: string; title: string | null; department: string | null };

export const SEARCH_MINIMUM = 2;

/**
 * People whose name (or, behind a personal link, title or department) contains `text`; names
 * first. The open link matches names only: anyone can use it, so it must not be a way to look
 * through the roster.
 */
export async function searchPeople(db: Db, orgId: string, text: string, { namesOnly, exclude = [], limit }: { namesOnly: boolean; exclude?: string[]; limit: number }): Promise<PersonOption[]> {
  const query = text.replace(/\u0000/g, "").trim().slice(0, 100);
  if ([...query].length < SEARCH_MINIMUM) return [];
  const pattern = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  let select = db
    .selectFrom("person")
    .select(["id", "name", "title", "department"])
    .where("organization_id", "=", orgId)
    .where("active", "=", true)
    .where((eb) => (namesOnly ? eb("name", "ilike", pattern) : eb.or([eb("name", "ilike", pattern), eb("title", "ilike", pattern), eb("department", "ilike", pattern)])));
  if (exclude.length > 0) select = select.where("id", "not in", exclude);
  return select
    .orderBy(sql`case when name ilike ${pattern} then 0 else 1 end`)
    .orderBy("name")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Names for people already chosen, to show them again. Unknown ids are simply absent. */
export async function peopleByIds(db: Db, orgId: string, ids: string[]): Promise<PersonOption[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("person").select(["id", "name", "title", "department"]).where("organization_id", "=", orgId).where("id", "in", ids).execute();
}

export const NEARBY_LIMIT = 60;

/**
 * The people a respondent most likely means, offered as a list (recognition beats recall): the
 * members of their anonymity segment and those members' managers. The segment has more than k
 * people, so the list says no more about whose link it is than the response itself will.
 */
export async function nearbyPeople(db: Db, orgId: string, waveId: string, segment: string): Promise<PersonOption[]> {
  const members = db.selectFrom("invitation").select("person_id").where("organization_id", "=", orgId).where("wave_id", "=", waveId).where("segment", "=", segment);
  const rows = await db
    .selectFrom("person")
    .select(["id", "name", "title", "department"])
    .where("organization_id", "=", orgId)
    .where("active", "=", true)
    .where((eb) => eb.or([eb("id", "in", members), eb("id", "in", db.selectFrom("person as p").select("p.manager_id").where("p.organization_id", "=", orgId).where("p.id", "in", members).where("p.manager_id", "is not", null).$narrowType<{ manager_id: string }>())]))
    .orderBy("name")
    .limit(NEARBY_LIMIT + 1)
    .execute();
  return rows.length > NEARBY_LIMIT ? [] : rows;
}
