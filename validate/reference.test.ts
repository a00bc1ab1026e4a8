import { DirectedGraph } from "graphology";
import graphologyPagerank from "graphology-metrics/centrality/pagerank";
import { describe, expect, it } from "vitest";
import { betweenness, earnedShares, followBacks, inDegrees, pagerank, reaches, ranks, reportingLines, spearman } from "./reference";

/**
 * A five-person firm, small enough to check every figure by hand:
 *
 *        A (dept X)
 *       / \
 *  (X) B   C (Y)
 *     / \
 *    D   E   (both X)
 *
 * Follow ties: B→A, C→A, E→A, D→B, C→B, D→C.
 */
const nodes = ["A", "B", "C", "D", "E"];
const managerOf = new Map<string, string | null>([
  ["A", null],
  ["B", "A"],
  ["C", "A"],
  ["D", "B"],
  ["E", "B"],
]);
const department: Record<string, string> = { A: "X", B: "X", C: "Y", D: "X", E: "X" };
const people = new Map(nodes.map((id) => [id, { managerId: managerOf.get(id)!, department: department[id]! }]));
const edges = [
  { source: "B", target: "A" },
  { source: "C", target: "A" },
  { source: "E", target: "A" },
  { source: "D", target: "B" },
  { source: "C", target: "B" },
  { source: "D", target: "C" },
];

describe("reference figures on a hand-checked firm", () => {
  it("counts followers once per person who chose, ignoring self-ties and repeats", () => {
    const counts = inDegrees(nodes, [...edges, { source: "A", target: "A" }, { source: "B", target: "A" }]);
    expect(Object.fromEntries(counts)).toEqual({ A: 3, B: 2, C: 1, D: 0, E: 0 });
  });

  it("knows everyone's reporting line", () => {
    const lines = reportingLines(managerOf);
    expect([...lines.get("A")!].sort()).toEqual(["B", "C", "D", "E"]);
    expect([...lines.get("B")!].sort()).toEqual(["D", "E"]);
    expect(lines.get("C")!.size).toBe(0);
  });

  it("earned share: followers outside the nominee's line over all followers", () => {
    const shares = earnedShares(nodes, edges, managerOf);
    // A's three followers all report to A; B is chosen by D (below B) and C (not); C by D (not below C).
    expect(shares.get("A")).toEqual({ share: 0, outsideLine: 0, followers: 3 });
    expect(shares.get("B")).toEqual({ share: 0.5, outsideLine: 1, followers: 2 });
    expect(shares.get("C")).toEqual({ share: 1, outsideLine: 1, followers: 1 });
    expect(shares.has("D")).toBe(false);
  });

  it("follow-back: the share of a manager's direct reports who chose them", () => {
    const back = followBacks(edges, managerOf);
    expect(back.get("A")).toEqual({ share: 1, chose: 2, reports: 2 });
    expect(back.get("B")).toEqual({ share: 0.5, chose: 1, reports: 2 });
    expect(back.has("C")).toBe(false);
  });

  it("reach: distinct teams (manager and department) and departments of the followers", () => {
    const reach = reaches(nodes, edges, people);
    // A: B (team of A·X), C (team of A·Y), E (team of B·X).
    expect(reach.get("A")).toEqual({ groups: 3, departments: 2 });
    expect(reach.get("B")).toEqual({ groups: 2, departments: 2 });
    expect(reach.get("C")).toEqual({ groups: 1, departments: 1 });
    expect(reach.get("D")).toEqual({ groups: 0, departments: 0 });
  });

  it("betweenness: D reaches A through B or C, one path each; normalized by (n−1)(n−2)", () => {
    const between = betweenness(nodes, edges);
    expect(between.get("B")).toBeCloseTo(0.5 / 12, 12);
    expect(between.get("C")).toBeCloseTo(0.5 / 12, 12);
    expect(between.get("A")).toBe(0);
    expect(between.get("D")).toBe(0);
  });

  it("betweenness on a directed path a→b→c→d: b and c carry two paths each", () => {
    const path = betweenness(["a", "b", "c", "d"], [
      { source: "a", target: "b" },
      { source: "b", target: "c" },
      { source: "c", target: "d" },
    ]);
    expect(path.get("b")).toBeCloseTo(2 / 6, 12);
    expect(path.get("c")).toBeCloseTo(2 / 6, 12);
    expect(path.get("a")).toBe(0);
  });
});

describe("pagerank", () => {
  it("splits a two-person cycle evenly", () => {
    const rank = pagerank(["a", "b"], [
      { source: "a", target: "b" },
      { source: "b", target: "a" },
    ]);
    expect(rank.get("a")).toBeCloseTo(0.5, 12);
  });

  it("spreads a dangling node's rank evenly (solved by hand: a = 0.135 / 0.235)", () => {
    const rank = pagerank(["a", "b", "c"], [
      { source: "b", target: "a" },
      { source: "c", target: "a" },
    ]);
    expect(rank.get("a")).toBeCloseTo(0.135 / 0.235, 9);
    expect(rank.get("b")).toBeCloseTo(0.05 + (0.85 / 3) * (0.135 / 0.235), 9);
    expect([...rank.values()].reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });

  it("agrees with graphology's implementation on a weighted graph with dangling nodes", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const weighted = [];
    for (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) if (i !== j && (i * 7 + j * 13) % 11 === 0 && i % 9 !== 4) weighted.push({ source: ids[i]!, target: ids[j]!, weight: 1 + ((i + j) % 3) });
    const graph = new DirectedGraph();
    for (const id of ids) graph.addNode(id);
    for (const edge of weighted) graph.addDirectedEdge(edge.source, edge.target, { weight: edge.weight });
    const theirs = graphologyPagerank(graph, { getEdgeWeight: "weight", alpha: 0.85, maxIterations: 1000, tolerance: 1e-12 });
    const ours = pagerank(ids, weighted);
    for (const id of ids) expect(ours.get(id)).toBeCloseTo(theirs[id]!, 8);
  });
});

describe("spearman", () => {
  it("is 1 for the same order, −1 for the reverse", () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("gives ties their mean rank", () => {
    expect(ranks([5, 1, 5, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(spearman([1, 1, 2], [1, 2, 3])).toBeCloseTo(1.5 / Math.sqrt(3), 12);
  });

  it("has no value when one side does not vary", () => {
    expect(spearman([0, 0, 0], [1, 2, 3])).toBeNull();
    expect(spearman([1], [1])).toBeNull();
  });
});
