import { quadrantOf, type QuadrantRule } from "./quadrant";
import { seededRandom } from "./random";

/**
 * How firmly a person's place in the quadrant rests on the answers, since missing or extra answers
 * move network figures. Two checks on the groups of responses (blocks), both over the followers
 * counted from whole blocks:
 *
 *   - leave one group out: if dropping any single group's answers would change their place, it
 *     could change with a few more (or fewer) answers;
 *   - a seeded bootstrap (Efron 1979) over the groups: the place must hold in at least 90% of
 *     resamples drawn with replacement.
 *
 * Deterministic for a seed, so the same snapshot always says the same thing.
 */
export type Stability = "stable" | "could-change";

export const STABILITY_LABEL: Record<Stability, string> = {
  stable: "Stable",
  "could-change": "Could change with a few more answers",
};

const RESAMPLES = 200;
const AGREEMENT = 0.9;

type Person = { id: string; directReports: number; primaryFollowers: number };

export function placementStability(people: readonly Person[], followersByBlock: ReadonlyMap<string, ReadonlyMap<string, number>>, rule: QuadrantRule, seed: number): Map<string, Stability | null> {
  const blocks = [...followersByBlock.keys()].sort();
  const result = new Map<string, Stability | null>();
  const random = seededRandom(seed);
  const resamples = Array.from({ length: blocks.length === 0 ? 0 : RESAMPLES }, () => blocks.map(() => Math.floor(random() * blocks.length)));
  for (const person of people) {
    const place = quadrantOf(person, rule);
    if (place === "contributor") {
      result.set(person.id, null);
      continue;
    }
    const counts = blocks.map((block) => followersByBlock.get(block)!.get(person.id) ?? 0);
    const holds = (followers: number) => quadrantOf({ directReports: person.directReports, primaryFollowers: followers }, rule) === place;
    const total = counts.reduce((sum, count) => sum + count, 0);
    const leaveOneOut = counts.every((count) => holds(total - count));
    const agreeing = resamples.filter((draw) => holds(draw.reduce((sum, index) => sum + counts[index]!, 0))).length;
    result.set(person.id, leaveOneOut && agreeing >= AGREEMENT * resamples.length ? "stable" : "could-change");
  }
  return result;
}
