import { describe, expect, it } from "vitest";
import { constructTrends, enpsTrend, personTrend, scopeAnalytics } from "./dashboard";
import { computeWaveAnalytics } from "./engine";
import { ORGANIZATION, smallOrg, TEAM } from "./fixtures/small-org";

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
    expect(personTrend(waves, "m1").map((point) => point.earnedShare)).toEqual([{ shown: "exact", share: 0.5, known: 6, total: 6 }, { shown: "exact", share: 0.5, known: 6, total: 6 }, null]);
  });
});

describe("a leader's scope", () => {
  it("keeps the team blocks, people and edges inside the subtree only", () => {
    const analytics = computeWaveAnalytics(smallOrg());
    const scoped = scopeAnalytics(analytics, { kind: "subtree", personIds: new Set(["m1", "e1", "e2", "e3", "e4", "e5"]), rootName: "M1" });
    expect(scoped.blocks.map((block) => block.key)).toEqual([TEAM]);
    expect(scoped.people.map((p) => p.id).sort()).toEqual(["e1", "e2", "e3", "e4", "e5", "m1"]);
    expect(scoped.edges.map((edge) => [edge.block, edge.personId]).sort()).toEqual([
      [TEAM, "e2"],
      [TEAM, "m1"],
    ]);
    expect(scoped.responses).toEqual({ total: 4, openLink: 0 });
    expect(scoped.participation).toBeNull();
    expect(scoped.commentGroups.flatMap((group) => group.comments.map((comment) => comment.text))).toEqual(["More time for deep work."]);
  });

  it("shows only whole comment groups: the organization's comments minus a leader's are whole groups too", () => {
    const analytics = computeWaveAnalytics(smallOrg({ commentMinimum: 5 }));
    expect(analytics.commentGroups.map((group) => group.blocks)).toEqual([[ORGANIZATION, TEAM]]);
    const scoped = scopeAnalytics(analytics, { kind: "subtree", personIds: new Set(["m1", "e1", "e2", "e3", "e4", "e5"]), rootName: "M1" });
    expect(scoped.commentGroups).toEqual([]);
  });

  it("shows nothing of a subtree without a block of its own", () => {
    const scoped = scopeAnalytics(computeWaveAnalytics(smallOrg()), { kind: "subtree", personIds: new Set(["m2", "s1", "s2", "s3"]), rootName: "M2" });
    expect(scoped.blocks).toEqual([]);
    expect(scoped.edges).toEqual([]);
    expect(scoped.responses).toEqual({ suppressed: true, reason: "fewer-than-k" });
  });
});
