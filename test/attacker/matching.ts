/**
 * The attacker's reasoning about who could have given which response, written independently of
 * the app's own rules: an exact search over every assignment of stored responses to distinct
 * people that is consistent with what is stored.
 *
 * A "world" is what an attacker holds: the people who could have answered, and for each stored
 * response the people it could belong to (its group's producers, minus anyone it chose: nobody
 * chooses themselves). Sealed responses, whose group cannot be read, could belong to anyone.
 * A person p is consistent with response r when some assignment of all responses to distinct
 * people gives r to p.
 */

export type AttackerWorld = {
  people: readonly string[];
  /** For each stored response, who could have given it. */
  candidates: readonly (readonly string[])[];
};

/** Kuhn's augmenting path: finds `response` a person, moving others along if needed. */
function augment(world: AttackerWorld, owner: Map<string, number>, assigned: (string | null)[], response: number, blocked: ReadonlySet<string>, visited: Set<string>): boolean {
  for (const person of world.candidates[response]!) {
    if (blocked.has(person) || visited.has(person)) continue;
    visited.add(person);
    const holder = owner.get(person);
    if (holder === undefined || augment(world, owner, assigned, holder, blocked, visited)) {
      owner.set(person, response);
      assigned[response] = person;
      return true;
    }
  }
  return false;
}

/**
 * Can every response be given to a distinct person, starting from a known valid assignment
 * (the truth) after forcing `index` to `person` (or forbidding `person` altogether)? Only the one
 * or two responses the change displaces need a new person, so each question is one search.
 */
function stillMatches(world: AttackerWorld, truth: readonly string[], change: { index: number; person: string } | { forbid: string }): boolean {
  const assigned: (string | null)[] = [...truth];
  const owner = new Map<string, number>(truth.map((person, response) => [person, response]));
  const blocked = new Set<string>();
  const displaced: number[] = [];
  if ("forbid" in change) {
    const holder = owner.get(change.forbid);
    blocked.add(change.forbid);
    if (holder === undefined) return true;
    owner.delete(change.forbid);
    assigned[holder] = null;
    displaced.push(holder);
  } else {
    const previous = owner.get(change.person);
    owner.delete(assigned[change.index]!);
    if (previous !== undefined && previous !== change.index) {
      assigned[previous] = null;
      displaced.push(previous);
    }
    owner.set(change.person, change.index);
    assigned[change.index] = change.person;
    blocked.add(change.person);
  }
  return displaced.every((response) => augment(world, owner, assigned, response, blocked, new Set()));
}

/** Everyone who could have given response `index`, given everything else stored. */
export function consistentPeople(world: AttackerWorld, truth: readonly string[], index: number): Set<string> {
  return new Set(world.candidates[index]!.filter((person) => stillMatches(world, truth, { index, person })));
}

/** Could `person` have given no stored response at all? */
export function couldHaveStayedSilent(world: AttackerWorld, truth: readonly string[], person: string): boolean {
  return stillMatches(world, truth, { forbid: person });
}

/** Whether at least `k` of the people in `among` could have given response `index`; stops early. */
export function hasConsistentPeople(world: AttackerWorld, truth: readonly string[], index: number, among: ReadonlySet<string>, k: number): boolean {
  let found = 0;
  for (const person of world.candidates[index]!) {
    if (!among.has(person) || !stillMatches(world, truth, { index, person })) continue;
    if (++found >= k) return true;
  }
  return false;
}
