import type { BlockFigures, PersonFigures, WaveAnalytics } from "./engine";

type Edge = WaveAnalytics["edges"][number];

/** One view's people, blocks and edges by key: what a person's page looks up, one row at a time. */
export type PersonIndex = { people: ReadonlyMap<string, PersonFigures>; blocks: ReadonlyMap<string, BlockFigures>; edgesTo: ReadonlyMap<string, readonly Edge[]> };

// Kept with the view object itself (views are kept per snapshot and scope), so a person page at
// 30,000 people reads its own rows instead of scanning everyone's on every request; a view that
// is dropped takes its index with it.
const indexes = new WeakMap<WaveAnalytics, PersonIndex>();

export function personIndex(analytics: WaveAnalytics): PersonIndex {
  const kept = indexes.get(analytics);
  if (kept) return kept;
  const edgesTo = new Map<string, Edge[]>();
  for (const edge of analytics.edges) {
    const list = edgesTo.get(edge.personId);
    if (list) list.push(edge);
    else edgesTo.set(edge.personId, [edge]);
  }
  const index: PersonIndex = {
    people: new Map(analytics.people.map((person) => [person.id, person])),
    blocks: new Map(analytics.blocks.map((block) => [block.key, block])),
    edgesTo,
  };
  indexes.set(analytics, index);
  return index;
}
