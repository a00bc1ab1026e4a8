import type { Db } from "~/db.server";
import { isPseudonym } from "~/modules/analytics/naming";
import type { PersonKeys } from "./exports";

/** Emails of the people this member sees by name, to join the people table back to HR data. */
export async function namedPeopleKeys(db: Db, orgId: string, people: { id: string }[]): Promise<PersonKeys> {
  const ids = people.map((person) => person.id).filter((id) => !isPseudonym(id));
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "email"]).where("organization_id", "=", orgId).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, { email: row.email }]));
}
