import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { addMember, call, createOwner, makeRequest } from "../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../test/survey-fixtures.server";
import * as network from "./o.$orgSlug.dashboards.$waveId.network";
import * as networkPeople from "./o.$orgSlug.dashboards.$waveId.network-people";

/**
 * The network page's on-demand people go through the same door as every dashboard page: Eng's
 * team answers (choosing their head and a Sales colleague), Sales and the top answer too few to
 * form their own groups and are pooled at close.
 */
async function setUp() {
  const org = await createOrgWithSurvey();
  await db.updateTable("organization").set({ naming: "everyone" }).where("id", "=", org.org.id).execute();
  const links = await openWithLinks(org.org.id, org.waveId);
  const q = await questionIds(org.waveId);
  const idOf = (email: string) => org.people.find((p) => p.email === email)!.id;
  const answerers = [...[1, 2, 3, 4, 5, 6].map((i) => `eng${i}@acme.test`), "sales1@acme.test", "sales2@acme.test", "sales3@acme.test", "ceo@acme.test", "cfo@acme.test"];
  for (const [i, email] of answerers.entries()) {
    const nominees = email.startsWith("eng") ? { follow: [idOf("eng-head@acme.test")], advice: [idOf("sales4@acme.test")] } : { follow: [idOf("sales4@acme.test")] };
    await submitResponse(db, links.get(email)!, templateAnswers(q, nominees, i));
  }
  await closeWave(db, org.org.id, org.waveId);
  await computeSnapshot(db, org.waveId);
  const cookies = { analyst: (await addMember(org.org.id, "analyst")).cookie, engLeader: (await addMember(org.org.id, "leader", idOf("eng-head@acme.test"))).cookie };
  return { org, cookies, idOf };
}

type Setup = Awaited<ReturnType<typeof setUp>>;
const ask = (s: Setup, cookie: string, query: string, waveId = s.org.waveId) =>
  call(() => networkPeople.loader({ request: makeRequest(`/o/${s.org.org.slug}/dashboards/${waveId}/network-people?${query}`, { cookie }), params: { orgSlug: s.org.org.slug, waveId }, context: {} }));

describe("the network's people on demand", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });

  it("gives an analyst a department's people, placed, with the groups' nominations to them", async () => {
    const reply = await ask(s, s.cookies.analyst, "department=Sales");
    expect(reply.status).toBe(200);
    const data = reply.data as { people: { id: string; label: string; followers: number }[]; edges: [number, string, number][] };
    expect(data.people.find((person) => person.label === "Sales Person 4")!.followers).toBe(5);
    expect(data.edges.some(([, id]) => id === s.idOf("sales4@acme.test"))).toBe(true);
  });

  it("never gives a leader anyone outside their subtree, whichever department, group or name is asked for", async () => {
    const engPeople = new Set(s.org.people.filter((p) => p.email.startsWith("eng")).map((p) => p.id));
    const overview = await call(() => network.loader({ request: makeRequest("/", { cookie: s.cookies.engLeader }), params: { orgSlug: s.org.org.slug, waveId: s.org.waveId }, context: {} }));
    const groups = (overview.data as { view: { groups: { id: string }[] } }).view.groups;
    const replies = await Promise.all([
      ...["Sales", "Exec", "Eng"].map((department) => ask(s, s.cookies.engLeader, `department=${department}`)),
      ...[...groups.map((group) => group.id), "g0", "g1", "g2"].map((group) => ask(s, s.cookies.engLeader, `group=${group}`)),
      ask(s, s.cookies.engLeader, "find=Sales"),
      ask(s, s.cookies.engLeader, "find=e"),
    ]);
    const text = JSON.stringify(replies.map((reply) => reply.data));
    for (const outsider of s.org.people.filter((p) => !engPeople.has(p.id))) {
      expect(text, outsider.email).not.toContain(outsider.id);
      expect(text, outsider.email).not.toContain(outsider.name);
    }
    const eng = replies[2]!.data as { people: { id: string }[] };
    expect(eng.people.length).toBeGreaterThan(0);
    for (const reply of replies) expect([200, 404]).toContain(reply.status);
  });

  it("answers 404 for another organization's wave, and for a group that is not there", async () => {
    const stranger = await createOwner("Stranger");
    expect((await ask(s, stranger.cookie, "department=Eng")).status).toBe(404);
    const other = await createOrgWithSurvey({ name: "Other" });
    expect((await ask(s, s.cookies.analyst, "department=Eng", other.waveId)).status).toBe(404);
    expect((await ask(s, s.cookies.analyst, "group=g999")).status).toBe(404);
    expect((await ask(s, s.cookies.analyst, "")).status).toBe(400);
  });
});
