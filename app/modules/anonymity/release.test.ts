import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { couldHaveStayedSilent, hasConsistentPeople, type AttackerWorld } from "../../../test/attacker/matching";
import { simulatedWave, type SimWave } from "../../../test/attacker/simulated-wave";
import { parseGroup, producersOf } from "./groups";
import { planRelease, type ReleasedGroup, type Waiting } from "./release";
import { assignSegments } from "./segments";

type Stored = { id: string; group: string; personId: string; nominees: string[]; batch: number };
type Pending = Waiting & { personId: string };

const QUESTION = "q";

/** Plays a wave through the release rules, keeping what a database copy would hold. */
function play(wave: SimWave, onChange: (state: { stored: Stored[]; waiting: Pending[]; batches: Stored[][]; answered: Set<string> }) => void) {
  const segmentOf = assignSegments(wave.people, wave.k);
  const stored: Stored[] = [];
  const batches: Stored[][] = [];
  let waiting: Pending[] = [];
  const answered = new Set<string>();
  const release = (closing: boolean) => {
    const plan = planRelease({ k: wave.k, segmentOf, released: releasedGroups(stored), waiting, closing });
    const byId = new Map(waiting.map((entry) => [entry.id, entry]));
    for (const batch of plan.batches) {
      const rows = batch.ids.map((id) => {
        const entry = byId.get(id)!;
        return { id, group: batch.group, personId: entry.personId, nominees: entry.nominations.map((n) => n.nomineeId), batch: batches.length };
      });
      stored.push(...rows);
      batches.push(rows);
    }
    const gone = new Set([...plan.batches.flatMap((batch) => batch.ids), ...plan.discarded]);
    waiting = waiting.filter((entry) => !gone.has(entry.id));
    if (plan.batches.length > 0 || closing) onChange({ stored, waiting, batches, answered });
    return plan;
  };
  wave.answers.forEach(({ answer, tick }, index) => {
    answered.add(answer.personId);
    waiting.push({ id: `r${String(index).padStart(4, "0")}`, personId: answer.personId, segment: segmentOf.get(answer.personId)!, nominations: answer.nominees.map((nomineeId) => ({ questionId: QUESTION, nomineeId })) });
    if (tick) release(false);
  });
  return { segmentOf, final: release(true) };
}

/** What is stored of released responses: per group, how many, and how many chose each person. */
function releasedGroups(stored: Stored[]): ReleasedGroup[] {
  const groups = new Map<string, { group: string; responses: number; chosen: Map<string, Map<string, number>> }>();
  for (const response of stored) {
    const group = groups.get(response.group) ?? { group: response.group, responses: 0, chosen: new Map([[QUESTION, new Map<string, number>()]]) };
    groups.set(response.group, group);
    group.responses++;
    const counts = group.chosen.get(QUESTION)!;
    for (const nominee of response.nominees) counts.set(nominee, (counts.get(nominee) ?? 0) + 1);
  }
  return [...groups.values()];
}

/** Whom every one of `responses` chose: they gave none of them (nobody chooses themselves). */
function choseByAll(responses: Stored[]): Set<string> {
  const counts = new Map<string, number>();
  for (const response of responses) for (const nominee of response.nominees) counts.set(nominee, (counts.get(nominee) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count >= responses.length).map(([nominee]) => nominee));
}

/**
 * What a copy of the database says: released responses can be told apart by nothing but their
 * group; per group, the counts of whom its responses chose. Sealed ones could be anyone's.
 */
function databaseCopy(segmentOf: Map<string, string>, stored: Stored[], waiting: number): { world: AttackerWorld; truth: string[] } {
  const everyone = [...segmentOf.keys()];
  const candidatesOf = new Map<string, string[]>();
  for (const group of new Set(stored.map((response) => response.group))) {
    const excluded = choseByAll(stored.filter((response) => response.group === group));
    candidatesOf.set(group, producersOf(group, segmentOf)!.filter((person) => !excluded.has(person)));
  }
  const sealed: string[][] = Array.from({ length: waiting }, () => everyone);
  return { world: { people: everyone, candidates: [...stored.map((response) => candidatesOf.get(response.group)!), ...sealed] }, truth: stored.map((response) => response.personId) };
}

