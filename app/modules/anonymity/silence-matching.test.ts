import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { departmentPool, ORGANIZATION_POOL } from "./groups";
import { departmentSegment, teamSegment } from "./segments";
import { Audience, certainRespondents, type StoredResponse } from "./silence";
import { SilenceMatching } from "./silence-matching";

/**
 * The release plan asks SilenceMatching, batch after batch, what certainRespondents would say of
 * everything stored after the batch. Small random organizations, crowded on purpose (few people
 * per team, most answering, answers that all choose the same person), so that both answers occur.
 */
type Step = { group: string; count: number; nominees: string[] };
type World = { segmentOf: Map<string, string>; base: { group: string | null; nominees: string[] }[]; steps: Step[]; sealedPerStep: boolean };

const world: fc.Arbitrary<World> = fc
  .record({
    teams: fc.array(fc.record({ size: fc.integer({ min: 1, max: 5 }), department: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 6 }),
    loose: fc.integer({ min: 0, max: 4 }),
    seed: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    sealedPerStep: fc.boolean(),
  })
  .map(({ teams, loose, seed, sealedPerStep }) => {
    let at = 0;
    const draw = (n: number) => seed[at++ % seed.length]! % n;
    const segmentOf = new Map<string, string>();
    teams.forEach((team, t) => {
      for (let i = 0; i < team.size; i++) segmentOf.set(`p${t}-${i}`, teamSegment(`m${t}`, `d${team.department}`));
    });
    for (let i = 0; i < loose; i++) segmentOf.set(`q${i}`, departmentSegment(`d${i % 3}`));
    const people = [...segmentOf.keys()];
    const segments = [...new Set(segmentOf.values())];
    const groups = [...segments, ...[0, 1, 2].map((d) => departmentPool(`d${d}`)), ORGANIZATION_POOL];
    const nominees = () => (draw(3) === 0 ? [] : [people[draw(people.length)]!]);
    // As stored: a group's responses all carry the same choices (whom every one of them chose).
    const chosenBy = new Map(groups.map((group) => [group, nominees()]));
    const base = Array.from({ length: draw(Math.max(1, people.length - 1)) }, () => {
      const group = draw(4) === 0 ? null : groups[draw(groups.length)]!;
      return { group, nominees: group === null ? [] : chosenBy.get(group)! };
    });
    const steps = Array.from({ length: 1 + draw(5) }, () => ({ group: groups[draw(groups.length)]!, count: 1 + draw(3), nominees: nominees() }));
    return { segmentOf, base, steps, sealedPerStep };
  });

/** certainRespondents on the state after the step, or "no assignment" when it refuses to judge. */
function judged(audience: Audience, responses: StoredResponse[]): boolean | "no assignment" {
  try {
    return certainRespondents(audience, responses).length === 0;
  } catch {
    return "no assignment";
  }
}

describe("the silence rule, kept batch by batch", () => {
  it("answers as the whole check does on everything stored after each batch", () => {
    const seen = { allowed: 0, refused: 0 };
    fc.assert(
      fc.property(world, ({ segmentOf, base, steps, sealedPerStep }) => {
        const audience = new Audience(segmentOf);
        let state: StoredResponse[] = base.map((response) => ({ group: response.group, nominees: new Set(response.nominees) }));
        let matching: SilenceMatching;
        try {
          matching = new SilenceMatching(audience, state);
        } catch {
          expect(judged(audience, state)).toBe("no assignment");
          return;
        }
        for (const step of steps) {
          // What all of a group's responses chose can only shrink as it grows.
          const earlier = state.find((response) => response.group === step.group);
          const nominees = new Set(step.nominees.filter((nominee) => !earlier || earlier.nominees.has(nominee)));
          const sealed = state.filter((response) => response.group === null).length;
          const replacing = sealedPerStep ? Math.min(step.count, sealed) : 0;
          let dropped = 0;
          const after = [
            ...state.filter((response) => response.group !== step.group).filter((response) => response.group !== null || dropped++ >= replacing),
            ...Array.from({ length: state.filter((response) => response.group === step.group).length + step.count }, () => ({ group: step.group, nominees })),
          ];
          const expected = judged(audience, after);
          let answer: boolean | "no assignment";
          try {
            answer = matching.allows(step.group, nominees, step.count, replacing);
          } catch {
            answer = "no assignment";
          }
          // A state no assignment fits cannot come from real answers (the truth is one); refusing the batch is as safe as refusing to judge.
          if (expected === "no assignment") expect(answer).not.toBe(true);
          else expect(answer).toBe(expected);
          if (answer !== true) {
            if (answer === false) seen.refused++;
            return;
          }
          seen.allowed++;
          matching.record(step.group, nominees, step.count, replacing);
          state = after;
        }
      }),
      { numRuns: 2_000 },
    );
    // Both answers were met, so the comparison was not one-sided.
    expect(seen.allowed).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });
});
