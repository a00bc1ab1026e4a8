import { seededRandom } from "~/modules/analytics/random";
import type { PooledResponse } from "~/modules/anonymity/pool.server";

/**
 * Plausible answers for demos and benchmarks: people tend to follow their manager, their
 * department, and a few informally influential colleagues; teams differ in how earned their
 * managers' authority feels. Deterministic for a seed.
 */
export type SimPerson = { id: string; managerId: string | null; department: string | null };
export type SimQuestion = { id: string; kind: string; construct: string | null; maxNominations?: number };

export function simulateResponses({
  people,
  invitations,
  questions,
  seed,
  responseRate = 0.8,
}: {
  people: SimPerson[];
  invitations: { personId: string; segment: string }[];
  questions: SimQuestion[];
  seed: number;
  responseRate?: number;
}): { answered: string[]; responses: PooledResponse[] } {
  const random = seededRandom(seed);
  const byId = new Map(people.map((person) => [person.id, person]));
  const reports = new Map<string, number>();
  for (const person of people) if (person.managerId) reports.set(person.managerId, (reports.get(person.managerId) ?? 0) + 1);
  // Stable traits per person (same across waves when the seed's people are the same).
  const trait = seededRandom(7_919);
  const appeal = new Map(people.map((person) => [person.id, (trait() < 0.06 ? 8 : 1) * (reports.has(person.id) ? 2 : 1) * (0.5 + trait())]));
  const teamClimate = new Map(people.map((person) => [person.id, trait() * 2 - 1]));
  const byDepartment = new Map<string, SimPerson[]>();
  for (const person of people) {
    const department = byDepartment.get(person.department ?? "");
    if (department) department.push(person);
    else byDepartment.set(person.department ?? "", [person]);
  }
  const everyone = weightedPool(people, appeal);
  const departmentPools = new Map([...byDepartment].map(([name, members]) => [name, weightedPool(members, appeal)]));

  // Weighted draws without replacement, by rejecting those already excluded: the same
  // distribution as renormalising over the rest, in O(log n) a draw rather than O(n), which
  // made seeding 30,000 people take hours.
  const pick = (pool: WeightedPool, exclude: Set<string>, count: number) => {
    const chosen: string[] = [];
    const taken = new Set(exclude);
    // A small pool may hold fewer than count others; the attempts bound ends the search then.
    for (let attempt = 0; chosen.length < count && attempt < count * 24; attempt++) {
      const winner = pool.draw(random());
      if (taken.has(winner.id)) continue;
      taken.add(winner.id);
      chosen.push(winner.id);
    }
    return chosen;
  };

  const answered: string[] = [];
  const responses: PooledResponse[] = [];
  for (const invitation of invitations) {
    if (random() > responseRate) continue;
    const self = byId.get(invitation.personId);
    if (!self) continue;
    answered.push(self.id);
    const climate = teamClimate.get(self.managerId ?? self.id) ?? 0;
    const response: PooledResponse = { segment: invitation.segment, answers: [], nominations: [] };
    const nominated: { questionId: string; nomineeId: string }[] = [];
    for (const question of questions) {
      if (question.kind === "nomination") {
        const max = question.maxNominations ?? 3;
        const count = Math.floor(random() * (max + 1));
        const exclude = new Set([self.id]);
        const chosen: string[] = [];
        if (self.managerId && question.construct === "followership" && random() < 0.45 + climate * 0.3) chosen.push(self.managerId);
        for (const id of chosen) exclude.add(id);
        const local = departmentPools.get(self.department ?? "")!;
        chosen.push(...pick(random() < 0.7 ? local : everyone, exclude, Math.max(0, count - chosen.length)));
        for (const nomineeId of chosen.slice(0, max)) nominated.push({ questionId: question.id, nomineeId });
      } else if (question.kind === "likert") {
        const lean = question.construct === "authority.earned" ? climate : question.construct === "authority.positional" ? -climate : climate / 2;
        const value = Math.round(3 + lean * 1.2 + (random() - 0.5) * 2.2);
        response.answers.push({ questionId: question.id, kind: "number", value: Math.min(5, Math.max(1, value)) });
      } else if (question.kind === "scale") {
        response.answers.push({ questionId: question.id, kind: "number", value: Math.min(10, Math.max(0, Math.round(7 + climate * 2 + (random() - 0.5) * 5))) });
      } else if (question.kind === "text" && random() < 0.15) {
        response.answers.push({ questionId: question.id, kind: "text", value: COMMENTS[Math.floor(random() * COMMENTS.length)]! });
      }
    }
    response.nominations = nominated;
    responses.push(response);
  }
  return { answered, responses };
}

type WeightedPool = { draw: (uniform: number) => SimPerson };

/** Cumulative weights, so a draw is a binary search. */
function weightedPool(members: SimPerson[], weight: Map<string, number>): WeightedPool {
  const cumulative: number[] = [];
  let total = 0;
  for (const member of members) cumulative.push((total += weight.get(member.id) ?? 1));
  const draw = (uniform: number) => {
    const target = uniform * total;
    let low = 0;
    let high = members.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return members[low]!;
  };
  return { draw };
}

const COMMENTS = [
  "Decisions would go faster if the people closest to the problem could make them.",
  "I appreciate how openly priorities were explained this quarter.",
  "Too many meetings where the decision was already made.",
  "People who help others are not always the ones who get recognised.",
  "More room to pick up work we care about would make a difference.",
  "Our team lead asks for input and actually uses it.",
];
