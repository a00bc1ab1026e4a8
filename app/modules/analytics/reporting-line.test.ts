import { describe, expect, it } from "vitest";
import { ReportingLines } from "./reporting-line";

// ceo ─┬─ vp ─┬─ m ── a b c
//      │      └─ d
//      └─ x ── y
const lines = new ReportingLines([
  { id: "ceo", managerId: null },
  { id: "vp", managerId: "ceo" },
  { id: "m", managerId: "vp" },
  { id: "a", managerId: "m" },
  { id: "b", managerId: "m" },
  { id: "c", managerId: "m" },
  { id: "d", managerId: "vp" },
  { id: "x", managerId: "ceo" },
  { id: "y", managerId: "x" },
]);

describe("ReportingLines", () => {
  it("knows who is below whom, at any depth, and that nobody is below themselves", () => {
    expect(lines.isBelow("a", "m")).toBe(true);
    expect(lines.isBelow("a", "vp")).toBe(true);
    expect(lines.isBelow("a", "ceo")).toBe(true);
    expect(lines.isBelow("m", "m")).toBe(false);
    expect(lines.isBelow("d", "m")).toBe(false);
    expect(lines.isBelow("vp", "a")).toBe(false);
    expect(lines.isBelow("nobody", "m")).toBe(false);
  });

  it("settles a group's side when its whole membership agrees, and not otherwise", () => {
    expect(lines.side(["a", "b", "c"], "m")).toBe("below"); // a team choosing its own manager
    expect(lines.side(["a", "b", "c"], "vp")).toBe("below");
    expect(lines.side(["a", "b", "c"], "x")).toBe("outside");
    expect(lines.side(["a", "b", "c"], "b")).toBe("outside"); // teammates: b is not their manager
    expect(lines.side(["a", "b", "d", "y"], "vp")).toBe("unknown");
    expect(lines.side(["m", "a", "b"], "m")).toBe("below"); // the nominee is not their own follower
  });

  it("survives a cycle in a broken org chart", () => {
    const broken = new ReportingLines([
      { id: "p", managerId: "q" },
      { id: "q", managerId: "p" },
    ]);
    expect(broken.isBelow("p", "q") && broken.isBelow("q", "p")).toBe(false);
  });
});
