import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createOwner } from "../../../test/fixtures.server";
import { directoryPage } from "./people.server";
import { setPersonActive } from "./person-edit.server";

const firstPage = { search: "", department: "", page: 1, includeInactive: false };
const departmentsOf = async (orgId: string) => (await directoryPage(db, orgId, firstPage)).departments;

describe("the directory's counts kept between requests", () => {
  it("show a change to the roster on the next request, however it was written", async () => {
    const { org } = await createOwner("Directory Co");
    const other = await createOwner("Other Co");
    await sql`insert into person (organization_id, email, name, department) values (${org.id}, 'a@d.test', 'Ann', 'Sales'), (${org.id}, 'b@d.test', 'Ben', 'Sales'), (${other.org.id}, 'c@d.test', 'Cat', 'Legal')`.execute(db);
    expect((await directoryPage(db, org.id, firstPage)).total).toBe(2);
    expect(await departmentsOf(org.id)).toEqual(["Sales"]);

    // Written by hand (or by another instance): only the triggers know.
    await sql`insert into person (organization_id, email, name, department) values (${org.id}, 'd@d.test', 'Dee', 'Design')`.execute(db);
    expect((await directoryPage(db, org.id, firstPage)).total).toBe(3);
    expect(await departmentsOf(org.id)).toEqual(["Design", "Sales"]);
    expect((await directoryPage(db, org.id, { ...firstPage, search: "de" })).total).toBe(1);

    const dee = await db.selectFrom("person").select("id").where("organization_id", "=", org.id).where("email", "=", "d@d.test").executeTakeFirstOrThrow();
    expect(await setPersonActive(db, org.id, dee.id, false)).toBe("saved");
    expect((await directoryPage(db, org.id, firstPage)).total).toBe(2);
    expect((await directoryPage(db, org.id, { ...firstPage, includeInactive: true })).total).toBe(3);
    expect((await directoryPage(db, org.id, { ...firstPage, search: "de" })).total).toBe(0);
    expect(await departmentsOf(org.id)).toEqual(["Sales"]);

    expect((await directoryPage(db, other.org.id, firstPage)).total).toBe(1);
    expect(await departmentsOf(other.org.id)).toEqual(["Legal"]);
  });
});
