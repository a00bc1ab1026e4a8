import type { PersonFigures, WaveAnalytics } from "~/modules/analytics/engine";
import { groupLinks, type NetworkLayout } from "~/modules/analytics/network-layout";
import { isPseudonym } from "~/modules/analytics/naming";
import { quadrantOf } from "~/modules/analytics/quadrant";

/**
 * What the network page sends, from analytics already scoped and named (requireDashboard): first
 * the groups and departments, with the stored layout, and the people of one department or group
 * only when the page asks for them. The first load is bounded by the number of groups, not people.
 *
 * Groups are sent as `g<index>` into the viewer's blocks, never by their key: a team's key holds its
 * manager's person id, which the naming rules may keep anonymous.
 */

export const NO_DEPARTMENT = "No department";
/** A group pooled across departments (the organization's, the open link). */
export const SEVERAL_DEPARTMENTS = "Several departments";
/** The strongest links out of each group, and a ceiling overall, keep the first load bounded. */
const LINKS_PER_GROUP = 3;
const MAX_LINKS = 4_000;
const TOP_PEOPLE = 20;
/**
 * The most people one answer draws: about where drawing stays under 200 ms a frame in headless
 * Chromium on a busy 2-core machine (npm run bench network). A larger department shows its most
 * followed and says so; its groups show the rest.
 */
export const PEOPLE_LIMIT = 2_000;
/** The layout is scaled to this square for every view, so people's spacing means the same everywhere. */
export const EXTENT = 1000;

type Analytics = Pick<WaveAnalytics, "blocks" | "people" | "edges" | "membership" | "quadrantRule" | "nominationQuestions"> & { layout?: NetworkLayout };

export type NetworkGroup = { id: string; label: string; department: string; responses: number; members: number; x: number; y: number };
export type NetworkDepartment = { name: string; people: number; groups: number; responses: number; x: number; y: number };
export type NetworkPerson = {
  id: string;
  label: string;
  named: boolean;
  title: string | null;
  department: string;
  quadrant: string;
  followers: number;
  /** 1 = most followed; null when nobody chose them. Ties share a rank. */
  followersRank: number | null;
  byQuestion: Record<string, number>;
  manager: string | null;
  directReports: number;
  totalReports: number;
  home: string | null;
  x: number;
  y: number;
};

const departmentOf = (value: string | null) => value ?? NO_DEPARTMENT;

/** Block positions scaled into the EXTENT square; blocks the layout does not know (an old snapshot) go on a circle. */
export function groupPositions(analytics: Pick<Analytics, "blocks" | "layout">): [number, number][] {
  const raw = analytics.blocks.map((block, i): [number, number] => {
    const stored = analytics.layout?.groups[block.key];
    if (stored) return stored;
    const angle = (2 * Math.PI * i) / Math.max(1, analytics.blocks.length);
    return [Math.cos(angle) * 100, Math.sin(angle) * 100];
  });
  if (raw.length === 0) return [];
  const xs = raw.map(([x]) => x);
  const ys = raw.map(([, y]) => y);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const span = Math.max(1e-9, Math.max(...xs) - minX, Math.max(...ys) - minY);
  // A margin of a tenth leaves room for the people around the outermost groups.
  const scale = (EXTENT * 0.8) / span;
  const [offsetX, offsetY] = [(EXTENT - (Math.max(...xs) - minX) * scale) / 2, (EXTENT - (Math.max(...ys) - minY) * scale) / 2];
  return raw.map(([x, y]) => [round(offsetX + (x - minX) * scale), round(offsetY + (y - minY) * scale)]);
}

/** The first load: departments, groups and the strongest links between groups. */
export function networkOverview(analytics: Analytics) {
  const positions = groupPositions(analytics);
  const index = new Map(analytics.blocks.map((block, i) => [block.key, i]));
  const members = new Map<string, number>();
  for (const entry of analytics.membership) members.set(entry.block, (members.get(entry.block) ?? 0) + 1);
  const groups: NetworkGroup[] = analytics.blocks.map((block, i) => ({
    id: `g${i}`,
    label: block.label,
    department: block.department ?? SEVERAL_DEPARTMENTS,
    responses: block.responses,
    members: members.get(block.key) ?? 0,
    x: positions[i]![0],
    y: positions[i]![1],
  }));
  const links = strongestLinks(analytics, index);
  return {
    groups,
    links: links.kept,
    linksTotal: links.total,
    departments: departmentSummaries(analytics, groups),
    questions: analytics.nominationQuestions.map((question) => ({ id: question.id, prompt: question.prompt, primary: question.primary })),
    people: analytics.people.length,
    mostFollowed: personRows(analytics, rankedPeople(analytics).filter((person) => person.primaryFollowers > 0).slice(0, TOP_PEOPLE), positions, index),
  };
}

type Derive = <T>(key: string, make: () => T, bytes?: (value: T) => number) => T;

