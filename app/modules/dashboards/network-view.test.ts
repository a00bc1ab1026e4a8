import { describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg, TEAM } from "~/modules/analytics/fixtures/small-org";
import { applyNaming } from "~/modules/analytics/naming";
import { computeNetworkLayout } from "~/modules/analytics/network-layout";
import { EXTENT, findPeople, followerRanks, networkOverview, networkPeople } from "./network-view";

const computed = computeWaveAnalytics({ ...smallOrg(), noise: null });
const analytics = { ...computed, layout: computeNetworkLayout({ waveId: "w", blocks: computed.blocks, membership: computed.membership, edges: computed.edges }) };

describe("the network's first load", () => {
  const view = networkOverview(analytics);

  it("sends groups and departments with counts, and no person beyond the most followed", () => {
    expect(view.groups.map((group) => [group.id, group.responses])).toEqual(analytics.blocks.map((block, i) => [`g${i}`, block.responses]));
    expect(view.people).toBe(analytics.people.length);
    const departments = Object.fromEntries(view.departments.map((department) => [department.name, department.people]));
    expect(departments).toEqual({ Eng: 6, Sales: 4, Exec: 1 });
    // Largest department first: it gets the first colour.
    expect(view.departments[0]!.name).toBe("Eng");
    expect(view.mostFollowed.length).toBeLessThanOrEqual(20);
  });

  it("never sends a block key, which would hold a manager's id", () => {
    expect(JSON.stringify(view)).not.toContain(TEAM);
  });

  it("places every group inside the square, from the stored layout", () => {
    const stored = analytics.blocks.map((block) => analytics.layout.groups[block.key]!);
    // Scaled, not reshuffled: the group further right in the layout is further right on the page.
    const [a, b] = [view.groups[0]!, view.groups[1]!];
    if (stored[0]![0] !== stored[1]![0]) expect(Math.sign(a.x - b.x)).toBe(Math.sign(stored[0]![0] - stored[1]![0]));
    for (const group of view.groups) {
      expect(group.x).toBeGreaterThanOrEqual(0);
      expect(group.x).toBeLessThanOrEqual(EXTENT);
      expect(group.y).toBeGreaterThanOrEqual(0);
      expect(group.y).toBeLessThanOrEqual(EXTENT);
    }
  });

  it("links groups by the nominations one's answers gave to the other's members, as index triples", () => {
    for (const [from, to, weight] of view.links) {
      expect(view.groups[from]).toBeDefined();
      expect(view.groups[to]).toBeDefined();
      expect(from).not.toBe(to);
      expect(weight).toBeGreaterThan(0);
    }
  });
});

describe("people on demand", () => {
  it("gives a department's people, each placed, with the groups' nominations to them", () => {
    const eng = networkPeople(analytics, { department: "Eng" })!;
    expect(eng.people.map((person) => person.id).sort()).toEqual(["e1", "e2", "e3", "e4", "e5", "m1"]);
    expect(eng.total).toBe(6);
    for (const person of eng.people) expect(Number.isFinite(person.x) && Number.isFinite(person.y)).toBe(true);
    const ids = new Set(eng.people.map((person) => person.id));
    for (const [group, id, weight] of eng.edges) {
      expect(analytics.blocks[group]).toBeDefined();
      expect(ids.has(id)).toBe(true);
      expect(weight).toBeGreaterThan(0);
    }
    // Never a line from one person to another: every edge starts at a group index.
    expect(eng.edges.every(([group]) => typeof group === "number")).toBe(true);
  });

  it("places a person in the same spot whichever way they were asked for", () => {
    const byDepartment = networkPeople(analytics, { department: "Eng" })!.people.find((person) => person.id === "e1")!;
    const teamIndex = analytics.blocks.findIndex((block) => block.key === TEAM);
    const byGroup = networkPeople(analytics, { group: `g${teamIndex}` })!.people.find((person) => person.id === "e1")!;
    expect([byGroup.x, byGroup.y]).toEqual([byDepartment.x, byDepartment.y]);
  });

  it("answers null for a group that is not in view", () => {
    expect(networkPeople(analytics, { group: "g999" })).toBeNull();
    expect(networkPeople(analytics, { group: "team:m1:Eng" })).toBeNull();
  });

  it("does not name a manager who is anonymous to the viewer, nor find anonymous people by name", () => {
    const named = applyNaming(analytics, { naming: "formal-roles", consented: new Set(), viewer: "analyst", pseudonym: (id) => `anonymous-${id}x` });
    const eng = networkPeople(named, { department: "Eng" })!;
    const someone = eng.people.find((person) => !person.named)!;
    expect(someone.label).toBe("Someone in Eng");
    expect(someone.manager).toBeNull();
    expect(findPeople(named, "someone")).toEqual([]);
    expect(findPeople(named, "m1").map((person) => person.id)).toEqual(["m1"]);
  });
});

describe("plain ranks", () => {
  it("gives ties the same rank and nobody without followers a rank", () => {
    const ranks = followerRanks([
      { id: "a", primaryFollowers: 5 },
      { id: "b", primaryFollowers: 3 },
      { id: "c", primaryFollowers: 3 },
      { id: "d", primaryFollowers: 1 },
      { id: "e", primaryFollowers: 0 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });
});

describe("the layout", () => {
  it("is the same every time for the same wave", () => {
    const input = { waveId: "w", blocks: analytics.blocks, membership: analytics.membership, edges: analytics.edges };
    expect(computeNetworkLayout(input)).toEqual(computeNetworkLayout(input));
    expect(Object.keys(computeNetworkLayout(input).groups).sort()).toEqual(analytics.blocks.map((block) => block.key).sort());
  });
});

describe("a large department", () => {
  it("draws its most followed up to the limit, and a person found by name beyond it", async () => {
    const { PEOPLE_LIMIT } = await import("./network-view");
    const many = Array.from({ length: PEOPLE_LIMIT + 5 }, (_, i) => ({ ...analytics.people[0]!, id: `x${i}`, name: `X ${i}`, department: "Big", primaryFollowers: PEOPLE_LIMIT + 5 - i }));
    const big = { ...analytics, people: many };
    const shown = networkPeople(big, { department: "Big" })!;
    expect(shown.total).toBe(PEOPLE_LIMIT + 5);
    expect(shown.people).toHaveLength(PEOPLE_LIMIT);
    expect(shown.people.some((person) => person.id === `x${PEOPLE_LIMIT + 4}`)).toBe(false);
    const found = networkPeople(big, { department: "Big", include: `x${PEOPLE_LIMIT + 4}` })!;
    expect(found.people).toHaveLength(PEOPLE_LIMIT);
    expect(found.people.some((person) => person.id === `x${PEOPLE_LIMIT + 4}`)).toBe(true);
  });
});
