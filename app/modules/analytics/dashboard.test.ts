import { describe, expect, it } from "vitest";
import { constructTrends, defaultThresholds, enpsTrend, personTrend, quadrantOf, scopeAnalytics } from "./dashboard";
import { computeWaveAnalytics, type PersonFigures } from "./engine";
import { smallOrg } from "./fixtures/small-org";

const person = (directReports: number, primaryFollowers: number) => ({ directReports, primaryFollowers });

describe("the quadrant", () => {
  const thresholds = { minDirectReports: 1, minFollowers: 3 };

  it("places people by formal authority and earned influence, thresholds included", () => {
    expect(quadrantOf(person(4, 3), thresholds)).toBe("leader-with-authority");
    expect(quadrantOf(person(0, 3), thresholds)).toBe("informal-leader");
    expect(quadrantOf(person(1, 2), thresholds)).toBe("positional-manager");
    expect(quadrantOf(person(0, 2), thresholds)).toBe("contributor");
    expect(quadrantOf(person(4, 9), { minDirectReports: 5, minFollowers: 10 })).toBe("contributor");
  });

  it("defaults to one report and at least 3 followers or the 80th percentile of those chosen", () => {
    const people = (counts: number[]) => counts.map((primaryFollowers) => ({ primaryFollowers }) as PersonFigures);
    expect(defaultThresholds(people([0, 0, 1, 1, 2]))).toEqual({ minDirectReports: 1, minFollowers: 3 });
    // Chosen at all: 1..10; the 80th percentile is 9.
    expect(defaultThresholds(people([0, ...Array.from({ length: 10 }, (_, i) => i + 1)]))).toEqual({ minDirectReports: 1, minFollowers: 9 });
    expect(defaultThresholds(people([]))).toEqual({ minDirectReports: 1, minFollowers: 3 });
  });
});

describe("trends across waves", () => {
  it("line up constructs, eNPS and a person's followers by wave, leaving suppressed waves empty", () => {
    const first = computeWaveAnalytics(smallOrg());
    const input = smallOrg();
    const second = computeWaveAnalytics({ ...input, waveId: "wave-2", numbers: input.numbers.map((answer) => ({ ...answer, value: answer.questionId === "q-earn" ? 5 : answer.value })) });
    const tooFew = computeWaveAnalytics({ ...input, waveId: "wave-3", responses: input.responses.slice(0, 2) });
    const waves = [
      { number: 1, analytics: first },
      { number: 2, analytics: second },
      { number: 3, analytics: tooFew },
    ];
    const earned = constructTrends(waves).find((trend) => trend.construct === "authority.earned")!;
    expect(earned.points.map((point) => point.mean && +point.mean.toFixed(4))).toEqual([+(22 / 7).toFixed(4), 5, null]);
    expect(enpsTrend(waves).map((point) => point.score)).toEqual([0, 0, null]);
    expect(personTrend(waves, "m1").map((point) => point.followers)).toEqual([6, 6, null]);
  });
});

describe("a leader's scope", () => {
  it("keeps the team blocks, people and edges inside the subtree only", () => {
    const analytics = computeWaveAnalytics(smallOrg());
    const scoped = scopeAnalytics(analytics, { kind: "subtree", personIds: new Set(["m1", "e1", "e2", "e3", "e4"]), rootName: "M1" });
    expect(scoped.blocks.map((block) => block.key)).toEqual(["segment:team:m1:Eng"]);
    expect(scoped.people.map((p) => p.id).sort()).toEqual(["e1", "e2", "e3", "e4", "m1"]);
    expect(scoped.edges.map((edge) => [edge.block, edge.personId]).sort()).toEqual([
      ["segment:team:m1:Eng", "e2"],
      ["segment:team:m1:Eng", "m1"],
    ]);
    expect(scoped.responses).toEqual({ total: 4, unverified: 0 });
    expect(scoped.participation.byDepartment).toEqual([]);
    expect(scoped.comments.map((comment) => comment.text)).toEqual(["More time for deep work."]);
  });

  it("shows nothing of a subtree without a block of its own", () => {
    const scoped = scopeAnalytics(computeWaveAnalytics(smallOrg()), { kind: "subtree", personIds: new Set(["m2", "s1", "s2", "s3"]), rootName: "M2" });
    expect(scoped.blocks).toEqual([]);
    expect(scoped.edges).toEqual([]);
    expect(scoped.responses).toEqual({ suppressed: true, reason: "fewer-than-k" });
  });
});
