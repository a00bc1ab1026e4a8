import { LRUCache } from "lru-cache";
import type { Db } from "~/db.server";
import { buildOrgTree, ORG_CHART_LIMITS, pathsToMatches, teamOf, visibleOrgChart, type OrgChartNode, type OrgTreeNode } from "./org-chart";
import { loadOrgChart, type OrgChartPerson } from "./people.server";
import { rosterVersion } from "./roster-version.server";

/**
 * The org chart, built once per roster version and kept in this process: at 30,000 people the
 * page then costs a look at the roster's version (one row) and the part of the tree it shows, not
 * a read and sort of everyone on every request.
 */
type Built = { version: string; people: OrgChartPerson[]; roots: OrgTreeNode[]; byId: Map<string, OrgTreeNode> };

// Bounded by the people held, not by organizations: one of 30,000 weighs as much as many small ones.
const built = new LRUCache<string, Built>({ maxSize: 250_000, sizeCalculation: (tree) => Math.max(1, tree.people.length) });

async function orgTree(db: Db, orgId: string): Promise<Built> {
  const version = await rosterVersion(db, orgId);
  const cached = built.get(orgId);
  if (cached?.version === version) return cached;
  const people = await loadOrgChart(db, orgId);
  const roots = buildOrgTree(people);
  const byId = new Map<string, OrgTreeNode>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    byId.set(node.id, node);
    stack.push(...node.children);
  }
  const entry = { version, people, roots, byId };
  built.set(orgId, entry);
  return entry;
}

export type OrgChartPage = { chart: OrgChartNode[]; complete: boolean; people: number; matches: string[]; moreMatches: number; open: string[] };

/** The chart as a page shows it: roots' teams open, plus the teams asked for, the way to every match of a search, or as much as "Expand all" may show. */
export async function orgChartPage(db: Db, orgId: string, request: { search: string; open: string[]; expandAll: boolean }): Promise<OrgChartPage> {
  const tree = await orgTree(db, orgId);
  const needle = request.search.toLowerCase();
  const allMatches = needle ? tree.people.filter((person) => person.name.toLowerCase().includes(needle)).map((person) => person.id) : [];
  const matches = allMatches.slice(0, ORG_CHART_LIMITS.highlightedMatches);
  const open = request.open.filter((id) => tree.byId.has(id)).slice(0, ORG_CHART_LIMITS.openTeams);
  const opened = new Set([...open, ...pathsToMatches(tree.byId, new Set(matches))]);
  return { ...visibleOrgChart(tree.roots, opened, request.expandAll), people: tree.people.length, matches, moreMatches: allMatches.length - matches.length, open };
}

/** One team's members, for a page opening it; null when the person is not in this organization's chart. */
export async function orgChartTeam(db: Db, orgId: string, personId: string): Promise<OrgChartNode[] | null> {
  const node = (await orgTree(db, orgId)).byId.get(personId);
  return node ? teamOf(node) : null;
}
