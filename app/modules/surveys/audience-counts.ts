/** Head-counts behind the audience picker. Pure: the caller loads the roster. */

export type RosterEntry = { id: string; department: string | null; managerId: string | null; active: boolean };

export type HeadCounts = { byDepartment: Map<string, number>; byManager: Map<string, number> };

/**
 * Active people per department, and per manager the active people a "their team" audience takes
 * in: the manager and everyone below, counted through inactive people in between as the launch
 * does (surveys.server.ts resolveAudience).
 */
export function headCounts(people: RosterEntry[]): HeadCounts {
  const byDepartment = new Map<string, number>();
  for (const person of people) {
    if (person.active && person.department) byDepartment.set(person.department, (byDepartment.get(person.department) ?? 0) + 1);
  }
  const ids = new Set(people.map((person) => person.id));
  const children = new Map<string, RosterEntry[]>();
  const roots: RosterEntry[] = [];
  for (const person of people) {
    if (!person.managerId || person.managerId === person.id || !ids.has(person.managerId)) roots.push(person);
    else if (children.has(person.managerId)) children.get(person.managerId)!.push(person);
    else children.set(person.managerId, [person]);
  }
  // Iterative post-order (org charts can be deep); a loop in bad data is visited once.
  const order: RosterEntry[] = [];
  const visited = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const person = stack.pop()!;
    if (visited.has(person.id)) continue;
    visited.add(person.id);
    order.push(person);
    stack.push(...(children.get(person.id) ?? []));
  }
  const byManager = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const person = order[i]!;
    const below = (children.get(person.id) ?? []).reduce((sum, child) => sum + (byManager.get(child.id) ?? 0), 0);
    byManager.set(person.id, below + (person.active ? 1 : 0));
  }
  return { byDepartment, byManager };
}
