import { DirectedGraph } from "graphology";
import pagerank from "graphology-metrics/centrality/pagerank";

/**
 * The aggregated influence graph.
 *
 * Respondents are anonymous, so there are no person → person edges. Instead:
 *   - a node per person, and a node per block (a group of at least k responses; blocks.ts);
 *   - person → block: each person belongs to the block of their segment (weight 1);
 *   - block → person: how many nominations (all nomination questions) the block's responses
 *     gave that person (weight = count).
 * Influence then flows as in a person-to-person graph, through the groups: a person chosen by
 * groups whose members are themselves chosen ranks higher.
 *
 * PageRank: graphology-metrics, damping 0.85 with edge weights, dangling mass spread evenly (as
 * networkx); on published organizational networks it ranks people close to how the identified
 * network does (npm run validate). Betweenness and communities are deliberately absent: on a graph
 * whose paths run through groups they do not measure a person, and they did not match the
 * identified networks (see the README).
 */

export const BLOCK_PREFIX = "block:";

export type InfluenceGraphInput = {
  personIds: string[];
  membership: { personId: string; block: string }[];
  edges: { block: string; personId: string; weight: number }[];
};

export function buildInfluenceGraph({ personIds, membership, edges }: InfluenceGraphInput): DirectedGraph {
  const graph = new DirectedGraph({ allowSelfLoops: false });
  // Nodes once each, then plain addEdge: merging on every edge is most of the cost at 10,000 people.
  const people = new Set<string>(personIds);
  const blocks = new Set<string>();
  for (const { personId, block } of membership) {
    people.add(personId);
    blocks.add(block);
  }
  for (const { block, personId } of edges) {
    people.add(personId);
    blocks.add(block);
  }
  for (const id of people) graph.addNode(id, { kind: "person" });
  for (const block of blocks) graph.addNode(BLOCK_PREFIX + block, { kind: "block" });
  const seen = new Set<string>();
  for (const { personId, block } of membership) {
    if (seen.has(personId)) continue;
    seen.add(personId);
    graph.addDirectedEdge(personId, BLOCK_PREFIX + block, { weight: 1 });
  }
  for (const { block, personId, weight } of edges) graph.addDirectedEdge(BLOCK_PREFIX + block, personId, { weight });
  return graph;
}

export type InfluenceMetrics = { pagerank: Map<string, number> };

export function influenceMetrics(graph: DirectedGraph): InfluenceMetrics {
  const people = graph.filterNodes((_, attributes) => attributes.kind === "person");
  if (graph.order === 0 || graph.size === 0) return { pagerank: new Map(people.map((id) => [id, 0])) };
  const ranks = pagerank(graph, { getEdgeWeight: "weight", alpha: 0.85, maxIterations: 200, tolerance: 1e-9 });
  return { pagerank: new Map(people.map((id) => [id, ranks[id] ?? 0])) };
}
