import { UndirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { seededRandom } from "./random";

/**
 * Where each group (block) sits on the network page, computed once per snapshot by the snapshot
 * job and stored with it, so no browser ever runs a layout.
 *
 * The layout is of groups, not people: a node per block, linked by the nominations one block's
 * answers gave to members of another, plus a light tie to an invisible anchor per department so a
 * department's groups sit together. People are placed around their own group when a page asks for
 * them (network-view.ts). A graph of groups is about a tenth of the people, so ForceAtlas2 gets
 * enough iterations to settle even at 30,000 people, in a bounded time.
 *
 * Deterministic: seeded start positions and a fixed number of iterations for a given size (a time
 * budget would make the picture depend on the machine).
 */

export type NetworkLayout = { groups: Record<string, [number, number]> };

export type LayoutInput = {
  waveId: string;
  blocks: { key: string; department: string | null; responses: number }[];
  membership: { personId: string; block: string }[];
  edges: { block: string; personId: string; weight: number }[];
};

const DEPARTMENT_ANCHOR = "department-anchor:";

/** Fewer iterations as the graph grows (about 150,000 node-iterations), so the time stays bounded. */
export function layoutIterations(order: number): number {
  return Math.max(50, Math.min(300, Math.round(150_000 / Math.max(1, order))));
}

/** Only a group's strongest links shape the layout: the weak tail adds time, not shape. */
const LINKS_PER_GROUP = 6;

/** Block → block weights: nominations from one block's answers to the members of another. */
export function groupLinks(input: Pick<LayoutInput, "membership" | "edges">): Map<string, { from: string; to: string; weight: number }> {
  const home = new Map(input.membership.map((entry) => [entry.personId, entry.block]));
  const links = new Map<string, { from: string; to: string; weight: number }>();
  for (const edge of input.edges) {
    const to = home.get(edge.personId);
    if (!to || to === edge.block) continue;
    const key = `${edge.block}>${to}`;
    const link = links.get(key) ?? { from: edge.block, to, weight: 0 };
    links.set(key, link);
    link.weight += edge.weight;
  }
  return links;
}

export function computeNetworkLayout(input: LayoutInput): NetworkLayout {
  if (input.blocks.length === 0) return { groups: {} };
  const random = seededRandom(seedOf(input.waveId));
  const graph = new UndirectedGraph();
  // Start each department's groups near its own point on a circle: far fewer iterations to settle.
  const departments = [...new Set(input.blocks.map((block) => block.department ?? ""))].sort();
  const anchor = new Map(departments.map((department, i) => [department, [100 * Math.cos((2 * Math.PI * i) / departments.length), 100 * Math.sin((2 * Math.PI * i) / departments.length)] as const]));
  for (const department of departments) graph.addNode(DEPARTMENT_ANCHOR + department, { x: anchor.get(department)![0], y: anchor.get(department)![1], size: 1 });
  for (const block of input.blocks) {
    const [x, y] = anchor.get(block.department ?? "")!;
    graph.addNode(block.key, { x: x + (random() - 0.5) * 60, y: y + (random() - 0.5) * 60, size: 1 + Math.sqrt(block.responses) });
    graph.addEdge(block.key, DEPARTMENT_ANCHOR + (block.department ?? ""), { weight: 2 });
  }
  const strongest = new Map<string, { from: string; to: string; weight: number }[]>();
  for (const link of groupLinks(input).values()) strongest.set(link.from, [...(strongest.get(link.from) ?? []), link]);
  const links = [...strongest.values()].flatMap((out) => out.sort((a, b) => b.weight - a.weight || a.to.localeCompare(b.to)).slice(0, LINKS_PER_GROUP));
  for (const link of links) {
    if (!graph.hasNode(link.from) || !graph.hasNode(link.to)) continue;
    const existing = graph.edge(link.from, link.to);
    if (existing) graph.updateEdgeAttribute(existing, "weight", (weight: number) => weight + link.weight);
    else graph.addEdge(link.from, link.to, { weight: link.weight });
  }
  forceAtlas2.assign(graph, {
    iterations: layoutIterations(graph.order),
    getEdgeWeight: "weight",
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 400, edgeWeightInfluence: 0.5, gravity: 1, scalingRatio: 10, adjustSizes: false },
  });
  const groups: NetworkLayout["groups"] = {};
  for (const block of input.blocks) {
    const { x, y } = graph.getNodeAttributes(block.key) as { x: number; y: number };
    groups[block.key] = [round(x), round(y)];
  }
  return { groups };
}

const round = (value: number) => Math.round(value * 10) / 10;

function seedOf(text: string): number {
  let seed = 2166136261;
  for (const char of text) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619) >>> 0;
  return seed;
}
