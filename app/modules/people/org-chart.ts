export type OrgChartInput = { id: string; name: string; title: string | null; department: string | null; managerId: string | null };

export type OrgTreeNode = OrgChartInput & { children: OrgTreeNode[]; totalReports: number; depth: number };

/**
 * The org chart as a forest. People whose manager is not among the input (inactive, or outside a
 * leader's subtree) become roots, so nobody disappears from the chart.
 */
export function buildOrgTree(people: OrgChartInput[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>();
  for (const person of people) nodes.set(person.id, { ...person, children: [], totalReports: 0, depth: 0 });
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const manager = node.managerId ? nodes.get(node.managerId) : undefined;
    if (manager) manager.children.push(node);
    else roots.push(node);
  }
  const byName = (a: OrgTreeNode, b: OrgTreeNode) => a.name.localeCompare(b.name);
  // Iterative post-order: org charts can be deeper than the call stack is comfortable with.
  const order: OrgTreeNode[] = [];
  const stack = [...roots];
  for (const root of roots) root.depth = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    node.children.sort(byName);
    for (const child of node.children) {
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    node.totalReports = node.children.reduce((sum, child) => sum + 1 + child.totalReports, 0);
  }
  // Largest organizations first: the top of the company before stray roots.
  return roots.sort((a, b) => b.totalReports - a.totalReports || byName(a, b));
}

/**
 * Ids of everyone on the way from the roots to the people matching a search, to open them. Takes
 * the chart's own index by id: a page without a search then costs nothing here.
 */
export function pathsToMatches(byId: ReadonlyMap<string, Pick<OrgChartInput, "managerId">>, matches: Set<string>): Set<string> {
  const open = new Set<string>();
  for (const id of matches) {
    let current = byId.get(id)?.managerId;
    const seen = new Set<string>();
    while (current && byId.has(current) && !seen.has(current)) {
      seen.add(current);
      open.add(current);
      current = byId.get(current)!.managerId;
    }
  }
  return open;
}

/** Direct and total reports of everyone, without building a sorted tree (for analytics). */
export function spansOfControl(people: { id: string; managerId: string | null }[]): Map<string, { direct: number; total: number }> {
  const ids = new Set(people.map((person) => person.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const person of people) {
    if (person.managerId && ids.has(person.managerId) && person.managerId !== person.id) {
      const list = children.get(person.managerId);
      if (list) list.push(person.id);
      else children.set(person.managerId, [person.id]);
    } else roots.push(person.id);
  }
  const order: string[] = [];
  const stack = [...roots];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (visited.has(id)) continue;
    visited.add(id);
    order.push(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  const spans = new Map<string, { direct: number; total: number }>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const kids = children.get(id) ?? [];
    spans.set(id, { direct: kids.length, total: kids.reduce((sum, child) => sum + 1 + (spans.get(child)?.total ?? 0), 0) });
  }
  return spans;
}

/**
 * A person as the org chart page shows them. `children` is null for a team not sent yet: a
 * closed team carries its counts but not its members, so a page costs what it shows, not the
 * size of the organization.
 */
export type OrgChartNode = { id: string; name: string; title: string | null; department: string | null; direct: number; totalReports: number; depth: number; children: OrgChartNode[] | null };

/**
 * Bounds on what one request may show: teams opened by a URL, matches highlighted, and people
 * "Expand all" shows before it stops opening teams (level by level, so the top of the company
 * comes first), so a 30,000-person chart cannot make a page of 30,000 rows.
 */
export const ORG_CHART_LIMITS = { openTeams: 200, highlightedMatches: 200, expandAllPeople: 2_000 } as const;

/**
 * The part of the chart a page shows: every root with its team open, the teams in `open`, and
 * with `expandAll` every team level by level until the budget of people is reached. `complete`
 * says whether expanding stopped short. Level by level with a queue: no recursion on deep chains.
 */
export function visibleOrgChart(roots: OrgTreeNode[], open: Set<string>, expandAll: boolean, budget: number = ORG_CHART_LIMITS.expandAllPeople): { chart: OrgChartNode[]; complete: boolean } {
  const shown = (node: OrgTreeNode): OrgChartNode => ({
    id: node.id,
    name: node.name,
    title: node.title,
    department: node.department,
    direct: node.children.length,
    totalReports: node.totalReports,
    depth: node.depth,
    children: node.children.length === 0 ? [] : null,
  });
  const chart = roots.map(shown);
  const queue: [OrgTreeNode, OrgChartNode][] = roots.map((root, i) => [root, chart[i]!]);
  let count = chart.length;
  let complete = true;
  for (let next = 0; next < queue.length; next++) {
    const [node, view] = queue[next]!;
    if (node.children.length === 0) continue;
    const asked = node.depth === 0 || open.has(node.id);
    if (!asked && !expandAll) continue;
    if (!asked && count + node.children.length > budget) {
      complete = false;
      continue;
    }
    view.children = node.children.map(shown);
    count += node.children.length;
    node.children.forEach((child, i) => queue.push([child, view.children![i]!]));
  }
  return { chart, complete };
}

/** One closed team's members, for a page opening it. */
export function teamOf(node: OrgTreeNode): OrgChartNode[] {
  return visibleOrgChart(node.children, new Set(), false).chart;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The teams a page without JavaScript has opened, from its `open` parameter: ids, at most the limit. */
export function openTeamsParam(value: string | null): string[] {
  return [...new Set((value ?? "").split(",").filter((id) => UUID.test(id)))].slice(0, ORG_CHART_LIMITS.openTeams);
}

/** The org chart page with a search and these teams open. */
export function chartHref(orgSlug: string, { search, open }: { search: string; open: string[] }): string {
  const params = new URLSearchParams();
  if (search) params.set("q", search);
  if (open.length > 0) params.set("open", open.slice(0, ORG_CHART_LIMITS.openTeams).join(","));
  const query = params.toString();
  return `/o/${orgSlug}/people/chart${query ? `?${query}` : ""}`;
}
