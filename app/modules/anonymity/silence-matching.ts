import { type Audience, certainRespondents, type StoredResponse } from "./silence";

/**
 * The silence rule (silence.ts) asked batch after batch, as the release plan weighs them, in time
 * that follows the batch rather than everything stored.
 *
 * Why it is the same judgement. Someone certainly answered exactly when some set of stored
 * responses could only have been given by as many people as it holds (a tight set: every
 * assignment seats all of those people). Adding a batch to a group cannot make a set without the
 * batch's responses tight: who could have given those is unchanged, or wider (what a group's
 * responses all chose can only shrink as it grows), and a set with a sealed response could be
 * anyone's, tight only when everyone answered. So once the batch is seated, one question is left:
 * could one more response like the batch's still be seated? If not, the batch is in a tight set.
 * `certainRespondents` answers for the state the plan starts from, and the property test in
 * silence-matching.test.ts holds the two to the same answers.
 */
export class SilenceMatching {
  private readonly responses: StoredResponse[] = [];
  private readonly seat: (string | undefined)[] = [];
  private readonly holder = new Map<string, number>();
  /** Unseated people of each group a response can have (null: sealed, anyone). */
  private readonly free = new Map<string | null, Set<string>>();
  private readonly byGroup = new Map<string | null, number[]>();
  private readonly sealed: number[] = [];
  private seated = 0;
  private undo: (() => void)[] = [];
  private readonly someoneCertain: boolean;

  constructor(
    private readonly audience: Audience,
    stored: readonly StoredResponse[],
  ) {
    this.someoneCertain = certainRespondents(audience, stored).length > 0;
    // Then nothing more may be released, whatever the batch: no seating is needed.
    if (this.someoneCertain) return;
    for (const person of audience.people) for (const group of audience.groupsOf(person)) this.freeIn(group).add(person);
    // Smallest groups first: most then find a free seat at once.
    const order = [...stored].sort((a, b) => audience.membersOf(a.group).length - audience.membersOf(b.group).length);
    for (const response of order) if (!this.add(response)) throw new Error("Stored responses admit no assignment to distinct people.");
    this.undo = [];
  }

  /**
   * Would `count` more responses of `group`, the group's responses then all choosing `nominees`,
   * in place of as many sealed ones (`replacingSealed`), leave everyone able to have stayed
   * silent? Leaves everything as it was.
   */
  allows(group: string, nominees: ReadonlySet<string>, count: number, replacingSealed: number): boolean {
    if (this.someoneCertain) return false;
    const mark = this.undo.length;
    try {
      if (this.seated - Math.min(replacingSealed, this.sealed.length) + count >= this.audience.people.length) return false;
      this.apply(group, nominees, count, replacingSealed);
      return this.add({ group, nominees });
    } finally {
      this.rollBack(mark);
    }
  }

  /** Stores what `allows` weighed. */
  record(group: string, nominees: ReadonlySet<string>, count: number, replacingSealed: number) {
    this.apply(group, nominees, count, replacingSealed);
    this.undo = [];
  }

  private apply(group: string, nominees: ReadonlySet<string>, count: number, replacingSealed: number) {
    for (const index of this.byGroup.get(group) ?? []) {
      const before = this.responses[index]!;
      this.responses[index] = { group, nominees };
      this.undo.push(() => (this.responses[index] = before));
    }
    for (let i = 0; i < replacingSealed && this.sealed.length > 0; i++) this.removeSealed();
    for (let i = 0; i < count; i++) if (!this.add({ group, nominees })) throw new Error("Stored responses admit no assignment to distinct people.");
  }

  private freeIn(group: string | null): Set<string> {
    let set = this.free.get(group);
    if (!set) this.free.set(group, (set = new Set()));
    return set;
  }

  private eligible(index: number, person: string): boolean {
    const response = this.responses[index]!;
    return !response.nominees.has(person) && this.audience.contains(response.group, person);
  }

  /** Seats a new response, moving others along the shortest path that frees a seat; false when none does. */
  private add(response: StoredResponse): boolean {
    const index = this.responses.length;
    this.responses.push(response);
    this.seat.push(undefined);
    this.listOf(response.group).push(index);
    if (response.group === null) this.sealed.push(index);
    this.undo.push(() => {
      this.responses.pop();
      this.seat.pop();
      this.listOf(response.group).pop();
      if (response.group === null) this.sealed.pop();
    });
    const reachedBy = new Map<string, number>();
    // Responses alike (one group, the same choices) reach the same people: each kind is looked
    // through once. Thousands of sealed ones would otherwise each walk the whole organization.
    const lookedThrough = new Map<string | null, Set<ReadonlySet<string>>>();
    const queue = [index];
    for (let next = 0; next < queue.length; next++) {
      const current = queue[next]!;
      const { group, nominees } = this.responses[current]!;
      const kinds = lookedThrough.get(group) ?? lookedThrough.set(group, new Set()).get(group)!;
      if (kinds.has(nominees)) continue;
      kinds.add(nominees);
      const free = this.freeSeat(current);
      if (free !== undefined) {
        for (let at = current, person = free; ; ) {
          const previous = this.seat[at];
          this.assign(at, person);
          if (previous === undefined) return true;
          person = previous;
          at = reachedBy.get(previous)!;
        }
      }
      for (const person of this.audience.membersOf(group)) {
        if (reachedBy.has(person) || !this.eligible(current, person)) continue;
        const holder = this.holder.get(person);
        if (holder === undefined) continue;
        reachedBy.set(person, current);
        queue.push(holder);
      }
    }
    return false;
  }

  private listOf(group: string | null): number[] {
    let list = this.byGroup.get(group);
    if (!list) this.byGroup.set(group, (list = []));
    return list;
  }

  private freeSeat(index: number): string | undefined {
    for (const person of this.freeIn(this.responses[index]!.group)) if (this.eligible(index, person)) return person;
    return undefined;
  }

  private assign(index: number, person: string) {
    const before = { seat: this.seat[index], holder: this.holder.get(person) };
    if (before.holder === undefined) this.take(person);
    if (before.seat === undefined) this.seated++;
    this.seat[index] = person;
    this.holder.set(person, index);
    this.undo.push(() => {
      this.seat[index] = before.seat;
      if (before.seat === undefined) this.seated--;
      if (before.holder === undefined) this.release(person);
      else this.holder.set(person, before.holder);
    });
  }

  private removeSealed() {
    const index = this.sealed.pop()!;
    const person = this.seat[index]!;
    // Unseated, it is never reached again (only holders are): it is gone until the undo.
    this.seat[index] = undefined;
    this.seated--;
    this.release(person);
    this.undo.push(() => {
      this.sealed.push(index);
      this.take(person);
      this.holder.set(person, index);
      this.seat[index] = person;
      this.seated++;
    });
  }

  private take(person: string) {
    for (const group of this.audience.groupsOf(person)) this.free.get(group)?.delete(person);
  }

  private release(person: string) {
    this.holder.delete(person);
    for (const group of this.audience.groupsOf(person)) this.freeIn(group).add(person);
  }

  private rollBack(mark: number) {
    while (this.undo.length > mark) this.undo.pop()!();
  }
}
