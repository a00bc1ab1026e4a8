import { describe, expect, it } from "vitest";
import { computeWaveAnalytics, type WaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg } from "~/modules/analytics/fixtures/small-org";
import { applyNaming } from "~/modules/analytics/naming";
import { authorityReading, followershipSplit, headline, overviewFindings, sparkline, trendMetrics } from "./findings";

const analytics = computeWaveAnalytics(smallOrg());
const withLines = (lines: [number, number, number][]): WaveAnalytics => ({
  ...analytics,
  people: analytics.people.map((person, i) => {
    const [below, outside, unknown] = lines[i] ?? [0, 0, 0];
    return { ...person, line: { below, outside, unknown } };
  }),
});

describe("where followership goes", () => {
  it("adds every person's followers by side of the line, keeping the unknown part", () => {
    expect(followershipSplit(withLines([[2, 3, 1], [0, 4, 0]]))).toEqual({ total: 10, below: 2, outside: 7, unknown: 1 });
    expect(headline(withLines([[2, 3, 1], [0, 4, 0]]))!.text).toBe("70% of followership goes to people outside the chooser's reporting line (10% not known)");
  });

  it("rounds to whole percentages that add up to 100, as drawn", () => {
    const findings = overviewFindings(withLines([[5, 3, 0]]), null, null).followership!;
    expect([findings.outside, findings.below, findings.unknown]).toEqual([38, 62, 0]);
    expect(headline(withLines([[5, 3, 0]]))!.text).toBe("38% of followership goes to people outside the chooser's reporting line");
  });

  it("says nothing below k choices", () => {
    expect(followershipSplit(withLines([[1, 1, 0]]))).toBeNull();
    expect(headline(withLines([[1, 1, 0]]))).toBeNull();
  });
});

describe("the authority index on a readable scale", () => {
  it("places the value between −4 and +4 and says which way it leans, and how far", () => {
    expect(authorityReading(0.24)).toMatchObject({ display: "+0.24", verdict: "About balanced" });
    expect(authorityReading(0.24).sentence).toMatch(/agree 0.24 points more that authority here is earned/);
    expect(authorityReading(-1.5)).toMatchObject({ display: "−1.50", verdict: "Clearly positional", position: 2.5 / 8 });
    expect(authorityReading(0.5).verdict).toBe("Leaning earned");
    expect(authorityReading(9).position).toBe(1);
  });
});

describe("the overview's findings", () => {
  it("names informal leaders only as the naming allows, and counts the others by department", () => {
    const lifted = { ...analytics, people: analytics.people.map((person) => (person.id === "e2" ? { ...person, primaryFollowers: 5 } : person)) };
    const named = overviewFindings(lifted, null, null).informalLeaders;
    expect(named).toMatchObject({ count: 1, named: [{ id: "e2", name: "E2", figure: "5 followers" }], unnamed: { count: 0 } });
    const policy = { naming: "formal-roles" as const, consented: new Set<string>(), viewer: "analyst" as const, pseudonym: (id: string) => `anonymous-${id}` };
    const anonymous = overviewFindings(applyNaming(lifted, policy), null, null).informalLeaders;
    expect(anonymous).toMatchObject({ count: 1, named: [], unnamed: { count: 1, departments: [{ department: "Eng", count: 1 }] } });
    expect(JSON.stringify(anonymous)).not.toContain("E2");
  });

  it("lists managers by how much of their own team follows them, leaving out the viewer", () => {
    const findings = overviewFindings(analytics, null, null);
    expect(findings.leastFollowed.managers).toEqual([{ id: "m1", name: "M1", figure: "75% of their team chose them" }]);
    // One manager is not a ranking: the card says so rather than calling them the least followed.
    expect(findings.leastFollowed.title).toBe("A manager's own team");
    expect(findings.leastFollowed.sentence).toMatch(/Only one manager in this view/);
    expect(overviewFindings(analytics, null, "m1").leastFollowed).toMatchObject({ managers: null, sentence: expect.stringMatching(/yours is on your person page/) });
  });

  it("says when no team stands out rather than ranking managers every team chose", () => {
    const everyone = { ...analytics, people: analytics.people.map((person, i) => (i < 2 ? { ...person, followBack: { chose: 6, known: 6, team: 6 } } : { ...person, followBack: null })) };
    const card = overviewFindings(everyone, null, null).leastFollowed;
    expect(card.managers).toHaveLength(2);
    expect(card.managers?.map((manager) => manager.figure)).toEqual(["100% of their team chose them", "100% of their team chose them"]);
    expect(card.sentence).toMatch(/no team stands out/);
  });

  it("reports the change since the previous wave, and nothing on a first wave", () => {
    expect(overviewFindings(analytics, null, null).change).toBeNull();
    const before = withLines([[5, 5, 0]]);
    const now = withLines([[2, 8, 0]]);
    const change = overviewFindings(now, before, null).change!;
    expect(change.items[0]).toEqual({ label: "Followership outside the line", delta: "+30 points", direction: "up" });
    expect(change.items.find((item) => item.label === "Authority index")).toMatchObject({ delta: "±0.00", direction: "flat" });
    expect(change.sentence).toMatch(/\+30 points since the last wave/);
  });
});

describe("small multiples", () => {
  it("give each figure its own series and the change since the previous wave", () => {
    const metrics = trendMetrics([
      { number: 1, analytics: withLines([[5, 5, 0]]) },
      { number: 2, analytics: withLines([[2, 8, 0]]) },
    ]);
    const outside = metrics.find((metric) => metric.key === "outside")!;
    expect(outside.points).toEqual([
      { wave: 1, value: 50 },
      { wave: 2, value: 80 },
    ]);
    expect(outside.delta).toBeCloseTo(30);
    expect(metrics.map((metric) => metric.key)).toContain("construct:authority.earned");
  });

  it("draw a line with gaps where a wave was hidden", () => {
    const line = sparkline([1, null, 3, 2], 100, 20, 0);
    expect(line.path).toBe("M0,20M66.7,0L100,10");
    expect(line.dots).toHaveLength(3);
    expect(sparkline([2], 100, 20).path).toBe("M50,10");
  });
});
