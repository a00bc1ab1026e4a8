import { computeWaveAnalytics, type EngineInput, type WaveAnalytics } from "~/modules/analytics/engine";
import { planRelease } from "~/modules/anonymity/release";
import { assignSegments } from "~/modules/anonymity/segments";
import { generateDemoRoster } from "../scripts/demo/demo-roster";
import { simulateResponses } from "../scripts/demo/demo-responses";

const QUESTIONS: EngineInput["questions"] = [
  { id: "follow", key: "follow", kind: "nomination", construct: "followership", prompt: "Whom do you follow?" },
  { id: "advice", key: "advice", kind: "nomination", construct: "advice", prompt: "Whom do you ask for advice?" },
  { id: "enps", key: "enps", kind: "scale", construct: "engagement", prompt: "" },
];

/** One closed wave of a synthetic organization of `size` people, 80% answering, in memory. */
export function syntheticWave(size: number): { input: EngineInput; analytics: WaveAnalytics } {
  const roster = generateDemoRoster({ size, seed: 5, domain: "bench.example" });
  const ids = new Map(roster.map((person, i) => [person.email, `p${i}`]));
  const people = roster.map((person) => ({
    id: ids.get(person.email)!,
    name: person.name,
    title: person.title,
    department: person.department,
    managerId: person.managerEmail ? ids.get(person.managerEmail)! : null,
    level: person.level,
    active: true,
  }));
  const segments = assignSegments(people, 5);
  const memberships = people.map((person) => ({ personId: person.id, segment: segments.get(person.id)! }));
  const simulated = simulateResponses({ people, invitations: memberships, questions: QUESTIONS.map((q) => ({ id: q.id, kind: q.kind, construct: q.construct, maxNominations: 2 })), seed: 1, responseRate: 0.8 });
  const plan = planRelease({ k: 5, segmentOf: segments, released: [], waiting: simulated.responses.map((response, i) => ({ id: `r${i}`, segment: response.segment, nominations: response.nominations })), closing: true });
  const groupOf = new Map(plan.batches.flatMap((batch) => batch.ids.map((id) => [id, batch.group] as const)));
  const responses = simulated.responses.map((response, i) => ({ ...response, id: `r${i}`, group: groupOf.get(`r${i}`) })).filter((response) => response.group !== undefined);
  const input: EngineInput = {
    waveId: `wave-${size}`,
    k: 5,
    commentMinimum: 10,
    closed: true,
    people,
    memberships,
    participation: [{ department: null, invited: size, answered: responses.length }],
    questions: QUESTIONS,
    responses: responses.map((response) => ({ id: response.id, group: response.group! })),
    numbers: responses.flatMap((response) => response.answers.flatMap((answer) => (answer.kind === "number" ? [{ responseId: response.id, questionId: answer.questionId, value: answer.value }] : []))),
    texts: [],
    nominations: responses.flatMap((response) => response.nominations.map((nomination) => ({ ...nomination, group: response.group!, count: 1 }))),
    noise: null,
  };
  return { input, analytics: computeWaveAnalytics(input) };
}