describe("releasing responses, tried as an attacker", () => {
  it("adds at least k responses to a group at a time, from that group's own people", () => {
    let cases = 0;
    fc.assert(
      fc.property(simulatedWave, (wave) => {
        cases++;
        const segmentOf = segmentOfWave(wave);
        play(wave, ({ batches }) => {
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThanOrEqual(wave.k);
            const producers = new Set(producersOf(batch[0]!.group, segmentOf));
            for (const response of batch) expect(producers.has(response.personId), `${response.personId} in ${response.group}`).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
    console.log(`release batches: ${cases} random waves tried`);
  });

  it("never narrows a released response below k people who answered (database copy, no secret)", () => {
    let cases = 0;
    let checked = 0;
    fc.assert(
      fc.property(simulatedWave, (wave) => {
        cases++;
        play(wave, ({ stored, waiting, answered }) => {
          const { world, truth } = databaseCopy(segmentOfWave(wave), stored, waiting.length);
          // The sealed responses belong to somebody too: extend the truth with them.
          const fullTruth = [...truth, ...waiting.map((entry) => entry.personId)];
          stored.forEach((response, index) => {
            checked++;
            expect(hasConsistentPeople(world, fullTruth, index, answered, wave.k), `response of ${response.personId} in ${response.group}`).toBe(true);
          });
        });
      }),
      { numRuns: 250 },
    );
    console.log(`database copy: ${cases} random waves, ${checked} released responses attacked`);
  });

  it("never narrows a response below k within its batch (the secret and two backups)", () => {
    let cases = 0;
    fc.assert(
      fc.property(simulatedWave, (wave) => {
        cases++;
        play(wave, ({ batches }) => {
          for (const batch of batches) {
            // The operator knows exactly who answered between the two backups: the batch's people,
            // and the counts the batch added.
            const people = batch.map((response) => response.personId);
            const excluded = choseByAll(batch);
            const world: AttackerWorld = { people, candidates: batch.map(() => people.filter((person) => !excluded.has(person))) };
            batch.forEach((_, index) => expect(hasConsistentPeople(world, people, index, new Set(people), wave.k)).toBe(true));
          }
        });
      }),
      { numRuns: 250 },
    );
    console.log(`backups with the secret: ${cases} random waves`);
  });

  it("never tells that a given person answered, unless everyone did", () => {
    let cases = 0;
    fc.assert(
      fc.property(simulatedWave, (wave) => {
        cases++;
        const segmentOf = segmentOfWave(wave);
        play(wave, ({ stored, waiting }) => {
          if (stored.length + waiting.length === segmentOf.size) return; // everyone answered: a count says so
          const { world, truth } = databaseCopy(segmentOf, stored, waiting.length);
          const fullTruth = [...truth, ...waiting.map((entry) => entry.personId)];
          for (const person of segmentOf.keys()) expect(couldHaveStayedSilent(world, fullTruth, person), person).toBe(true);
        });
      }),
      { numRuns: 250 },
    );
    console.log(`participation: ${cases} random waves`);
  });
});

describe("planRelease", () => {
  const team = (n: number, manager = "m") => Array.from({ length: n }, (_, i) => ({ id: `${manager}${i}`, managerId: manager, department: "D" }));
  const waitingFrom = (people: { id: string }[], segmentOf: Map<string, string>, nominees: (id: string) => string[] = () => []) =>
    people.map((person, i) => ({ id: `r${i}`, segment: segmentOf.get(person.id)!, nominations: nominees(person.id).map((nomineeId) => ({ questionId: QUESTION, nomineeId })) }));

  it("waits for k answers in a segment, then releases them together", () => {
    const people = [...team(8), { id: "m", managerId: null, department: "D" }];
    const segmentOf = assignSegments(people, 5);
    const segment = segmentOf.get("m0")!;
    const four = planRelease({ k: 5, segmentOf, released: [], waiting: waitingFrom(people.slice(0, 4), segmentOf), closing: false });
    expect(four.batches).toEqual([]);
    const five = planRelease({ k: 5, segmentOf, released: [], waiting: waitingFrom(people.slice(0, 5), segmentOf), closing: false });
    expect(five.batches).toEqual([{ group: segment, ids: ["r0", "r1", "r2", "r3", "r4"] }]);
  });

  it("keeps one answer of a fully answered team back, so the team is never shown as all answered", () => {
    const segmentOf = new Map([...team(6).map((person) => [person.id, "team:m:D"] as const), ...team(10, "x").map((person) => [person.id, "organization"] as const)]);
    const plan = planRelease({ k: 5, segmentOf, released: [], waiting: waitingFrom(team(6), segmentOf), closing: false });
    expect(plan.batches).toEqual([{ group: "team:m:D", ids: ["r0", "r1", "r2", "r3", "r4"] }]);
    const rest = planRelease({ k: 5, segmentOf, released: [{ group: "team:m:D", responses: 5, chosen: new Map() }], waiting: waitingFrom(team(6).slice(5), segmentOf), closing: false });
    expect(rest.batches).toEqual([]);
  });

  it("holds back an answer when all of a group's answers would name the one member who did not answer", () => {
    // Five of a team of six answer, and every one of them chooses m5, who did not: released
    // together, the counts would say that m5 gave none of them, so the other five certainly answered.
    const segmentOf = new Map([...team(6).map((person) => [person.id, "team:m:D"] as const), ...team(10, "x").map((person) => [person.id, "organization"] as const)]);
    const waiting = waitingFrom(team(5), segmentOf, () => ["m5"]);
    const plan = planRelease({ k: 3, segmentOf, released: [], waiting, closing: false });
    expect(plan.batches).toEqual([{ group: "team:m:D", ids: ["r1", "r2", "r3", "r4"] }]);
    // Without that choice, all five go.
    expect(planRelease({ k: 3, segmentOf, released: [], waiting: waitingFrom(team(5), segmentOf), closing: false }).batches[0]!.ids).toHaveLength(5);
  });

  it("at close, pools what is left by department, then the organization, and discards what cannot be shown", () => {
    const segmentOf = new Map<string, string>([
      ...team(4, "a").map((person) => [person.id, "team:a:D"] as const),
      ...team(4, "b").map((person) => [person.id, "team:b:D"] as const),
      ...team(4, "c").map((person) => [person.id, "team:c:E"] as const),
      ...team(4, "x").map((person) => [person.id, "organization"] as const),
    ]);
    const twoEach = [...team(2, "a"), ...team(2, "b")];
    const plan = planRelease({ k: 3, segmentOf, released: [], waiting: waitingFrom(twoEach, segmentOf), closing: true });
    expect(plan).toEqual({ batches: [{ group: "pool:department:D", ids: ["r0", "r1", "r2", "r3"] }], discarded: [] });
    // Two in E and one in the organization segment: short of k apart, three together.
    const scattered = planRelease({ k: 3, segmentOf, released: [], waiting: waitingFrom([...team(2, "c"), ...team(1, "x")], segmentOf), closing: true });
    expect(scattered).toEqual({ batches: [{ group: "pool:organization", ids: ["r0", "r1", "r2"] }], discarded: [] });
    const lonely = planRelease({ k: 3, segmentOf, released: [], waiting: waitingFrom([...team(1, "a"), ...team(1, "x")], segmentOf), closing: true });
    expect(lonely).toEqual({ batches: [], discarded: ["r0", "r1"] });
  });

  it("never mixes open-link answers with anyone else's", () => {
    const segmentOf = new Map([["p", "organization"]]);
    const open = Array.from({ length: 3 }, (_, i) => ({ id: `o${i}`, segment: "open-link", nominations: [] }));
    expect(planRelease({ k: 3, segmentOf, released: [], waiting: open, closing: false }).batches).toEqual([{ group: "open-link", ids: ["o0", "o1", "o2"] }]);
    expect(planRelease({ k: 3, segmentOf, released: [], waiting: open.slice(0, 2), closing: true }).discarded).toEqual(["o0", "o1"]);
  });
});

function segmentOfWave(wave: SimWave) {
  return assignSegments(wave.people, wave.k);
}
