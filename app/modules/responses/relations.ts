/**
 * The formal relation of a nominee to the respondent, and how much of it may be stored.
 *
 * Storing "the nominee is my report" next to a nominee is storing who the respondent is: the
 * nominee's manager. So each relation is stored only as precisely as the respondent's segment
 * allows: the precision is chosen so that every combination of stored relations is shared by at
 * least k people of the segment. The choice depends only on the segment and the nominees, never on
 * the respondent, so the choice itself reveals nothing either.
 */

/** Relation of the nominee to the respondent, from the respondent's side. */
export type Relation = "own_manager" | "higher_in_chain" | "teammate" | "my_report" | "outside_line";

/** What is stored: exact, coarse (does the respondent report to the nominee?), or nothing. */
export type StoredRelation = Relation | "below_nominee" | "not_below_nominee" | "undisclosed";

/** Does the follower sit in the nominee's reporting line? Null when that was not recorded. */
export function followerReportsToNominee(relation: StoredRelation): boolean | null {
  if (relation === "own_manager" || relation === "higher_in_chain" || relation === "below_nominee") return true;
  if (relation === "undisclosed") return null;
  return false;
}

export type ManagerMap = ReadonlyMap<string, string | null>;

export function ancestorsOf(managerOf: ManagerMap, personId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([personId]);
  let current = managerOf.get(personId) ?? null;
  while (current && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = managerOf.get(current) ?? null;
  }
  return chain;
}

export function relationOf(managerOf: ManagerMap, respondentId: string, nomineeId: string): Relation {
  const respondentManager = managerOf.get(respondentId) ?? null;
  if (respondentManager === nomineeId) return "own_manager";
  if (ancestorsOf(managerOf, respondentId).includes(nomineeId)) return "higher_in_chain";
  if (ancestorsOf(managerOf, nomineeId).includes(respondentId)) return "my_report";
  if (respondentManager !== null && managerOf.get(nomineeId) === respondentManager) return "teammate";
  return "outside_line";
}

const LEVELS = 3;

function atLevel(relation: Relation, level: number): StoredRelation {
  if (level === 0) return relation;
  if (level === 1) return relation === "own_manager" || relation === "higher_in_chain" ? "below_nominee" : "not_below_nominee";
  return "undisclosed";
}

/**
 * The relations to store for one response. `segmentMembers` are the people the response is
 * attributed to (its anonymity set), the respondent among them.
 */
export function disclosedRelations({
  managerOf,
  segmentMembers,
  respondentId,
  nomineeIds,
  k,
}: {
  managerOf: ManagerMap;
  segmentMembers: readonly string[];
  respondentId: string;
  nomineeIds: readonly string[];
  k: number;
}): StoredRelation[] {
  const nominees = new Set(nomineeIds);
  // Whoever the respondent is, they did not nominate themselves.
  const candidates = segmentMembers.filter((id) => !nominees.has(id));
  const relations = candidates.map((candidate) => nomineeIds.map((nominee) => relationOf(managerOf, candidate, nominee)));
  const levels = nomineeIds.map(() => 0);

  const smallestGroup = (trial: number[]) => {
    const sizes = new Map<string, number>();
    for (const row of relations) {
      const key = row.map((relation, i) => atLevel(relation, trial[i]!)).join("|");
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    return Math.min(...sizes.values());
  };

  if (candidates.length > 0) {
    while (smallestGroup(levels) < k) {
      let best = -1;
      let bestSize = -1;
      for (let i = 0; i < levels.length; i++) {
        if (levels[i]! >= LEVELS - 1) continue;
        const trial = [...levels];
        trial[i]!++;
        const size = smallestGroup(trial);
        if (size > bestSize) {
          best = i;
          bestSize = size;
        }
      }
      if (best === -1) break;
      levels[best]!++;
    }
  } else {
    levels.fill(LEVELS - 1);
  }
  return nomineeIds.map((nominee, i) => atLevel(relationOf(managerOf, respondentId, nominee), levels[i]!));
}
