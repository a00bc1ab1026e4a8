import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createOwner } from "../../../test/fixtures.server";
import { orgChartPage, orgChartTeam } from "./org-chart.server";
import { setPersonActive, updatePerson } from "./person-edit.server";

async function roster(orgId: string) {
  const boss = await db.insertInto("person").values({ organization_id: orgId, email: "boss@chart.test", name: "Bea Boss" }).returning("id").executeTakeFirstOrThrow();
  const lead = await db.insertInto("person").values({ organization_id: orgId, email: "lead@chart.test", name: "Lee Lead", manager_id: boss.id }).returning("id").executeTakeFirstOrThrow();
  const dev = await db.insertInto("person").values({ organization_id: orgId, email: "dev@chart.test", name: "Dee Dev", manager_id: lead.id }).returning("id").executeTakeFirstOrThrow();
  return { boss: boss.id, lead: lead.id, dev: dev.id };
}

const shown = (page: Awaited<ReturnType<typeof orgChartPage>>) => JSON.stringify(page.chart);

describe("the org chart kept between requests", () => {
  it("shows an edit or a deactivation on the next request, never the chart it kept", async () => {
    const { org } = await createOwner("Chart Co");
    const ids = await roster(org.id);
    const request = { search: "", open: [], expandAll: true };
    expect(shown(await orgChartPage(db, org.id, request))).toContain("Dee Dev");

    const edit = { name: "Dee Developer", email: "dev@chart.test", title: "Engineer", department: null, managerEmail: "lead@chart.test" };
    expect(await updatePerson(db, org.id, ids.dev, edit)).toEqual({ outcome: "saved" });
    const renamed = shown(await orgChartPage(db, org.id, request));
    expect(renamed).toContain("Dee Developer");
    expect(renamed).toContain("Engineer");

    expect(await setPersonActive(db, org.id, ids.dev, false)).toBe("saved");
    expect(shown(await orgChartPage(db, org.id, request))).not.toContain("Dee Developer");
    expect(await orgChartTeam(db, org.id, ids.lead)).toEqual([]);
  });

  it("opens the way to every match of a search, and keeps closed teams closed", async () => {
    const { org } = await createOwner("Search Co");
    const ids = await roster(org.id);
    const closed = await orgChartPage(db, org.id, { search: "", open: [], expandAll: false });
    expect(shown(closed)).not.toContain("Dee Dev");
    const found = await orgChartPage(db, org.id, { search: "dee", open: [], expandAll: false });
    expect(found.matches).toEqual([ids.dev]);
    expect(shown(found)).toContain("Dee Dev");
  });

  it("never shows one organization's people in another's chart", async () => {
    const mine = await createOwner("Mine Co");
    const theirs = await createOwner("Theirs Co");
    const ids = await roster(theirs.org.id);
    expect(shown(await orgChartPage(db, mine.org.id, { search: "Dee", open: [ids.lead], expandAll: true }))).not.toContain("Dee");
    expect(await orgChartTeam(db, mine.org.id, ids.lead)).toBeNull();
  });
});