/** The overview, made once per view of a snapshot and kept with it (`derive` is the view's). */
export function keptNetworkOverview(analytics: Analytics, derive: Derive) {
  return derive("network", () => networkOverview(analytics), (view) => 200 * (view.groups.length + view.links.length + view.mostFollowed.length));
}

/**
 * A department's people, kept with the view when the page offers that department. A group's (one
 * of thousands, each small) or a made-up name is made each time: kept, they would push the views
 * themselves out of the snapshot's few dozen kept values.
 */
export function keptNetworkPeople(analytics: Analytics, derive: Derive, query: PeopleQuery) {
  if (query.include || !("department" in query)) return networkPeople(analytics, query);
  const offered = keptNetworkOverview(analytics, derive).departments.some((department) => department.name === query.department);
  return offered ? derive(`network-people:${query.department}`, () => networkPeople(analytics, query), (found) => 300 * (found?.people.length ?? 0)) : networkPeople(analytics, query);
}

/** [from group index, to group index, weight]: compact, since there can be thousands. */
function strongestLinks(analytics: Analytics, index: ReadonlyMap<string, number>): { kept: [number, number, number][]; total: number } {
  const bySource = new Map<string, { to: string; weight: number }[]>();
  const all = [...groupLinks(analytics).values()];
  for (const link of all) {
    const out = bySource.get(link.from);
    if (out) out.push(link);
    else bySource.set(link.from, [link]);
  }
  const kept = [...bySource].flatMap(([from, out]) =>
    out
      .sort((a, b) => b.weight - a.weight || a.to.localeCompare(b.to))
      .slice(0, LINKS_PER_GROUP)
      .map((link): [number, number, number] => [index.get(from)!, index.get(link.to)!, link.weight]),
  );
  kept.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  return { kept: kept.slice(0, MAX_LINKS), total: all.length };
}

function departmentSummaries(analytics: Analytics, groups: NetworkGroup[]): NetworkDepartment[] {
  const people = new Map<string, number>();
  for (const person of analytics.people) people.set(departmentOf(person.department), (people.get(departmentOf(person.department)) ?? 0) + 1);
  return [...people]
    .map(([name, count]) => {
      const own = groups.filter((group) => group.department === name);
      const weight = own.reduce((sum, group) => sum + group.responses, 0);
      return {
        name,
        people: count,
        groups: own.length,
        responses: weight,
        // Where the label goes: the middle of its groups, weighted by answers.
        x: own.length ? round(own.reduce((sum, group) => sum + group.x * group.responses, 0) / Math.max(1, weight)) : EXTENT / 2,
        y: own.length ? round(own.reduce((sum, group) => sum + group.y * group.responses, 0) / Math.max(1, weight)) : EXTENT / 2,
      };
    })
    .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
}

