import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createOwner } from "../../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks } from "../../../test/survey-fixtures.server";
import { loadAudiencePicker } from "./audience-picker.server";
import { findWave, updateAudience } from "./surveys.server";

describe("leaving people out of a wave's audience", () => {
  it("stores the people left out, counts without them, and invites nobody of them at launch", async () => {
    const org = await createOrgWithSurvey();
    const eng = await db.selectFrom("person").select(["id", "email"]).where("organization_id", "=", org.org.id).where("department", "=", "Eng").orderBy("email").execute();
    const leftOut = eng.slice(0, 2);
    const audience = { kind: "departments" as const, departments: ["Eng"], excludedPersonIds: leftOut.map((person) => person.id) };
    expect(await updateAudience(db, org.org.id, org.waveId, audience)).toBe("saved");
    expect((await findWave(db, org.org.id, org.waveId))!.audience).toEqual(audience);

    const picker = await loadAudiencePicker(db, org.org.id, audience, "");
    expect(picker.total).toBe(eng.length - 2);
    expect(picker.departments.find((department) => department.name === "Eng")?.count).toBe(eng.length);
    expect(picker.excluded.map((person) => person.id).sort()).toEqual(leftOut.map((person) => person.id).sort());

    const links = await openWithLinks(org.org.id, org.waveId);
    expect([...links.keys()].sort()).toEqual(eng.slice(2).map((person) => person.email));
  });

  it("refuses to store another organization's person as left out", async () => {
    const org = await createOrgWithSurvey();
    const other = await createOwner("Elsewhere");
    const foreign = await db.insertInto("person").values({ organization_id: other.org.id, email: "x@elsewhere.test", name: "X" }).returning("id").executeTakeFirstOrThrow();
    expect(await updateAudience(db, org.org.id, org.waveId, { kind: "organization", excludedPersonIds: [foreign.id] })).toBe("not-found");
    expect((await findWave(db, org.org.id, org.waveId))!.audience).toEqual({ kind: "organization" });
  });
});
