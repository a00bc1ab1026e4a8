import { describe, expect, it } from "vitest";
import { quadrantOf, quadrantRule, quadrantSentence } from "./quadrant";

const person = (directReports: number, primaryFollowers: number) => ({ directReports, primaryFollowers });

describe("the quadrant", () => {
  const rule = { informalThreshold: 4 };

  it("judges managers against their own team: at least half as many followers as direct reports", () => {
    expect(quadrantOf(person(6, 3), rule)).toBe("leader-with-authority");
    expect(quadrantOf(person(6, 2), rule)).toBe("positional-manager");
    expect(quadrantOf(person(1, 1), rule)).toBe("leader-with-authority");
    expect(quadrantOf(person(1, 0), rule)).toBe("positional-manager");
    // A big team is not judged by a top-fifth cut of everyone: 12 reports need 6 followers.
    expect(quadrantOf(person(12, 5), rule)).toBe("positional-manager");
  });

  it("calls someone without reports an informal leader at the organization's typical team size", () => {
    expect(quadrantOf(person(0, 4), rule)).toBe("informal-leader");
    expect(quadrantOf(person(0, 3), rule)).toBe("contributor");
  });

  it("takes the bar from the median team of managers, never below 3", () => {
    expect(quadrantRule([0, 0, 2, 5, 8].map((directReports) => ({ directReports })))).toEqual({ informalThreshold: 5 });
    expect(quadrantRule([0, 1, 2].map((directReports) => ({ directReports })))).toEqual({ informalThreshold: 3 });
    expect(quadrantRule([])).toEqual({ informalThreshold: 3 });
  });

  it("states the rule in words, with its number", () => {
    expect(quadrantSentence(rule, "")).toMatch(/at least half as many people choose to follow them as report to them directly/);
    expect(quadrantSentence(rule, "")).toMatch(/at least 4 people/);
  });
});
