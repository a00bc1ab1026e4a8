import { departmentPool, ORGANIZATION_POOL, parseGroup, producersOf, segmentDepartment, type Group } from "./groups";

/**
 * Could each person have stayed silent, as far as the stored responses tell?
 *
 * An attacker with the database knows, for each released response, who could have given it: the
 * people of its group, except anyone it chose (nobody chooses themselves). Sealed responses could
 * be anyone's. Someone answered for certain when no assignment of the stored responses to
 * distinct people leaves them out: a group all of whose people answered, or a free seat that every
 * response chose (all nine answers name the one person who did not answer).
 *
 * The check finds one assignment (a matching), then asks, for every response, whether it can move
 * to a free person, directly or by moving another response along (an alternating path): exactly
 * when its current holder could have stayed silent. Only what the database holds is used — groups,
 * choices, counts — never who gave which released response, which nobody knows.
 */

export type StoredResponse = {
  /** The group it was released under, or null while it waits sealed in the pool. */
  group: string | null;
  nominees: ReadonlySet<string>;
};

export class Audience {
  readonly people: string[];
  private readonly segmentOf: ReadonlyMap<string, string>;
  private readonly members = new Map<string, string[]>();
  // Parsed once: the release plan asks these for every stored response, once per batch it weighs.
  private readonly parsedGroups = new Map<string, Group>();
  private readonly departments = new Map<string, string | null | undefined>();
  private readonly groupsByPerson = new Map<string, (string | null)[]>();

  constructor(segmentOf: ReadonlyMap<string, string>) {
    this.segmentOf = segmentOf;
    this.people = [...segmentOf.keys()].sort();
  }

  /** Who could have given a response of this group (everyone for a sealed one). */
  membersOf(group: string | null): string[] {
    if (group === null) return this.people;
    if (this.members.size === 0) this.indexMembers();
    let list = this.members.get(group);
    if (!list) {
      // The open link's and any group nobody belongs to.
      list = producersOf(group, this.segmentOf) ?? [];
      this.members.set(group, list);
    }
    return list;
  }

  /** Every segment's and department pool's people in one pass, rather than a pass over everyone per group. */
  private indexMembers() {
    for (const person of this.people) {
      for (const group of this.groupsOf(person)) {
        if (group === null) continue;
        const list = this.members.get(group);
        if (list) list.push(person);
        else this.members.set(group, [person]);
      }
    }
  }

  contains(group: string | null, person: string): boolean {
    if (group === null) return this.segmentOf.has(person);
    const segment = this.segmentOf.get(person);
    if (segment === undefined) return false;
    const parsed = this.parsed(group);
    if (parsed.kind === "organization-pool") return true;
    if (parsed.kind === "department-pool") return this.departmentOf(segment) === parsed.department;
    return segment === group;
  }

  /** The groups a person belongs to; null stands for sealed responses, open to everyone. */
  groupsOf(person: string): (string | null)[] {
    let groups = this.groupsByPerson.get(person);
    if (!groups) {
      const segment = this.segmentOf.get(person)!;
      const department = this.departmentOf(segment);
      groups = [segment, ...(department === undefined ? [] : [departmentPool(department)]), ORGANIZATION_POOL, null];
      this.groupsByPerson.set(person, groups);
    }
    return groups;
  }

  private parsed(group: string): Group {
    let parsed = this.parsedGroups.get(group);
    if (!parsed) this.parsedGroups.set(group, (parsed = parseGroup(group)));
    return parsed;
  }

  private departmentOf(segment: string): string | null | undefined {
    if (!this.departments.has(segment)) this.departments.set(segment, segmentDepartment(segment));
    return this.departments.get(segment);
  }
}

/**
 * People who certainly answered, judging by `responses`; empty when everyone could be silent.
 * (When everyone answered, everyone is: the count alone says so.)
 */
export function certainRespondents(audience: Audience, responses: readonly StoredResponse[]): string[] {
  if (responses.length >= audience.people.length) return [...audience.people];
  const holder = new Map<string, number>();
  const seat: (string | undefined)[] = responses.map(() => undefined);
  const eligible = (index: number, person: string) => !responses[index]!.nominees.has(person) && audience.contains(responses[index]!.group, person);

  // Kuhn's algorithm over implicit edges; most responses find a free seat on the first look.
  const augment = (index: number, visited: Set<string>): boolean => {
    for (const person of audience.membersOf(responses[index]!.group)) {
      if (visited.has(person) || !eligible(index, person)) continue;
      visited.add(person);
      const other = holder.get(person);
      if (other === undefined || augment(other, visited)) {
        holder.set(person, index);
        seat[index] = person;
        return true;
      }
    }
    return false;
  };
  // Smallest groups first; a cursor per group skips the people already seated.
  const order = responses.map((_, index) => index).sort((a, b) => audience.membersOf(responses[a]!.group).length - audience.membersOf(responses[b]!.group).length);
  const cursor = new Map<string | null, number>();
  const firstFree = (index: number) => {
    const group = responses[index]!.group;
    const members = audience.membersOf(group);
    let start = cursor.get(group) ?? 0;
    while (start < members.length && holder.has(members[start]!)) start++;
    cursor.set(group, start);
    for (let i = start; i < members.length; i++) if (!holder.has(members[i]!) && eligible(index, members[i]!)) return members[i];
    return undefined;
  };
  for (const index of order) {
    const free = firstFree(index);
    if (free !== undefined) {
      holder.set(free, index);
      seat[index] = free;
    } else if (!augment(index, new Set())) {
      // No assignment at all: cannot happen for real data (the truth is one); refuse to judge.
      throw new Error("Stored responses admit no assignment to distinct people.");
    }
  }

  // Free people, and holders whose response can move on, could all have stayed silent.
  const silent = new Set(audience.people.filter((person) => !holder.has(person)));
  const silentIn = new Map<string | null, number>();
  const countIn = (group: string | null) => {
    if (!silentIn.has(group)) silentIn.set(group, audience.membersOf(group).filter((person) => silent.has(person)).length);
    return silentIn.get(group)!;
  };
  const canMove = (index: number) => {
    const { group, nominees } = responses[index]!;
    let blocked = 0;
    for (const person of nominees) if (silent.has(person) && audience.contains(group, person)) blocked++;
    return countIn(group) - blocked > 0;
  };
  const stuck = new Set(responses.map((_, index) => index));
  for (let changed = true; changed; ) {
    changed = false;
    for (const index of stuck) {
      if (!canMove(index)) continue;
      stuck.delete(index);
      changed = true;
      const person = seat[index]!;
      silent.add(person);
      for (const group of audience.groupsOf(person)) if (silentIn.has(group)) silentIn.set(group, silentIn.get(group)! + 1);
    }
  }
  return [...stuck].map((index) => seat[index]!);
}
