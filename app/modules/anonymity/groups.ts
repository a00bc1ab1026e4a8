import { ORGANIZATION_SEGMENT, parseSegment } from "./segments";

/**
 * Groups: what a released response says about who gave it, instead of a person.
 *
 * Every released response carries one group key, and every published figure is a sum over whole
 * groups. A group is one of:
 *   - a segment (segments.ts): a team, the rest of a department, or the rest of the organization;
 *   - a department pool: answers from any segment of one department, released together when the
 *     wave closes because their own segment could not take them;
 *   - the organization pool: the same across the whole organization;
 *   - the open link: answers given through a shared link, from people nobody can place.
 * The people who could have given a group's responses (its producers) follow from the org chart
 * at launch alone: a segment's members, a department's members, everyone invited.
 */

export type GroupKind = "team" | "department" | "organization" | "department-pool" | "organization-pool" | "open-link";

export type Group = { key: string; kind: GroupKind; department: string | null; managerId: string | null };

export const OPEN_LINK_GROUP = "open-link";
export const ORGANIZATION_POOL = "pool:organization";
const DEPARTMENT_POOL = "pool:department:";

export function departmentPool(department: string | null): string {
  return `${DEPARTMENT_POOL}${department ?? ""}`;
}

export function parseGroup(key: string): Group {
  if (key === OPEN_LINK_GROUP) return { key, kind: "open-link", department: null, managerId: null };
  if (key === ORGANIZATION_POOL) return { key, kind: "organization-pool", department: null, managerId: null };
  if (key.startsWith(DEPARTMENT_POOL)) return { key, kind: "department-pool", department: key.slice(DEPARTMENT_POOL.length) || null, managerId: null };
  const segment = parseSegment(key);
  if (segment.kind === "team") return { key, kind: "team", department: segment.department, managerId: segment.managerId };
  if (segment.kind === "department") return { key, kind: "department", department: segment.department, managerId: null };
  return { key: ORGANIZATION_SEGMENT, kind: "organization", department: null, managerId: null };
}

/** The department a segment belongs to for pooling; the organization segment belongs to none. */
export function segmentDepartment(segment: string): string | null | undefined {
  const parsed = parseSegment(segment);
  return parsed.kind === "organization" ? undefined : parsed.department;
}

/**
 * Who could have given a group's responses, from each invited person's segment. The open link's
 * producers are unknown: null.
 */
export function producersOf(groupKey: string, segmentOf: ReadonlyMap<string, string>): string[] | null {
  const group = parseGroup(groupKey);
  const people = [...segmentOf.keys()];
  switch (group.kind) {
    case "open-link":
      return null;
    case "organization-pool":
      return people;
    case "department-pool":
      return people.filter((id) => segmentDepartment(segmentOf.get(id)!) === group.department);
    default:
      return people.filter((id) => segmentOf.get(id) === groupKey);
  }
}
