import { describe, expect, it } from "vitest";
import { aggregateConstruct, aggregateEnps, authorityIndex, departmentRows, isShown } from "./dashboard";
import { computeWaveAnalytics, type WaveAnalytics } from "./engine";
import { countNoise } from "~/modules/anonymity/privacy";
import { Q, smallOrg } from "./fixtures/small-org";

const TEAM = "segment:team:m1:Eng";
const POOL = "pool:organization";
const person = (analytics: WaveAnalytics, id: string) => analytics.people.find((p) => p.id === id)!;
const block = (analytics: WaveAnalytics, key: string) => analytics.blocks.find((b) => b.key === key)!;

describe("computeWaveAnalytics on a hand-checked wave", () => {
  const analytics = computeWaveAnalytics(smallOrg());

  it("forms blocks of at least k responses, pooling the small segments", () => {
    expect(analytics.blocks.map((b) => [b.key, b.kind, b.responses, b.label])).toEqual([
      [TEAM, "team", 4, "Team of M1 · Eng"],
      [POOL, "other-groups", 4, "Other groups combined"],
    ]);
    expect(analytics.pooledSegments).toEqual([
      { segment: "team:m2:Sales", block: POOL },
      { segment: "organization", block: POOL },
    ]);
    expect(analytics.responses).toEqual({ total: 8, unverified: 0 });
  });

  it("scores constructs per block, suppressing those answered by fewer than k", () => {
    expect(block(analytics, TEAM).constructs).toEqual({
      "authority.earned": { mean: 4, n: 4, distribution: [0, 0, 1, 2, 1] },
      "authority.positional": { mean: 2, n: 4, distribution: [1, 2, 1, 0, 0] },
      open_space: { suppressed: true, reason: "fewer-than-k" },
    });
    expect(block(analytics, POOL).constructs["authority.positional"]).toEqual({ mean: 4, n: 3, distribution: [0, 0, 1, 1, 1] });
    expect(block(analytics, POOL).constructs["authority.earned"]).toEqual({ mean: 2, n: 3, distribution: [1, 1, 1, 0, 0] });
  });

  it("aggregates published blocks only: means, authority index, eNPS", () => {
    const positional = aggregateConstruct(analytics.blocks, "authority.positional");
    expect(isShown(positional) && positional.mean).toBeCloseTo(20 / 7, 10);
    const index = authorityIndex(analytics.blocks);
    expect(isShown(index) && index.value).toBeCloseTo(2 / 7, 10);
    expect(block(analytics, TEAM).enps).toEqual({ score: 25, n: 4, promoters: 2, passives: 1, detractors: 1 });
    expect(block(analytics, POOL).enps).toEqual({ score: -33, n: 3, promoters: 1, passives: 0, detractors: 2 });
    expect(aggregateEnps(analytics.blocks)).toEqual({ score: 0, n: 7, promoters: 3, passives: 1, detractors: 3 });
    const rows = departmentRows(analytics);
    expect(rows.departments.map((row) => [row.label, row.responses, isShown(row.authorityIndex) ? row.authorityIndex.value : null])).toEqual([["Eng", 4, 2]]);
  });

  it("counts followers per question, reach, earned share and follow-back", () => {
    const m1 = person(analytics, "m1");
    expect(m1.followers).toEqual({ [Q.follow]: 6, [Q.advice]: 0 });
    expect(m1.primaryFollowers).toBe(6);
    expect(m1.reach).toEqual({ groups: 2, departments: 1 });
    // e1, e2, e4 report to m1; s1, s2 and the CEO (m1's manager) do not.
    expect(m1.earnedShare).toEqual({ share: 0.5, inLine: 3, outsideLine: 3, unknown: 0 });
    expect(m1.followBack).toEqual({ share: 0.75, followers: 3, responses: 4 });
    expect([m1.directReports, m1.totalReports]).toEqual([4, 4]);
    expect(person(analytics, "e2").followers).toEqual({ [Q.follow]: 0, [Q.advice]: 1 });
  });

  it("suppresses shares over fewer than k followers, and follow-back for teams without their own block", () => {
    const ceo = person(analytics, "ceo");
    expect(ceo.primaryFollowers).toBe(1);
    expect(ceo.earnedShare).toEqual({ suppressed: true, reason: "fewer-than-k" });
    expect(ceo.followBack).toEqual({ suppressed: true, reason: "fewer-than-k" });
    expect([ceo.directReports, ceo.totalReports]).toEqual([2, 9]);
    expect(person(analytics, "m2").followBack).toEqual({ suppressed: true, reason: "fewer-than-k" });
    expect(person(analytics, "e1").followBack).toBeNull();
  });

  it("draws edges and flows from blocks only", () => {
    expect(analytics.edges.map((e) => [e.block, e.personId, e.weight]).sort()).toEqual(
      [
        [POOL, "ceo", 1],
        [POOL, "m1", 3],
        [TEAM, "e2", 1],
        [TEAM, "m1", 3],
        [TEAM, "s1", 1],
      ].sort(),
    );
    expect(analytics.flows).toEqual([
      { from: "Eng", to: "Eng", weight: 4 },
      { from: "Eng", to: "Sales", weight: 1 },
    ]);
    expect(analytics.membership.filter((m) => m.block === TEAM).map((m) => m.personId).sort()).toEqual(["e1", "e2", "e3", "e4"]);
    expect(analytics.membership.find((m) => m.personId === "s3")?.block).toBe(POOL);
  });

  it("ranks people on the block graph as networkx does", () => {
    // Same graph built in networkx 3.6.1: pagerank(alpha=0.85, weight="weight"), betweenness_centrality(normalized=True).
    expect(person(analytics, "m1").pagerank).toBeCloseTo(0.305825, 5);
    expect(person(analytics, "ceo").pagerank).toBeCloseTo(0.099346, 5);
    expect(person(analytics, "s1").pagerank).toBeCloseTo(0.023429, 5);
    expect(person(analytics, "e1").pagerank).toBeCloseTo(0.0125, 5);
    expect(person(analytics, "m1").brokerage).toBeCloseTo(0.045455, 5);
    expect(person(analytics, "s1").brokerage).toBeCloseTo(0.045455, 5);
    expect(person(analytics, "ceo").brokerage).toBe(0);
  });

  it("keeps response rates per department only where k answered and k did not", () => {
    expect(analytics.participation).toEqual({
      invited: 10,
      answered: 8,
      byDepartment: [
        { department: "Eng", suppressed: true, reason: "fewer-than-k" },
        { department: "Exec", suppressed: true, reason: "fewer-than-k" },
        { department: "Sales", suppressed: true, reason: "fewer-than-k" },
      ],
    });
  });
});

