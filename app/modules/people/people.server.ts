import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import type { Db } from "~/db.server";
import { PEOPLE_PAGE_SIZE, type PeopleQuery } from "./people-query";
import { rosterVersion } from "./roster-version.server";

// The directory's total and its department filter read the whole roster; both are kept per roster
// version, so a page of 50 costs a page of 50 at 30,000 people (the version is one row).
const rosterTallies = new LRUCache<string, number | string[]>({ max: 1_000 });

async function perRosterVersion<T extends number | string[]>(key: string, read: () => Promise<T>): Promise<T> {
  const kept = rosterTallies.get(key);
  if (kept !== undefined) return kept as T;
  const value = await read();
  rosterTallies.set(key, value);
  return value;
}

/** A page of the directory, its total and the departments to filter by. */
export async function directoryPage(db: Db, orgId: string, query: PeopleQuery) {
  const version = `${orgId}|${await rosterVersion(db, orgId)}`;
  const [{ people, total }, departments] = await Promise.all([listPeople(db, orgId, query, version), listDepartments(db, orgId, version)]);
  return { people, total, departments };
}

async function listPeople(db: Db, orgId: string, query: PeopleQuery, version: string) {
  let base = db.selectFrom("person as p").where("p.organization_id", "=", orgId);
  if (!query.includeInactive) base = base.where("p.active", "=", true);
  if (query.department) base = base.where("p.department", "=", query.department);
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    base = base.where((eb) =>
      eb.or([eb("p.name", "ilike", pattern), eb("p.email", "ilike", pattern), eb("p.title", "ilike", pattern)]),
    );
  }
  const [people, total] = await Promise.all([
    base
      .leftJoin("person as m", "m.id", "p.manager_id")
      .select((eb) => [
        "p.id",
        "p.name",
        "p.email",
        "p.title",
        "p.department",
        "p.active",
        "m.name as managerName",
        eb
          .selectFrom("person as r")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .whereRef("r.manager_id", "=", "p.id")
          .where("r.organization_id", "=", orgId)
          .where("r.active", "=", true)
          .as("directReports"),
      ])
      .orderBy("p.name")
      .orderBy("p.id")
      .limit(PEOPLE_PAGE_SIZE)
      .offset((query.page - 1) * PEOPLE_PAGE_SIZE)
      .execute(),
    perRosterVersion(`${version}|${JSON.stringify(["total", query.includeInactive, query.department, query.search])}`, async () =>
      Number((await base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow()).count),
    ),
  ]);
  return { people: people.map((person) => ({ ...person, directReports: Number(person.directReports ?? 0) })), total };
}

async function listDepartments(db: Db, orgId: string, version: string): Promise<string[]> {
  return perRosterVersion(`${version}|departments`, async () => {
    const rows = await db
      .selectFrom("person")
      .select("department")
      .distinct()
      .where("organization_id", "=", orgId)
      .where("active", "=", true)
      .where("department", "is not", null)
      .orderBy("department")
      .execute();
    return rows.map((row) => row.department!);
  });
}

export async function findPerson(db: Db, orgId: string, personId: string) {
  const person = await db
    .selectFrom("person")
    .select(["id", "name", "email", "title", "department", "location", "level", "attributes", "active", "manager_id"])
    .where("organization_id", "=", orgId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const [chain, directReports, span] = await Promise.all([
    managementChain(db, orgId, person.manager_id),
    db
      .selectFrom("person")
      .select(["id", "name", "title", "department"])
      .where("organization_id", "=", orgId)
      .where("manager_id", "=", personId)
      .where("active", "=", true)
      .orderBy("name")
      .execute(),
    countSubtree(db, orgId, personId),
  ]);
  return { person, chain, directReports, totalReports: span };
}

/** The formal chain upward, nearest manager first. */
export async function managementChain(db: Db, orgId: string, managerId: string | null) {
  if (!managerId) return [];
  const { rows } = await sql<{ id: string; name: string; title: string | null; depth: number }>`
    with recursive chain(id, name, title, manager_id, depth) as (
      select id, name, title, manager_id, 0 from person where organization_id = ${orgId} and id = ${managerId}
      union
      select p.id, p.name, p.title, p.manager_id, c.depth + 1
      from person p join chain c on p.id = c.manager_id
      where p.organization_id = ${orgId} and c.depth < 200
    )
    select id, name, title, depth from chain order by depth
  `.execute(db);
  return rows;
}

export async function countSubtree(db: Db, orgId: string, personId: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    with recursive subtree(id) as (
      select id from person where organization_id = ${orgId} and manager_id = ${personId} and active
      union
      select p.id from person p join subtree s on p.manager_id = s.id
      where p.organization_id = ${orgId} and p.active
    )
    select count(*)::int as count from subtree
  `.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/** Ids of a person and everyone below them: what a leader linked to that person may see. */
export async function subtreePersonIds(db: Db, orgId: string, personId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive subtree(id) as (
      select id from person where organization_id = ${orgId} and id = ${personId}
      union
      select p.id from person p join subtree s on p.manager_id = s.id where p.organization_id = ${orgId}
    )
    select id from subtree
  `.execute(db);
  return rows.map((row) => row.id);
}

export type OrgChartPerson = { id: string; name: string; title: string | null; department: string | null; managerId: string | null };

export async function loadOrgChart(db: Db, orgId: string): Promise<OrgChartPerson[]> {
  return db
    .selectFrom("person")
    .select(["id", "name", "title", "department", "manager_id as managerId"])
    .where("organization_id", "=", orgId)
    .where("active", "=", true)
    .orderBy("name")
    .execute();
}

export async function findActivePersonIdByEmail(db: Db, orgId: string, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("person")
    .select("id")
    .where("organization_id", "=", orgId)
    .where("email", "=", email.toLowerCase())
    .where("active", "=", true)
    .executeTakeFirst();
  return row?.id;
}
