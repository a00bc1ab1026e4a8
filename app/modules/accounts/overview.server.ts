import type { Db } from "~/db.server";

export async function loadOverview(db: Db, orgId: string) {
  const [people, members] = await Promise.all([
    db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organization_id", "=", orgId)
      .where("active", "=", true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("membership")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organization_id", "=", orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { people: Number(people.count), members: Number(members.count) };
}
