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

/** Ids of everyone on the way from the roots to the people matching a search, to open them. */
export function pathsToMatches(people: OrgChartInput[], matches: Set<string>): Set<string> {
  const byId = new Map(people.map((person) => [person.id, person]));
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