describe("suppression of every kind of cut", () => {
  it("publishes nothing while fewer than k responses exist", () => {
    const few = smallOrg({ responses: smallOrg().responses.slice(0, 2) });
    const analytics = computeWaveAnalytics(few);
    expect(analytics.responses).toEqual({ suppressed: true, reason: "fewer-than-k" });
    expect(analytics.blocks).toEqual([]);
    expect(analytics.edges).toEqual([]);
    expect(analytics.flows).toEqual([]);
    expect(analytics.comments).toEqual([]);
    expect(analytics.people.every((p) => p.primaryFollowers === 0)).toBe(true);
  });

  it("never draws an edge, a flow or a comment from a group smaller than k", () => {
    // The team answers, plus one stray response from sales. Shown apart, the team's edges
    // subtracted from m1's followers would give away what that one person chose; so the team
    // is pooled with the stray response and only the pool (5) is drawn.
    const input = smallOrg();
    const analytics = computeWaveAnalytics({ ...input, responses: input.responses.filter((r) => r.id.startsWith("r-e") || r.id === "r-s1") });
    expect(analytics.blocks.map((b) => [b.key, b.responses])).toEqual([[POOL, 5]]);
    expect(analytics.edges.every((edge) => edge.block === POOL)).toBe(true);
    expect(analytics.flows).toEqual([]);
    expect(analytics.comments.map((c) => c.block)).toEqual([POOL, POOL]);
    expect(person(analytics, "m1").followers[Q.follow]).toBe(4);
  });

  it("merges the smallest blocks into a pool that stays below k (complementary suppression)", () => {
    // Sales (2) and the organization segment (2) pool to 4 < k = 5: the team (4) joins them.
    const analytics = computeWaveAnalytics(smallOrg({ k: 5 }));
    expect(analytics.blocks.map((b) => [b.key, b.responses])).toEqual([[POOL, 8]]);
  });

  it("leaves no nested pair of published figures that differ by fewer than k responses", () => {
    for (let seed = 1; seed <= 64; seed++) {
      const input = smallOrg();
      const responses = input.responses.filter((_, i) => ((seed >> i) & 1) === 1 || i < 2);
      const analytics = computeWaveAnalytics({ ...input, responses });
      const rows = departmentRows(analytics);
      const within = (outer: number, inner: number) => expect(outer - inner === 0 || outer - inner >= input.k, `seed ${seed}: ${outer} ⊃ ${inner}`).toBe(true);
      for (const department of rows.departments) within(rows.total.responses, department.responses);
      for (const group of rows.groups) within(rows.total.responses, group.responses);
      for (const department of rows.departments) {
        for (const b of analytics.blocks.filter((b) => `department:${b.department}` === department.key)) within(department.responses, b.responses);
      }
      for (const b of analytics.blocks) expect(b.responses).toBeGreaterThanOrEqual(input.k);
      // m1's followers are the sum of published edges: nothing hidden to subtract.
      expect(analytics.edges.filter((e) => e.personId === "m1").reduce((sum, e) => sum + e.weight, 0)).toBe(
        person(analytics, "m1").followers[Q.follow]! + person(analytics, "m1").followers[Q.advice]!,
      );
    }
  });
});

describe("differential privacy in the engine", () => {
  it("noises published counts the same way on every run, and marks the result", () => {
    const noise = countNoise(new TextEncoder().encode("key"), "wave-1", 0.5);
    const first = computeWaveAnalytics(smallOrg({ noise }));
    const second = computeWaveAnalytics(smallOrg({ noise }));
    expect(first.noised).toBe(true);
    expect(first.edges).toEqual(second.edges);
    expect(first.people.map((p) => p.followers)).toEqual(second.people.map((p) => p.followers));
    const exact = computeWaveAnalytics(smallOrg());
    const differences = first.edges.filter((edge, i) => edge.weight !== exact.edges[i]!.weight).length + first.people.filter((p, i) => p.primaryFollowers !== exact.people[i]!.primaryFollowers).length;
    expect(differences).toBeGreaterThan(0);
  });
});
