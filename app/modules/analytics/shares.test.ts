import { describe, expect, it } from "vitest";
import { earnedShare, followBackShare, formatShare } from "./shares";

describe("earned share", () => {
  it("is exact when every follower's side of the line is settled", () => {
    expect(earnedShare({ below: 3, outside: 3, unknown: 0 }, 3)).toEqual({ shown: "exact", share: 0.5, known: 6, total: 6 });
  });

  it("is a single figure within five points when the unknowns move it by ten at most", () => {
    const figure = earnedShare({ below: 9, outside: 9, unknown: 2 }, 5);
    expect(figure).toEqual({ shown: "exact", share: 0.5, known: 18, total: 20 });
    // The truth lies between 9/20 and 11/20: within 5 points of 50%.
  });

  it("is a range when the unknowns could move it further, and says so", () => {
    const figure = earnedShare({ below: 2, outside: 4, unknown: 4 }, 5);
    expect(figure).toEqual({ shown: "range", low: 0.4, high: 0.8, known: 6, total: 10 });
    expect(formatShare(figure)).toBe("40%–80%");
  });

  it("is hidden below k followers, and never counts unknowns as either side", () => {
    expect(earnedShare({ below: 1, outside: 1, unknown: 0 }, 5)).toEqual({ shown: "no", reason: "too-few" });
    expect(earnedShare({ below: 0, outside: 0, unknown: 0 }, 5)).toEqual({ shown: "no", reason: "no-followers" });
    expect(earnedShare({ below: 0, outside: 0, unknown: 7 }, 5)).toEqual({ shown: "range", low: 0, high: 1, known: 0, total: 7 });
  });
});

describe("follow-back", () => {
  it("is the share of the team's own group who chose their manager", () => {
    expect(followBackShare({ chose: 6, known: 6, team: 6 }, 5)).toEqual({ shown: "exact", share: 1, known: 6, total: 6 });
    expect(followBackShare({ chose: 4, known: 6, team: 7 }, 5)).toEqual({ shown: "exact", share: 4 / 6, known: 6, total: 7 });
  });

  it("is hidden when the team has no group of its own", () => {
    expect(followBackShare({ chose: 0, known: 0, team: 2 }, 5)).toEqual({ shown: "no", reason: "team-not-grouped" });
  });
});
