import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildInfluenceGraph, influenceMetrics } from "./graph";

function graphOf(edges: [string, string][]) {
  const graph = new DirectedGraph();
  for (const [from, to] of edges) {
    graph.mergeNode(from, { kind: "person" });
    graph.mergeNode(to, { kind: "person" });
    graph.mergeEdge(from, to, { weight: 1 });
  }
  return graph;
}

describe("influence metrics", () => {
  it("PageRank matches the textbook example (values from networkx 3.6.1, alpha 0.85)", () => {
    const { pagerank } = influenceMetrics(graphOf([["A", "B"], ["A", "C"], ["B", "C"], ["C", "A"]]));
    expect(pagerank.get("A")).toBeCloseTo(0.38779, 4);
    expect(pagerank.get("B")).toBeCloseTo(0.214811, 4);
    expect(pagerank.get("C")).toBeCloseTo(0.3974, 4);
  });

  it("links people through blocks, never person to person", () => {
    const graph = buildInfluenceGraph({
      personIds: ["p1", "p2", "p3"],
      membership: [
        { personId: "p1", block: "b" },
        { personId: "p2", block: "b" },
      ],
      edges: [{ block: "b", personId: "p3", weight: 2 }],
    });
    expect(graph.edges().map((edge) => [graph.source(edge), graph.target(edge), graph.getEdgeAttribute(edge, "weight")])).toEqual([
      ["p1", "block:b", 1],
      ["p2", "block:b", 1],
      ["block:b", "p3", 2],
    ]);
  });

  it("returns zeros for an empty graph", () => {
    const { pagerank } = influenceMetrics(buildInfluenceGraph({ personIds: ["solo"], membership: [], edges: [] }));
    expect(pagerank.get("solo")).toBe(0);
  });
});
