import { describe, expect, it } from "vitest";
import { buildOrgTree, chartHref, openTeamsParam, ORG_CHART_LIMITS, pathsToMatches, spansOfControl, teamOf, visibleOrgChart, type OrgChartInput, type OrgChartNode } from "./org-chart";

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
    const byId = new Map(people.map((person) => [person.id, person]));
    expect([...pathsToMatches(byId, new Set(["dev"]))].sort()).toEqual(["ceo", "cto"]);
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

describe("the part of the org chart a page shows", () => {
  // ceo → cto → (dev1, dev2 → intern), ceo → cfo
  const people = [p("ceo", null), p("cto", "ceo"), p("dev1", "cto"), p("dev2", "cto"), p("intern", "dev2"), p("cfo", "ceo")];
  const names = (nodes: OrgChartNode[] | null): unknown => nodes?.map((node) => [node.id, node.children === null ? "closed" : names(node.children)]) ?? null;

  it("opens the roots' teams and sends closed teams as counts without members", () => {
    const { chart } = visibleOrgChart(buildOrgTree(people), new Set(), false);
    expect(names(chart)).toEqual([["ceo", [["cfo", []], ["cto", "closed"]]]]);
    const cto = chart[0]!.children![1]!;
    expect([cto.direct, cto.totalReports]).toEqual([2, 3]);
  });

  it("opens the teams asked for, or everything", () => {
    expect(names(visibleOrgChart(buildOrgTree(people), new Set(["cto"]), false).chart)).toEqual([["ceo", [["cfo", []], ["cto", [["dev1", []], ["dev2", "closed"]]]]]]);
    const all = visibleOrgChart(buildOrgTree(people), new Set(), true);
    expect(names(all.chart)).toEqual([["ceo", [["cfo", []], ["cto", [["dev1", []], ["dev2", [["intern", []]]]]]]]]);
    expect(all.complete).toBe(true);
  });

  it("expands all level by level until its budget, and says it stopped", () => {
    // 1 + 8 + 64 + 512 + 4,096 people, eight reports each.
    const wide = Array.from({ length: 4_681 }, (_, i) => p(`p${i}`, i === 0 ? null : `p${Math.floor((i - 1) / 8)}`));
    const count = (nodes: OrgChartNode[] | null): number => (nodes ?? []).reduce((sum, node) => sum + 1 + count(node.children), 0);
    const { chart, complete } = visibleOrgChart(buildOrgTree(wide), new Set(), true, 600);
    expect(complete).toBe(false);
    // Every level up to the 512 whole (585 people), then the next level team by team while they fit.
    expect(count(chart)).toBe(593);
    expect(visibleOrgChart(buildOrgTree(wide), new Set(), true, 10_000).complete).toBe(true);
  });

  it("sends one team's members on their own, closed below", () => {
    const cto = buildOrgTree(people)[0]!.children[1]!;
    expect(names(teamOf(cto))).toEqual([["dev1", []], ["dev2", "closed"]]);
  });

  it("reads opened teams from a URL as ids only, at most the limit", () => {
    const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
    expect(openTeamsParam(`${id(1)},nonsense,${id(1)},1 or 1=1`)).toEqual([id(1)]);
    expect(openTeamsParam(Array.from({ length: 500 }, (_, i) => id(i)).join(","))).toHaveLength(ORG_CHART_LIMITS.openTeams);
    expect(openTeamsParam(null)).toEqual([]);
    expect(chartHref("acme", { search: "Ann Lee", open: [id(1), id(2)] })).toBe(`/o/acme/people/chart?q=Ann+Lee&open=${id(1)}%2C${id(2)}`);
    expect(chartHref("acme", { search: "", open: [] })).toBe("/o/acme/people/chart");
  });
});
