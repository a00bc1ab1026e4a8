import { describe, expect, it } from "vitest";
import { buildOrgTree, pathsToMatches, spansOfControl, type OrgChartInput } from "./org-chart";

const p = (id: string, managerId: string | null): OrgChartInput => ({ id, name: id, title: null, department: null, managerId });

describe("buildOrgTree", () => {
  it("nests people under their managers and counts total reports", () => {
    const [ceo] = buildOrgTree([p("ceo", null), p("cto", "ceo"), p("dev1", "cto"), p("dev2", "cto"), p("cfo", "ceo")]);
    expect(ceo!.totalReports).toBe(4);
    expect(ceo!.children.map((child) => [child.id, child.totalReports, child.depth])).toEqual([
      ["cfo", 0, 1],
      ["cto", 2, 1],
    ]);
    expect(ceo!.children[1]!.children.map((child) => child.depth)).toEqual([2, 2]);
  });

  it("makes people with a missing manager roots, largest first", () => {
    const roots = buildOrgTree([p("solo", "gone"), p("boss", null), p("a", "boss")]);
    expect(roots.map((root) => root.id)).toEqual(["boss", "solo"]);
  });

  it("handles a 5,000-deep chain without exhausting the stack", () => {
    const people = Array.from({ length: 5_000 }, (_, i) => p(`p${i}`, i === 0 ? null : `p${i - 1}`));
    expect(buildOrgTree(people)[0]!.totalReports).toBe(4_999);
  });
});

describe("pathsToMatches", () => {
  it("opens every manager above a match", () => {
    const people = [p("ceo", null), p("cto", "ceo"), p("dev", "cto"), p("cfo", "ceo")];
    expect([...pathsToMatches(people, new Set(["dev"]))].sort()).toEqual(["ceo", "cto"]);
  });
});

describe("spansOfControl", () => {
  it("counts direct and total reports like the tree does", () => {
    const people = [p("ceo", null), p("cto", "ceo"), p("dev1", "cto"), p("dev2", "cto"), p("cfo", "ceo"), p("stray", "gone")];
    const spans = spansOfControl(people);
    expect(spans.get("ceo")).toEqual({ direct: 2, total: 4 });
    expect(spans.get("cto")).toEqual({ direct: 2, total: 2 });
    expect(spans.get("stray")).toEqual({ direct: 0, total: 0 });
  });
});
