import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { addMember, call, makeRequest } from "../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../test/survey-fixtures.server";
import * as network from "./o.$orgSlug.dashboards.$waveId.network";
import * as people from "./o.$orgSlug.dashboards.$waveId.people";
import * as quadrant from "./o.$orgSlug.dashboards.$waveId.quadrant";
import * as exporter from "./o.$orgSlug.dashboards.$waveId.export.$format";
import * as person from "./o.$orgSlug.dashboards.person.$personId";

/**
 * Engineering answers and chooses its head and one colleague, Eng Person 3, who has no reports
 * and did not answer. Two choose another colleague instead: had all five chosen Eng Person 3, the
 * counts would say who stayed silent, and the release would rightly pool the team away.
 */
async function setUp() {
  const s = await createOrgWithSurvey();
  const links = await openWithLinks(s.org.id, s.waveId);
  const q = await questionIds(s.waveId);
  const idOf = (email: string) => s.people.find((p) => p.email === email)!.id;
  for (const i of [1, 2, 4, 5, 6]) {
    const colleague = i < 5 ? "eng3@acme.test" : "eng1@acme.test";
    await submitResponse(db, links.get(`eng${i}@acme.test`)!, templateAnswers(q, { follow: [idOf("eng-head@acme.test"), idOf(colleague)] }));
  }
  await closeWave(db, s.org.id, s.waveId);
  await computeSnapshot(db, s.waveId);
  const analyst = await addMember(s.org.id, "analyst");
  return { s, idOf, analyst };
}

async function everythingSeenBy(s: Awaited<ReturnType<typeof setUp>>["s"], cookie: string) {
  const params = { orgSlug: s.org.slug, waveId: s.waveId };
  const args = (format?: string) => ({ request: makeRequest("/", { cookie }), params: format ? { ...params, format } : params, context: {} });
  const replies = [
    await call(() => network.loader(args())),
    await call(() => people.loader(args())),
    await call(() => quadrant.loader(args())),
    ...(await Promise.all(["people.csv", "edges.csv", "network.gexf", "network.graphml"].map((format) => call(() => exporter.loader(args(format)))))),
  ];
  return JSON.stringify(replies.map((reply) => reply.data));
}

describe("who is named on influence views", () => {
  it("names people with a formal role by default, and nobody else, in every view and export", async () => {
    const { s, idOf, analyst } = await setUp();
    const seen = await everythingSeenBy(s, analyst.cookie);
    expect(seen).toContain("Eng Head");
    expect(seen).not.toContain("Eng Person 3");
    expect(seen).not.toContain(idOf("eng3@acme.test"));
    // people.csv joins named people back to HR data by email, and nobody else.
    expect(seen).toContain("eng-head@acme.test");
    expect(seen).not.toContain("eng3@acme.test");
    expect(seen).toContain("Someone in Eng");
    const page = await call(() => person.loader({ request: makeRequest("/", { cookie: analyst.cookie }), params: { orgSlug: s.org.slug, personId: idOf("eng3@acme.test") }, context: {} }));
    expect(page.status).toBe(404);
  });

  it("names everyone when the organization says so, and a consenting person under consent", async () => {
    const { s, idOf, analyst } = await setUp();
    await db.updateTable("organization").set({ naming: "everyone" }).where("id", "=", s.org.id).execute();
    expect(await everythingSeenBy(s, analyst.cookie)).toContain("Eng Person 3");
    await db.updateTable("organization").set({ naming: "consent" }).where("id", "=", s.org.id).execute();
    const withoutConsent = await everythingSeenBy(s, analyst.cookie);
    expect(withoutConsent).not.toContain("Eng Person 3");
    expect(withoutConsent).not.toContain("Eng Head");
    expect(withoutConsent).not.toContain("Team of Eng Head");
    await db.insertInto("naming_consent").values({ organization_id: s.org.id, person_id: idOf("eng3@acme.test") }).execute();
    expect(await everythingSeenBy(s, analyst.cookie)).toContain("Eng Person 3");
  });

  it("never lists a leader's contributors by name, whatever the setting", async () => {
    const { s, idOf } = await setUp();
    await db.updateTable("organization").set({ naming: "everyone" }).where("id", "=", s.org.id).execute();
    const leader = await addMember(s.org.id, "leader", idOf("eng-head@acme.test"));
    const seen = await everythingSeenBy(s, leader.cookie);
    expect(seen).toContain("Eng Head");
    expect(seen).toContain("Someone in Eng");
    for (const i of [1, 2, 3, 4, 5, 6]) expect(seen).not.toContain(`Eng Person ${i}`);
  });
});
