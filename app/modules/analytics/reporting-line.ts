/**
 * Whether the people who could have given a group's responses sit in a person's reporting line
 * (below them in the org chart), answered from the org chart alone.
 *
 * Responses carry a group, not a person, so "did a follower report to the nominee?" has an answer
 * only when the org chart settles it for everyone in the group: a team choosing its own manager
 * (all below), a team elsewhere in the organization (none below). A group that straddles the
 * line leaves it unknown; figures built on it say how much is unknown instead of guessing.
 */

export type LineSide = "below" | "outside" | "unknown";

export class ReportingLines {
  private readonly enter = new Map<string, number>();
  private readonly exit = new Map<string, number>();

  constructor(people: readonly { id: string; managerId: string | null }[]) {
    const ids = new Set(people.map((person) => person.id));
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    for (const person of people) {
      if (person.managerId && ids.has(person.managerId) && person.managerId !== person.id) children.set(person.managerId, [...(children.get(person.managerId) ?? []), person.id]);
      else roots.push(person.id);
    }
    // Iterative depth-first numbering: a person's line is the interval of numbers below theirs.
    let clock = 0;
    const stack: { id: string; leaving: boolean }[] = roots.map((id) => ({ id, leaving: false }));
    while (stack.length > 0) {
      const { id, leaving } = stack.pop()!;
      if (leaving) {
        this.exit.set(id, clock);
        continue;
      }
      if (this.enter.has(id)) continue;
      this.enter.set(id, ++clock);
      stack.push({ id, leaving: true });
      for (const child of children.get(id) ?? []) stack.push({ id: child, leaving: false });
    }
  }

  /** Is `person` below `leader` in the org chart (not the leader themselves)? */
  isBelow(person: string, leader: string): boolean {
    const at = this.enter.get(person);
    const start = this.enter.get(leader);
    const end = this.exit.get(leader);
    return at !== undefined && start !== undefined && end !== undefined && at > start && at <= end;
  }

  /** Which side of `nominee`'s line a group's possible respondents sit on (the nominee excluded). */
  side(producers: readonly string[], nominee: string): LineSide {
    let below = 0;
    let others = 0;
    for (const person of producers) {
      if (person === nominee) continue;
      if (this.isBelow(person, nominee)) below++;
      else others++;
      if (below > 0 && others > 0) return "unknown";
    }
    return below > 0 ? "below" : "outside";
  }
}