/** Everyone in view, most followed first; ties broken by name so the order never wobbles. */
function rankedPeople(analytics: Pick<Analytics, "people">): PersonFigures[] {
  return [...analytics.people].sort((a, b) => b.primaryFollowers - a.primaryFollowers || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Competition ranks (1, 2, 2, 4) by followers; nobody ranks without a follower. */
export function followerRanks(people: readonly Pick<PersonFigures, "id" | "primaryFollowers">[]): Map<string, number> {
  const sorted = [...people].filter((person) => person.primaryFollowers > 0).sort((a, b) => b.primaryFollowers - a.primaryFollowers);
  const ranks = new Map<string, number>();
  sorted.forEach((person, i) => ranks.set(person.id, i > 0 && sorted[i - 1]!.primaryFollowers === person.primaryFollowers ? ranks.get(sorted[i - 1]!.id)! : i + 1));
  return ranks;
}

/** `include`: a person found by name, drawn even when they are not among the most followed. */
export type PeopleQuery = ({ department: string } | { group: string }) & { include?: string };

/**
 * The people of one department or group, each placed around their own group, with the
 * nominations they received from every group in view. People of a group are its members and the
 * people its answers chose.
 */
export function networkPeople(analytics: Analytics, query: PeopleQuery) {
  const positions = groupPositions(analytics);
  const index = new Map(analytics.blocks.map((block, i) => [block.key, i]));
  let chosen: PersonFigures[];
  if ("department" in query) chosen = analytics.people.filter((person) => departmentOf(person.department) === query.department);
  else {
    const block = analytics.blocks[Number(query.group.slice(1))];
    if (!/^g\d+$/.test(query.group) || !block) return null;
    const ids = new Set([...analytics.membership.filter((entry) => entry.block === block.key).map((entry) => entry.personId), ...analytics.edges.filter((edge) => edge.block === block.key).map((edge) => edge.personId)]);
    chosen = analytics.people.filter((person) => ids.has(person.id));
  }
  const total = chosen.length;
  chosen.sort((a, b) => b.primaryFollowers - a.primaryFollowers || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const included = chosen.findIndex((person) => person.id === query.include);
  chosen = included >= PEOPLE_LIMIT ? [...chosen.slice(0, PEOPLE_LIMIT - 1), chosen[included]!] : chosen.slice(0, PEOPLE_LIMIT);
  const ids = new Set(chosen.map((person) => person.id));
  return {
    total,
    people: personRows(analytics, chosen, positions, index),
    // [from group index, person id, weight]
    edges: analytics.edges.filter((edge) => ids.has(edge.personId) && index.has(edge.block)).map((edge): [number, string, number] => [index.get(edge.block)!, edge.personId, edge.weight]),
  };
}

/** Named people whose name contains the text, for "Find": pseudonyms have no name to find. */
export function findPeople(analytics: Pick<Analytics, "people">, text: string, limit = 10) {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  return rankedPeople(analytics)
    .filter((person) => !isPseudonym(person.id) && person.name.toLowerCase().includes(needle))
    .slice(0, limit)
    .map((person) => ({ id: person.id, label: person.name, department: departmentOf(person.department) }));
}

function personRows(analytics: Analytics, people: PersonFigures[], positions: [number, number][], index: ReadonlyMap<string, number>): NetworkPerson[] {
  const ranks = followerRanks(analytics.people);
  const byId = new Map(analytics.people.map((person) => [person.id, person]));
  const places = placePeople(analytics, positions, index);
  return people.map((person) => {
    const manager = person.managerId ? byId.get(person.managerId) : undefined;
    const place = places.get(person.id) ?? { x: EXTENT / 2, y: EXTENT / 2, home: null };
    return {
      id: person.id,
      label: person.name,
      named: !isPseudonym(person.id),
      title: person.title,
      department: departmentOf(person.department),
      quadrant: quadrantOf(person, analytics.quadrantRule),
      followers: person.primaryFollowers,
      followersRank: ranks.get(person.id) ?? null,
      byQuestion: person.followers,
      // Only a manager the viewer may see by name: an id from outside their view would say too much.
      manager: manager && !isPseudonym(manager.id) ? manager.name : null,
      directReports: person.directReports,
      totalReports: person.totalReports,
      home: place.home,
      x: place.x,
      y: place.y,
    };
  });
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Everyone in view around their own group, most followed nearest its middle, on a sunflower
 * spiral (even spacing without a layout run); people without a group of their own sit at the
 * middle of the groups that chose them. Computed over the whole view, so a person is in the same
 * place whichever department or group the page asked for.
 */
export function placePeople(analytics: Pick<Analytics, "people" | "membership" | "edges" | "blocks">, positions: [number, number][], index: ReadonlyMap<string, number>) {
  const step = 0.35 * Math.sqrt((EXTENT * EXTENT) / Math.max(1, analytics.people.length));
  const inView = new Set(analytics.people.map((person) => person.id));
  const followers = new Map(analytics.people.map((person) => [person.id, person.primaryFollowers]));
  const byGroup = new Map<number, string[]>();
  const home = new Map<string, number>();
  for (const entry of analytics.membership) {
    const group = index.get(entry.block);
    if (group === undefined || !inView.has(entry.personId) || home.has(entry.personId)) continue;
    home.set(entry.personId, group);
    byGroup.set(group, [...(byGroup.get(group) ?? []), entry.personId]);
  }
  const places = new Map<string, { x: number; y: number; home: string | null }>();
  for (const [group, ids] of byGroup) {
    ids.sort((a, b) => followers.get(b)! - followers.get(a)! || a.localeCompare(b));
    const [cx, cy] = positions[group]!;
    // The group's own node takes the middle: people start one step out.
    ids.forEach((id, i) => places.set(id, { x: round(cx + step * Math.sqrt(i + 1) * Math.cos((i + 1) * GOLDEN_ANGLE)), y: round(cy + step * Math.sqrt(i + 1) * Math.sin((i + 1) * GOLDEN_ANGLE)), home: `g${group}` }));
  }
  const pull = new Map<string, { x: number; y: number; weight: number }>();
  for (const edge of analytics.edges) {
    const group = index.get(edge.block);
    if (group === undefined || home.has(edge.personId) || !inView.has(edge.personId)) continue;
    const sum = pull.get(edge.personId) ?? { x: 0, y: 0, weight: 0 };
    pull.set(edge.personId, sum);
    sum.x += positions[group]![0] * edge.weight;
    sum.y += positions[group]![1] * edge.weight;
    sum.weight += edge.weight;
  }
  for (const [id, sum] of pull) places.set(id, { x: round(sum.x / sum.weight + step * jitter(id)), y: round(sum.y / sum.weight + step * jitter(`${id}:y`)), home: null });
  return places;
}

/** A fixed offset in [-1, 1) from an id, so that people with the same pull do not sit on one spot. */
function jitter(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return (hash / 2 ** 31) - 1;
}

const round = (value: number) => Math.round(value * 10) / 10;
