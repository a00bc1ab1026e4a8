import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { cachedSnapshot } from "~/modules/analytics/snapshot-cache.server";
import { submitResponse } from "~/modules/responses/responses.server";
import type { Member } from "~/modules/accounts/membership.server";
import { memberScope } from "~/modules/dashboards/dashboard.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { addMember, call, makeRequest } from "../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../test/survey-fixtures.server";
import * as exporter from "./o.$orgSlug.dashboards.$waveId.export.$format";
import * as people from "./o.$orgSlug.dashboards.$waveId.people";
import * as quadrant from "./o.$orgSlug.dashboards.$waveId.quadrant";
import * as teams from "./o.$orgSlug.dashboards.$waveId.teams";

/**
 * Dashboards keep each wave's snapshot and the views cut from it in memory (snapshot-cache).
 * What is kept must never reach another member's scope, and a naming setting, a consent or a
 * snapshot rewritten elsewhere must show on the very next request. Engineering and Sales both
 * answer; each has its own leader. Engineering's answers go out as its team, Sales' pooled with
 * the organization's, so the Sales leader has nothing of their own to see.
 */
async function setUp() {
  const s = await createOrgWithSurvey();
  await db.updateTable("organization").set({ naming: "everyone" }).where("id", "=", s.org.id).execute();
  const links = await openWithLinks(s.org.id, s.waveId);
  const q = await questionIds(s.waveId);
  const idOf = (email: string) => s.people.find((p) => p.email === email)!.id;
  // As in naming.server.test.ts and dashboards-scope.server.test.ts: five of Engineering's six go
  // out as their team; Sales' three and the top's two go out pooled with the organization.
  for (const i of [1, 2, 4, 5, 6]) {
    const follow = [idOf("eng-head@acme.test"), idOf(i < 5 ? "eng3@acme.test" : "eng1@acme.test")];
    expect((await submitResponse(db, links.get(`eng${i}@acme.test`)!, templateAnswers(q, { follow }, i))).outcome).toBe("stored");
  }
  for (const [i, email] of ["sales1@acme.test", "sales2@acme.test", "sales3@acme.test", "ceo@acme.test", "cfo@acme.test"].entries()) {
    expect((await submitResponse(db, links.get(email)!, templateAnswers(q, { follow: [idOf("sales4@acme.test")] }, i))).outcome).toBe("stored");
  }
  await closeWave(db, s.org.id, s.waveId);
  await computeSnapshot(db, s.waveId);
  const members = {
    analyst: (await addMember(s.org.id, "analyst")).cookie,
    engLeader: (await addMember(s.org.id, "leader", idOf("eng-head@acme.test"))).cookie,
    salesLeader: (await addMember(s.org.id, "leader", idOf("sales-head@acme.test"))).cookie,
  };
  return { s, idOf, members };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

async function seenBy({ s }: Setup, cookie: string) {
  const params = { orgSlug: s.org.slug, waveId: s.waveId };
  const request = (path = "/") => ({ request: makeRequest(path, { cookie }), params, context: {} });
  const page = await call(() => people.loader(request()));
  const csv = await call(() => exporter.loader({ ...request(), params: { ...params, format: "people.csv" } }));
  // The quadrant (with the people at one position listed) and the teams are kept per view too.
  const positions = await call(() => quadrant.loader(request("/?reports=0&followers=0")));
  const teamRows = await call(() => teams.loader(request()));
  expect(page.status).toBe(200);
  return JSON.stringify([page.data, csv.data, positions.data, teamRows.data]);
}

describe("dashboard views kept in memory", () => {
  it("give each leader their own subtree, however the requests interleave", async () => {
    const setup = await setUp();
    const { members } = setup;
    const everyone = await seenBy(setup, members.analyst);
    expect(everyone).toContain("Eng Head");
    expect(everyone).toContain("Sales Person 4");
    for (const round of [1, 2]) {
      const eng = await seenBy(setup, members.engLeader);
      const sales = await seenBy(setup, members.salesLeader);
      const again = await seenBy(setup, members.analyst);
      expect(eng, `round ${round}`).toContain("Eng Head");
      expect(eng, `round ${round}`).not.toContain("Sales Person 4");
      expect(eng, `round ${round}`).not.toContain(setup.idOf("sales4@acme.test"));
      expect(sales, `round ${round}`).toContain("no-blocks-in-scope");
      expect(sales, `round ${round}`).not.toContain("Eng");
      expect(again).toBe(everyone);
    }
  });

  it("apply a naming change or a consent on the next request", async () => {
    const setup = await setUp();
    const { s, idOf, members } = setup;
    expect(await seenBy(setup, members.analyst)).toContain("Eng Person 3");
    await db.updateTable("organization").set({ naming: "formal-roles" }).where("id", "=", s.org.id).execute();
    const formal = await seenBy(setup, members.analyst);
    expect(formal).not.toContain("Eng Person 3");
    expect(formal).not.toContain(idOf("eng3@acme.test"));
    expect(formal).toContain("Eng Head");
    await db.updateTable("organization").set({ naming: "consent" }).where("id", "=", s.org.id).execute();
    expect(await seenBy(setup, members.analyst)).not.toContain("Eng Person 3");
    await db.insertInto("naming_consent").values({ organization_id: s.org.id, person_id: idOf("eng3@acme.test") }).execute();
    expect(await seenBy(setup, members.analyst)).toContain("Eng Person 3");
    await db.deleteFrom("naming_consent").where("organization_id", "=", s.org.id).execute();
    expect(await seenBy(setup, members.analyst)).not.toContain("Eng Person 3");
  });

  it("follow a roster change in a leader's subtree on the next request", async () => {
    const setup = await setUp();
    const { s, idOf } = setup;
    const leaderOf = (personId: string): Member => ({ userId: "", userName: "", userEmail: "", orgId: s.org.id, orgSlug: s.org.slug, orgName: "", role: "leader", personId, minGroupSize: 5, commentMinGroupSize: 5 });
    const leader = leaderOf(idOf("eng-head@acme.test"));
    const before = await memberScope(db, leader);
    // Kept between requests while the roster stands: the same scope, so its digest is made once.
    expect(await memberScope(db, leader)).toBe(before);
    expect(before.kind === "subtree" && before.personIds.has(idOf("sales4@acme.test"))).toBe(false);
    // A move written by another instance (or by hand): no updated_at, only the row's transaction.
    await sql`update person set manager_id = ${idOf("eng-head@acme.test")} where id = ${idOf("sales4@acme.test")}`.execute(db);
    const after = await memberScope(db, leader);
    expect(after.kind === "subtree" && after.personIds.has(idOf("sales4@acme.test"))).toBe(true);
    const salesLeader = await memberScope(db, leaderOf(idOf("sales-head@acme.test")));
    expect(salesLeader.kind === "subtree" && salesLeader.personIds.has(idOf("sales4@acme.test"))).toBe(false);
  });

  it("write today's emails into people.csv after a roster change", async () => {
    const setup = await setUp();
    const { s, idOf, members } = setup;
    const csv = async () => {
      const response = await call(() => exporter.loader({ request: makeRequest("/", { cookie: members.analyst }), params: { orgSlug: s.org.slug, waveId: s.waveId, format: "people.csv" }, context: {} }));
      return String(response.data);
    };
    expect(await csv()).toContain("eng3@acme.test");
    await sql`update person set email = 'eng3-renamed@acme.test' where id = ${idOf("eng3@acme.test")}`.execute(db);
    const after = await csv();
    expect(after).toContain("eng3-renamed@acme.test");
    expect(after).not.toContain(",eng3@acme.test");
  });

  it("keep a value made elsewhere once it is made, and try again after one that failed", async () => {
    const { s } = await setUp();
    const snapshot = (await cachedSnapshot(db, s.org.id, s.waveId))!;
    let made = 0;
    const make = (outcome: "fail" | "succeed") => () => {
      made++;
      return outcome === "fail" ? Promise.reject(new Error("the worker went away")) : Promise.resolve("file");
    };
    await expect(snapshot.derive("export:test", make("fail"))).rejects.toThrow("the worker went away");
    expect(await snapshot.derive("export:test", make("succeed"))).toBe("file");
    expect(await snapshot.derive("export:test", make("fail"))).toBe("file");
    expect(made).toBe(2);
  });

  it("read a snapshot again when another instance rewrote it", async () => {
    const setup = await setUp();
    const { s, members } = setup;
    expect(await seenBy(setup, members.analyst)).toContain("Eng Head");
    // As another app instance's snapshot job would: the row changes, this process's memory does not.
    await sql`
      update analytics_snapshot
      set data = replace(data::text, 'Eng Head', 'Eng Chief')::jsonb, computed_at = now() + interval '1 second'
      where wave_id = ${s.waveId}
    `.execute(db);
    const after = await seenBy(setup, members.analyst);
    expect(after).toContain("Eng Chief");
    expect(after).not.toContain("Eng Head");
  });
});
