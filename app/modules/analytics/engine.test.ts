import { describe, expect, it } from "vitest";
import { aggregateConstruct, aggregateEnps, authorityIndex, departmentRows, isShown } from "./dashboard";
import { computeWaveAnalytics, type WaveAnalytics } from "./engine";
import { countNoise } from "~/modules/anonymity/privacy";
import { ORGANIZATION, Q, smallOrg, TEAM } from "./fixtures/small-org";

const person = (analytics: WaveAnalytics, id: string) => analytics.people.find((p) => p.id === id)!;
const block = (analytics: WaveAnalytics, key: string) => analytics.blocks.find((b) => b.key === key)!;

describe("computeWaveAnalytics on a hand-checked wave", () => {
  const analytics = computeWaveAnalytics(smallOrg());

  it("shows each group released with at least k responses as a block", () => {
    expect(analytics.blocks.map((b) => [b.key, b.kind, b.responses, b.label])).toEqual([
      [ORGANIZATION, "organization", 4, "Rest of the organization"],
      [TEAM, "team", 4, "Team of M1 · Eng"],
    ]);
    expect(analytics.responses).toEqual({ total: 8, openLink: 0 });
  });

  it("scores constructs per block, suppressing those answered by fewer than k", () => {
    expect(block(analytics, TEAM).constructs).toEqual({
      "authority.earned": { mean: 4, n: 4, distribution: [0, 0, 1, 2, 1] },
      "authority.positional": { mean: 2, n: 4, distribution: [1, 2, 1, 0, 0] },
      open_space: { suppressed: true, reason: "fewer-than-k" },
    });
    expect(block(analytics, ORGANIZATION).constructs["authority.positional"]).toEqual({ mean: 4, n: 3, distribution: [0, 0, 1, 1, 1] });
    expect(block(analytics, ORGANIZATION).constructs["authority.earned"]).toEqual({ mean: 2, n: 3, distribution: [1, 1, 1, 0, 0] });
  });

  it("aggregates published blocks only: means, authority index, eNPS", () => {
    const positional = aggregateConstruct(analytics.blocks, "authority.positional");
    expect(isShown(positional) && positional.mean).toBeCloseTo(20 / 7, 10);
    const index = authorityIndex(analytics.blocks);
    expect(isShown(index) && index.value).toBeCloseTo(2 / 7, 10);
    expect(block(analytics, TEAM).enps).toEqual({ score: 25, n: 4, promoters: 2, passives: 1, detractors: 1 });
    expect(block(analytics, ORGANIZATION).enps).toEqual({ score: -33, n: 3, promoters: 1, passives: 0, detractors: 2 });
    expect(aggregateEnps(analytics.blocks)).toEqual({ score: 0, n: 7, promoters: 3, passives: 1, detractors: 3 });
    const rows = departmentRows(analytics);
    expect(rows.departments.map((row) => [row.label, row.responses, isShown(row.authorityIndex) ? row.authorityIndex.value : null])).toEqual([["Eng", 4, 2]]);
  });

  it("counts followers per question", () => {
    const m1 = person(analytics, "m1");
    expect(m1.followers).toEqual({ [Q.follow]: 6, [Q.advice]: 0 });
    expect(m1.primaryFollowers).toBe(6);
    expect([m1.directReports, m1.totalReports]).toEqual([5, 5]);
    expect(person(analytics, "e2").followers).toEqual({ [Q.follow]: 0, [Q.advice]: 1 });
  });

  it("settles which side of a reporting line followers sit on from the groups alone", () => {
    // The team is m1's own (below him); the organization group holds nobody below him.
    expect(person(analytics, "m1").line).toEqual({ below: 3, outside: 3, unknown: 0 });
    // Everyone in the organization group but the CEO sits below the CEO.
    expect(person(analytics, "ceo").line).toEqual({ below: 1, outside: 0, unknown: 0 });
    // s1–s3 are below m2, the CEO and m1 are not: that group straddles m2's line.
    expect(person(analytics, "m2").line).toEqual({ below: 0, outside: 0, unknown: 1 });
    expect(person(analytics, "s1").line).toEqual({ below: 0, outside: 1, unknown: 0 });
  });

  it("counts a manager's follow-back from their team's own group only", () => {
    expect(person(analytics, "m1").followBack).toEqual({ chose: 3, known: 4, team: 5 });
    // The CEO's team (m1, m2) is not a group of its own: nothing known.
    expect(person(analytics, "ceo").followBack).toEqual({ chose: 0, known: 0, team: 2 });
    expect(person(analytics, "e1").followBack).toBeNull();
  });

  it("says whose place would hold without any one group's answers", () => {
    // m1's six followers come three from each group; five reports need three.
    expect(person(analytics, "m1").stability).toBe("stable");
    // The CEO (two reports) has one follower, from one group: without it, a positional manager.
    expect(person(analytics, "ceo").stability).toBe("could-change");
    expect(person(analytics, "e1").stability).toBeNull();
  });

  it("draws edges and flows from blocks only", () => {
    expect(analytics.edges.map((e) => [e.block, e.personId, e.weight]).sort()).toEqual(
      [
        [ORGANIZATION, "ceo", 1],
        [ORGANIZATION, "m1", 3],
        [ORGANIZATION, "m2", 1],
        [TEAM, "e2", 1],
        [TEAM, "m1", 3],
        [TEAM, "s1", 1],
      ].sort(),
    );
    expect(analytics.flows).toEqual([
      { from: "Eng", to: "Eng", weight: 4 },
      { from: "Eng", to: "Sales", weight: 1 },
    ]);
    expect(analytics.membership.filter((m) => m.block === TEAM).map((m) => m.personId).sort()).toEqual(["e1", "e2", "e3", "e4", "e5"]);
    expect(analytics.membership.find((m) => m.personId === "s3")?.block).toBe(ORGANIZATION);
  });

  it("ranks people on the block graph as networkx does", () => {
    // The same graph in networkx 3.6.1: pagerank(alpha=0.85, weight="weight").
    expect(person(analytics, "m1").pagerank).toBeCloseTo(0.252225, 5);
    expect(person(analytics, "ceo").pagerank).toBeCloseTo(0.07973, 5);
    expect(person(analytics, "s1").pagerank).toBeCloseTo(0.023576, 5);
    expect(person(analytics, "e1").pagerank).toBeCloseTo(0.011538, 5);
  });

  it("keeps response rates per department only where k answered and k did not", () => {
    expect(analytics.participation).toEqual({
      total: { invited: 11, answered: 8, exact: true },
      byDepartment: [
        { department: "Eng", suppressed: true, reason: "fewer-than-k" },
        { department: "Exec", suppressed: true, reason: "fewer-than-k" },
        { department: "Sales", suppressed: true, reason: "fewer-than-k" },
      ],
    });
  });

  it("publishes comments only at close, in groups of at least the comment minimum", () => {
    expect(analytics.commentGroups).toEqual([
      { key: "comments:team:m1:Eng", blocks: [TEAM], comments: [{ questionId: Q.comment, text: "More time for deep work." }] },
      { key: "comments:organization", blocks: [ORGANIZATION], comments: [{ questionId: Q.comment, text: "Clearer priorities." }] },
    ]);
    expect(computeWaveAnalytics(smallOrg({ closed: false })).commentGroups).toEqual([]);
    expect(computeWaveAnalytics(smallOrg({ commentMinimum: 5 })).commentGroups.map((group) => group.blocks)).toEqual([[ORGANIZATION, TEAM]]);
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
    expect(analytics.commentGroups).toEqual([]);
    expect(analytics.people.every((p) => p.primaryFollowers === 0)).toBe(true);
  });

  it("leaves out a group short of k (stored by an older version) rather than show it", () => {
    const input = smallOrg();
    const analytics = computeWaveAnalytics({ ...input, responses: input.responses.filter((r) => r.id !== "r-s2" && r.id !== "r-ceo") });
    expect(analytics.blocks.map((b) => [b.key, b.responses])).toEqual([[TEAM, 4]]);
    expect(analytics.edges.every((edge) => edge.block === TEAM)).toBe(true);
    expect(person(analytics, "m1").followers[Q.follow]).toBe(3);
  });

  it("makes every person's followers the sum of published edges: nothing hidden to subtract", () => {
    const analytics = computeWaveAnalytics(smallOrg());
    for (const someone of analytics.people) {
      expect(analytics.edges.filter((e) => e.personId === someone.id).reduce((sum, e) => sum + e.weight, 0)).toBe(someone.followers[Q.follow]! + someone.followers[Q.advice]!);
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

describe("the 'I would name more people' box", () => {
  it("reports the share at a question's limit who would have named more, once k are at the limit", () => {
    const input = smallOrg();
    const marks = (values: number[]) => values.map((value, i) => ({ responseId: ["r-e1", "r-e2", "r-s1", "r-m1"][i]!, questionId: Q.follow, value }));
    const follow = (analytics: ReturnType<typeof computeWaveAnalytics>) => analytics.nominationQuestions.find((q) => q.id === Q.follow)!.atLimit;
    expect(follow(computeWaveAnalytics({ ...input, numbers: [...input.numbers, ...marks([1, 0, 1, 1])] }))).toEqual({ respondents: 4, wouldNameMore: 0.75 });
    expect(follow(computeWaveAnalytics({ ...input, numbers: [...input.numbers, ...marks([1, 0])] }))).toBeNull();
  });
});
