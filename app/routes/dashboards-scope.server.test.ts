import { DirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { addMember, call, createOwner, makeRequest } from "../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../test/survey-fixtures.server";
import * as overview from "./o.$orgSlug.dashboards.$waveId._index";
import * as network from "./o.$orgSlug.dashboards.$waveId.network";
import * as quadrant from "./o.$orgSlug.dashboards.$waveId.quadrant";
import * as teams from "./o.$orgSlug.dashboards.$waveId.teams";
import * as people from "./o.$orgSlug.dashboards.$waveId.people";
import * as exporter from "./o.$orgSlug.dashboards.$waveId.export.$format";
import * as person from "./o.$orgSlug.dashboards.person.$personId";

/**
 * Eng's team of 6 all answer: five go out under the team (a team is never shown as all answered),
 * the sixth waits. Sales' team of 6 has 3 answers and the top of the organization 2. At close,
 * what waited goes out together as one organization-wide group of 6. What reaches each member's
 * browser is checked here, at the loaders.
 */
async function setUp() {
  const org = await createOrgWithSurvey();
  // Scope is what is tested here; who is named is tested in naming.server.test.ts.
  await db.updateTable("organization").set({ naming: "everyone" }).where("id", "=", org.org.id).execute();
  const links = await openWithLinks(org.org.id, org.waveId);
  const q = await questionIds(org.waveId);
  const idOf = (email: string) => org.people.find((p) => p.email === email)!.id;
  const answerers = [...[1, 2, 3, 4, 5, 6].map((i) => `eng${i}@acme.test`), "sales1@acme.test", "sales2@acme.test", "sales3@acme.test", "ceo@acme.test", "cfo@acme.test"];
  for (const [i, email] of answerers.entries()) {
    const nominees = email.startsWith("eng") ? { follow: [idOf("eng-head@acme.test")], advice: [idOf("sales4@acme.test")] } : { follow: [idOf("sales4@acme.test")] };
    expect((await submitResponse(db, links.get(email)!, templateAnswers(q, nominees, i))).outcome).toBe("stored");
  }
  expect((await closeWave(db, org.org.id, org.waveId)).outcome).toBe("done");
  expect(await db.selectFrom("response").select("id").where("wave_id", "=", org.waveId).execute()).toHaveLength(11);
  await computeSnapshot(db, org.waveId);
  const cookies = {
    analyst: (await addMember(org.org.id, "analyst")).cookie,
    engLeader: (await addMember(org.org.id, "leader", idOf("eng-head@acme.test"))).cookie,
    salesLeader: (await addMember(org.org.id, "leader", idOf("sales-head@acme.test"))).cookie,
  };
  return { org, cookies, idOf };
}

type Setup = Awaited<ReturnType<typeof setUp>>;
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const PAGES: Record<string, Loader> = {
  overview: overview.loader as Loader,
  network: network.loader as Loader,
  quadrant: quadrant.loader as Loader,
  teams: teams.loader as Loader,
  people: people.loader as Loader,
};

async function everything(s: Setup, cookie: string) {
  const params = { orgSlug: s.org.org.slug, waveId: s.org.waveId };
  const request = (path: string) => ({ request: makeRequest(path, { cookie }), params, context: {} });
  type Reply = Awaited<ReturnType<typeof call>>;
  const pages: Record<string, Reply> = Object.fromEntries(await Promise.all(Object.entries(PAGES).map(async ([name, loader]) => [name, await call(() => loader(request(`/o/x/dashboards/x/${name}`)))])));
  const exports: Record<string, Reply> = Object.fromEntries(
    await Promise.all(
      ["people.csv", "groups.csv", "edges.csv", "network.gexf"].map(async (format) => [format, await call(() => exporter.loader({ ...request("/"), params: { ...params, format } }))]),
    ),
  );
  return { pages, exports, text: JSON.stringify({ pages, exports }) };
}

describe("what dashboards send to each member", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });

  it("gives an analyst the whole organization, with the small sales team pooled", async () => {
    const { pages, text } = await everything(s, s.cookies.analyst);
    expect((pages.overview!.data as { view: { responses: number } }).view.responses).toBe(11);
    const view = (pages.teams!.data as { view: { groups: { label: string; responses: number }[] } }).view;
    expect(view.groups.map((g) => [g.label, g.responses])).toEqual([
      ["Answers combined across the organization", 6],
      ["Team of Eng Head · Eng", 5],
    ]);
    expect(text).not.toContain("Team of Sales Head");
    expect(text).toContain("Sales Person 4");
  });

  it("gives a leader only their subtree: no name, id or figure from elsewhere", async () => {
    const { pages, exports, text } = await everything(s, s.cookies.engLeader);
    expect((pages.overview!.data as { view: { responses: number } }).view.responses).toBe(5);
    for (const outsider of ["sales4@acme.test", "sales1@acme.test", "ceo@acme.test", "cfo@acme.test", "sales-head@acme.test"]) {
      const { name } = s.org.people.find((p) => p.email === outsider)!;
      expect(text, outsider).not.toContain(name);
      expect(text, outsider).not.toContain(s.idOf(outsider));
    }
    expect(text).not.toContain("Answers combined across the organization");
    const graph = parseGexf(DirectedGraph, exports["network.gexf"]!.data as string);
    expect(graph.filterNodes((_, a) => a.kind === "person").length).toBe(7);
  });

  it("tells a leader whose teams are all too small that nothing can be shown yet, and shows nothing", async () => {
    const { pages, exports, text } = await everything(s, s.cookies.salesLeader);
    for (const page of Object.values(pages)) expect((page.data as { empty: string }).empty).toBe("no-blocks-in-scope");
    expect(exports["people.csv"]!.status).toBe(409);
    expect(text).not.toContain("Eng Person");
    expect(text).not.toContain("Sales Person");
  });

  it("shows a person's influence to a leader only inside their subtree", async () => {
    const params = (personId: string) => ({ orgSlug: s.org.org.slug, personId });
    const inside = await call(() => person.loader({ request: makeRequest("/", { cookie: s.cookies.engLeader }), params: params(s.idOf("eng-head@acme.test")), context: {} }));
    expect(inside.status).toBe(200);
    // A contributor without a formal role is never named to a leader, even inside their subtree.
    const contributor = await call(() => person.loader({ request: makeRequest("/", { cookie: s.cookies.engLeader }), params: params(s.idOf("eng2@acme.test")), context: {} }));
    expect(contributor.status).toBe(404);
    const outside = await call(() => person.loader({ request: makeRequest("/", { cookie: s.cookies.engLeader }), params: params(s.idOf("sales4@acme.test")), context: {} }));
    expect(outside.status).toBe(404);
    const analyst = await call(() => person.loader({ request: makeRequest("/", { cookie: s.cookies.analyst }), params: params(s.idOf("sales4@acme.test")), context: {} }));
    expect(analyst.status).toBe(200);
    expect(JSON.stringify(analyst.data)).toContain('"followers":5');
  });

  it("answers 404 to another organization's members", async () => {
    const stranger = await createOwner("Stranger");
    const { pages, exports } = await everything(s, stranger.cookie);
    for (const page of [...Object.values(pages), ...Object.values(exports)]) expect(page.status).toBe(404);
  });
});
