import { smallestSeparateGroup } from "./policy";

/**
 * The anonymity segments of a wave: the finest group a response can ever be attributed to.
 *
 * A person's segment is their team (same manager, same department) when that team has more than
 * k people in the audience; else the rest of their department when that has more than k; else
 * the rest of the organization. If the rest of the organization is still too small, the smallest
 * department and team segments are merged into it until it is not. "More than k": a segment's
 * own results need k answers and at least one person who did not answer (release.ts), so a
 * segment of exactly k could never show anything. Which segment someone has depends only on the
 * org chart at launch, never on answers.
 */

export type SegmentMember = { id: string; managerId: string | null; department: string | null };

export const ORGANIZATION_SEGMENT = "organization";

export function teamSegment(managerId: string | null, department: string | null): string {
  return `team:${managerId ?? "top"}:${department ?? ""}`;
}

export function departmentSegment(department: string | null): string {
  return `department:${department ?? ""}`;
}

export type ParsedSegment =
  | { kind: "team"; managerId: string | null; department: string | null }
  | { kind: "department"; department: string | null }
  | { kind: "organization" };

export function parseSegment(segment: string): ParsedSegment {
  if (segment.startsWith("team:")) {
    const [, manager, ...department] = segment.split(":");
    const dept = department.join(":");
    return { kind: "team", managerId: manager === "top" ? null : manager!, department: dept || null };
  }
  if (segment.startsWith("department:")) {
    const dept = segment.slice("department:".length);
    return { kind: "department", department: dept || null };
  }
  return { kind: "organization" };
}

export function assignSegments(members: SegmentMember[], k: number): Map<string, string> {
  const minimum = smallestSeparateGroup(k);
  const groups = new Map<string, SegmentMember[]>();
  const add = (key: string, member: SegmentMember) => {
    const list = groups.get(key);
    if (list) list.push(member);
    else groups.set(key, [member]);
  };
  const teams = new Map<string, SegmentMember[]>();
  for (const member of members) {
    const key = teamSegment(member.managerId, member.department);
    const list = teams.get(key);
    if (list) list.push(member);
    else teams.set(key, [member]);
  }
  const leftOver = new Map<string, SegmentMember[]>();
  for (const [key, team] of teams) {
    if (team.length >= minimum) {
      for (const member of team) add(key, member);
    } else {
      for (const member of team) {
        const departmentKey = departmentSegment(member.department);
        const list = leftOver.get(departmentKey);
        if (list) list.push(member);
        else leftOver.set(departmentKey, [member]);
      }
    }
  }
  for (const [key, rest] of leftOver) {
    for (const member of rest) add(rest.length >= minimum ? key : ORGANIZATION_SEGMENT, member);
  }
  const pool = groups.get(ORGANIZATION_SEGMENT);
  if (pool && pool.length < minimum) {
    // Smallest first keeps as much detail as possible elsewhere; departments before teams.
    const candidates = [...groups.entries()]
      .filter(([key]) => key !== ORGANIZATION_SEGMENT)
      .sort(([a, x], [b, y]) => Number(a.startsWith("team:")) - Number(b.startsWith("team:")) || x.length - y.length || a.localeCompare(b));
    for (const [key, group] of candidates) {
      if (pool.length >= minimum) break;
      pool.push(...group);
      groups.delete(key);
    }
  }
  const segmentOf = new Map<string, string>();
  for (const [key, group] of groups) for (const member of group) segmentOf.set(member.id, key);
  return segmentOf;
}
