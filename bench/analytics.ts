import { performance } from "node:perf_hooks";
import { computeWaveAnalytics, type EngineInput } from "~/modules/analytics/engine";
import { planRelease } from "~/modules/anonymity/release";
import { assignSegments } from "~/modules/anonymity/segments";
import { generateDemoRoster } from "../scripts/demo/demo-roster";
import { simulateResponses } from "../scripts/demo/demo-responses";

const QUESTIONS: EngineInput["questions"] = [
  { id: "follow", key: "follow", kind: "nomination", construct: "followership", prompt: "" },
  { id: "advice", key: "advice", kind: "nomination", construct: "advice", prompt: "" },
  { id: "moments", key: "moments", kind: "nomination", construct: "leadership.moments", prompt: "" },
  ...["authority.positional", "authority.positional", "authority.earned", "authority.earned", "leadership.moments", "open_space", "open_space"].map((construct, i) => ({
    id: `likert-${i}`,
    key: `likert-${i}`,
    kind: "likert" as const,
    construct,
    prompt: "",
  })),
  { id: "enps", key: "enps", kind: "scale", construct: "engagement", prompt: "" },
];

/**
 * The full analytics of a synthetic organization: 10,000 people, about 30,000 nominations per
 * wave, 5 waves. Times, per wave and in memory, the release rules placing every answer at close
 * (anonymity/release.ts, the part the closing transaction spends CPU on) and the engine (the part
 * a snapshot job spends CPU on), and the peak memory of the process.
 */
export async function benchAnalytics({ people: size = 10_000, waves = 5 } = {}) {
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

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const perWave: { wave: number; nominations: number; seconds: number; releaseSeconds: number; placed: number }[] = [];
  try {
    for (let wave = 1; wave <= waves; wave++) {
      const simulated = simulateResponses({
        people,
        invitations: memberships,
        // Up to 2 + 3 + 2 choices: about 30,000 nominations from 8,000 respondents.
        questions: QUESTIONS.map((q) => ({ id: q.id, kind: q.kind, construct: q.construct, maxNominations: q.id === "advice" ? 3 : 2 })),
        seed: wave,
        responseRate: 0.8,
      });
      const releaseStarted = performance.now();
      const plan = planRelease({
        k: 5,
        segmentOf: segments,
        released: [],
        waiting: simulated.responses.map((response, i) => ({ id: `r${i}`, segment: response.segment, nominations: response.nominations })),
        closing: true,
      });
      const releaseSeconds = +((performance.now() - releaseStarted) / 1000).toFixed(3);
      const groupOf = new Map(plan.batches.flatMap((batch) => batch.ids.map((id) => [id, batch.group] as const)));
      const responses = simulated.responses.map((response, i) => ({ ...response, id: `r${i}`, group: groupOf.get(`r${i}`) })).filter((response) => response.group !== undefined);
      const input: EngineInput = {
        waveId: `wave-${wave}`,
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
      const started = performance.now();
      computeWaveAnalytics(input);
      perWave.push({ wave, nominations: input.nominations.length, seconds: +((performance.now() - started) / 1000).toFixed(3), releaseSeconds, placed: responses.length });
    }
  } finally {
    clearInterval(sampler);
  }
  const slowest = Math.max(...perWave.map((wave) => wave.seconds));
  return {
    people: size,
    waves,
    nominationsPerWave: Math.round(perWave.reduce((sum, wave) => sum + wave.nominations, 0) / perWave.length),
    secondsPerWave: perWave.map((wave) => wave.seconds),
    releaseSecondsPerWave: perWave.map((wave) => wave.releaseSeconds),
    answersPlacedPerWave: perWave.map((wave) => wave.placed),
    slowestWaveSeconds: slowest,
    peakRssMB: Math.round(peakRss / 1024 / 1024),
    target: "under 1 s per wave on one core, under 500 MB",
    met: slowest < 1 && peakRss < 500 * 1024 * 1024,
  };
}
