import { performance } from "node:perf_hooks";
import { planRelease, type Waiting } from "~/modules/anonymity/release";
import { assignSegments } from "~/modules/anonymity/segments";
import { Audience, certainRespondents, type StoredResponse } from "~/modules/anonymity/silence";
import { generateDemoRoster } from "../scripts/demo/demo-roster";
import { simulateResponses } from "../scripts/demo/demo-responses";

/**
 * The release plan (anonymity/release.ts) at 10,000 and 30,000 people, 80% answering, two
 * nomination questions: the first release of an open wave (everything sealed, every team with k
 * waiting) and the release at close, in memory. The baseline is one whole silence check on what
 * the plan stores, so the ratio says how many whole checks the plan costs (it weighs one batch per
 * team: thousands at 30,000).
 */
export function benchRelease(sizes = [10_000, 30_000]) {
  return sizes.map((size) => {
    const roster = generateDemoRoster({ size, seed: 5, domain: "bench.example" });
    const ids = new Map(roster.map((person, i) => [person.email, `p${i}`]));
    const people = roster.map((person) => ({ id: ids.get(person.email)!, department: person.department, managerId: person.managerEmail ? ids.get(person.managerEmail)! : null }));
    const segmentOf = assignSegments(people, 5);
    const invitations = people.map((person) => ({ personId: person.id, segment: segmentOf.get(person.id)! }));
    const questions = ["follow", "advice"].map((id) => ({ id, kind: "nomination", construct: id === "follow" ? "followership" : "advice", maxNominations: 2 }));
    const { responses } = simulateResponses({ people, invitations, questions, seed: 1, responseRate: 0.8 });
    const waiting: Waiting[] = responses.map((response, i) => ({ id: `r${String(i).padStart(6, "0")}`, segment: response.segment, nominations: response.nominations }));
    const row = (closing: boolean) => {
      const started = performance.now();
      const plan = planRelease({ k: 5, segmentOf, released: [], waiting, closing });
      const planMs = performance.now() - started;
      const byId = new Map(waiting.map((entry) => [entry.id, entry]));
      const stored: StoredResponse[] = plan.batches.flatMap((batch) => {
        const nominees = choseByAll(batch.ids.map((id) => byId.get(id)!));
        return batch.ids.map(() => ({ group: batch.group, nominees }));
      });
      const placed = stored.length;
      for (let i = placed; !closing && i < waiting.length; i++) stored.push({ group: null, nominees: new Set() });
      const checkStarted = performance.now();
      certainRespondents(new Audience(segmentOf), stored);
      const checkMs = performance.now() - checkStarted;
      return { people: size, release: closing ? "at close" : "first, wave open", batches: plan.batches.length, placed, planMs: Math.round(planMs), oneWholeCheckMs: Math.round(checkMs), ratio: +(planMs / checkMs).toFixed(1) };
    };
    return [row(false), row(true)];
  }).flat();
}

/** Whom every response of a batch chose, in one question (as the database shows a group). */
function choseByAll(batch: Waiting[]): Set<string> {
  const counts = new Map<string, number>();
  for (const entry of batch) for (const { questionId, nomineeId } of entry.nominations) counts.set(`${questionId}\u0000${nomineeId}`, (counts.get(`${questionId}\u0000${nomineeId}`) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count >= batch.length).map(([key]) => key.split("\u0000")[1]!));
}
