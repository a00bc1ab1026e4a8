import { describe, expect, it } from "vitest";
import { placementStability } from "./stability";

const rule = { informalThreshold: 4 };
const blocks = (entries: Record<string, Record<string, number>>) => new Map(Object.entries(entries).map(([block, counts]) => [block, new Map(Object.entries(counts))]));

describe("placement stability", () => {
  it("calls a place stable when no single group and almost no resample of groups would change it", () => {
    const byBlock = blocks({ a: { lea: 3 }, b: { lea: 3 }, c: { lea: 3 }, d: { lea: 3 }, e: { lea: 3 } });
    expect(placementStability([{ id: "lea", directReports: 0, primaryFollowers: 15 }], byBlock, rule, 1).get("lea")).toBe("stable");
  });

  it("flags a place that one group's answers decide", () => {
    // Four followers, all from one group: without it, no longer an informal leader.
    const byBlock = blocks({ a: { ivy: 4 }, b: {}, c: {} });
    expect(placementStability([{ id: "ivy", directReports: 0, primaryFollowers: 4 }], byBlock, rule, 1).get("ivy")).toBe("could-change");
  });

  it("gives contributors no label, and the same answer every time for a seed", () => {
    const byBlock = blocks({ a: { max: 2, kim: 3 }, b: { max: 2, kim: 1 }, c: { kim: 2 } });
    const people = [
      { id: "max", directReports: 6, primaryFollowers: 4 },
      { id: "kim", directReports: 0, primaryFollowers: 6 },
      { id: "sam", directReports: 0, primaryFollowers: 0 },
    ];
    const first = placementStability(people, byBlock, rule, 42);
    expect(first.get("sam")).toBeNull();
    expect(placementStability(people, byBlock, rule, 42)).toEqual(first);
    expect(first.get("max")).toBe("could-change");
  });
});
