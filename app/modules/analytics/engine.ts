import type { QuestionKind } from "@db/schema";
import { followerReportsToNominee, type StoredRelation } from "~/modules/responses/relations";
import { spansOfControl } from "~/modules/people/org-chart";
import { blockForSegment, formBlocks, type Block, type BlockKind } from "./blocks";
import { buildInfluenceGraph, influenceMetrics } from "./graph";
import { participationByDepartment, type DepartmentParticipation } from "~/modules/anonymity/participation";
import type { Noise } from "~/modules/anonymity/privacy";
import type { Suppressed } from "~/modules/anonymity/suppression";

/**
 * The analytics of one wave: pure, from plain data to the figures the dashboards show.
 * Every figure here is computed over whole blocks (blocks.ts), so over at least k responses;
 * what cannot be shown comes out as `{ suppressed: true, reason }`, never as zero.
 */

export type EngineQuestion = { id: string; key: string; kind: QuestionKind; construct: string | null; prompt: string };

export type EngineInput = {
  waveId: string;
  k: number;
  people: { id: string; name: string; title: string | null; department: string | null; managerId: string | null; level: string | null; active: boolean }[];
  /** Each invited person's segment (from the wave's invitations). */
  memberships: { personId: string; segment: string }[];
  participation: { department: string | null; invited: number; answered: number }[];
  questions: EngineQuestion[];
  responses: { id: string; segment: string; verified: boolean }[];
  numbers: { responseId: string; questionId: string; value: number }[];
  texts: { responseId: string; questionId: string; text: string }[];
  nominations: { responseId: string; questionId: string; nomineeId: string; relation: StoredRelation }[];
  noise: Noise | null;
  /** Exact betweenness is the slowest metric; large waves may skip it (see README). */
  brokerage?: boolean;
};

export type ConstructStats = { mean: number; n: number; distribution: number[] };
export type EnpsStats = { score: number; n: number; promoters: number; passives: number; detractors: number };
export type Cell<T> = T | Suppressed;

export type BlockFigures = {
  key: string;
  kind: BlockKind;
  department: string | null;
  managerId: string | null;
  label: string;
  responses: number;
  constructs: Record<string, Cell<ConstructStats>>;
  enps: Cell<EnpsStats> | null;
};

export type PersonFigures = {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  managerId: string | null;
  level: string | null;
  directReports: number;
  totalReports: number;
  /** Nominations received, by nomination question id. */
  followers: Record<string, number>;
  /** On the primary (followership) question. */
  primaryFollowers: number;
  reach: { groups: number; departments: number };
  earnedShare: Cell<{ share: number; inLine: number; outsideLine: number; unknown: number }>;
  followBack: Cell<{ share: number; followers: number; responses: number }> | null;
  pagerank: number;
  brokerage: number | null;
  community: number | null;
};

export type WaveAnalytics = {
  version: 1;
  waveId: string;
  k: number;
  noised: boolean;
  responses: Cell<{ total: number; unverified: number }>;
  participation: { invited: number; answered: number; byDepartment: DepartmentParticipation[] };
  nominationQuestions: { id: string; key: string; prompt: string; construct: string | null; primary: boolean }[];
  constructs: string[];
  blocks: BlockFigures[];
  /** Segments whose responses were pooled into a larger block, and where they went. */
  pooledSegments: { segment: string; block: string | null }[];
  people: PersonFigures[];
  edges: { block: string; personId: string; weight: number; byQuestion: Record<string, number> }[];
  membership: { personId: string; block: string }[];
  flows: { from: string; to: string; weight: number }[];
  comments: { block: string; questionId: string; text: string }[];
};

export const CONSTRUCT_LABELS: Record<string, string> = {
  "authority.positional": "Positional authority",
  "authority.earned": "Earned authority",
  "leadership.moments": "Leadership moments",
  open_space: "Open space",
  engagement: "Engagement",
};

const fewer = (): Suppressed => ({ suppressed: true, reason: "fewer-than-k" });

export function blockLabel(block: Pick<Block, "kind" | "department" | "managerId">, names: Map<string, string>): string {
  switch (block.kind) {
    case "team":
      return `Team of ${block.managerId ? (names.get(block.managerId) ?? "a former manager") : "the top"}${block.department ? ` · ${block.department}` : ""}`;
    case "department":
      return `${block.department ?? "No department"}: other teams`;
    case "other-teams":
      return `${block.department ?? "No department"}: smaller teams combined`;
    case "organization":
      return "Rest of the organization";
    case "other-groups":
      return "Other groups combined";
  }
}

export function computeWaveAnalytics(input: EngineInput): WaveAnalytics {
  const { k, noise } = input;
  const noised = (cell: string, count: number) => (noise ? noise(cell, count) : count);
  const names = new Map(input.people.map((person) => [person.id, person.name]));
  const personById = new Map(input.people.map((person) => [person.id, person]));

  // Blocks of at least k responses.
  const segmentCounts = new Map<string, number>();
  for (const response of input.responses) segmentCounts.set(response.segment, (segmentCounts.get(response.segment) ?? 0) + 1);
  const { blocks, blockOf } = formBlocks([...segmentCounts].map(([segment, responses]) => ({ segment, responses })), k);
  const blockByKey = new Map(blocks.map((block) => [block.key, block]));
  const responseBlock = new Map<string, Block>();
  for (const response of input.responses) {
    const key = blockOf.get(response.segment);
    if (key) responseBlock.set(response.id, blockByKey.get(key)!);
  }
  const released = responseBlock.size;

  // Constructs: a response's score on a construct is the mean of its answers to that construct's
  // agreement items; a block shows the mean of those scores when at least k responses have one.
  const questionById = new Map(input.questions.map((question) => [question.id, question]));
  const likertConstruct = new Map(input.questions.filter((q) => q.kind === "likert" && q.construct).map((q) => [q.id, q.construct!]));
  const constructs = [...new Set(likertConstruct.values())].sort();
  const enpsQuestion = input.questions.find((q) => q.kind === "scale" && q.construct === "engagement") ?? input.questions.find((q) => q.kind === "scale");
  type Accumulator = { scores: number[]; distribution: number[] };
  const blockConstructs = new Map<string, Map<string, Accumulator>>();
  const perResponse = new Map<string, Map<string, number[]>>();
  const enpsValues = new Map<string, number[]>();
  for (const answer of input.numbers) {
    const block = responseBlock.get(answer.responseId);
    if (!block) continue;
    const construct = likertConstruct.get(answer.questionId);
    if (construct) {
      const byConstruct = perResponse.get(answer.responseId) ?? new Map<string, number[]>();
      perResponse.set(answer.responseId, byConstruct);
      const values = byConstruct.get(construct);
      if (values) values.push(answer.value);
      else byConstruct.set(construct, [answer.value]);
    } else if (enpsQuestion && answer.questionId === enpsQuestion.id) {
      const values = enpsValues.get(block.key);
      if (values) values.push(answer.value);
      else enpsValues.set(block.key, [answer.value]);
    }
  }
  for (const [responseId, byConstruct] of perResponse) {
    const block = responseBlock.get(responseId)!;
    const accumulators = blockConstructs.get(block.key) ?? new Map<string, Accumulator>();
    blockConstructs.set(block.key, accumulators);
    for (const [construct, values] of byConstruct) {
      const accumulator = accumulators.get(construct) ?? { scores: [], distribution: [0, 0, 0, 0, 0] };
      accumulators.set(construct, accumulator);
      accumulator.scores.push(values.reduce((sum, value) => sum + value, 0) / values.length);
      for (const value of values) if (value >= 1 && value <= 5) accumulator.distribution[value - 1]!++;
    }
  }

  const blockFigures: BlockFigures[] = blocks.map((block) => {
    const accumulators = blockConstructs.get(block.key);
    const constructCells: Record<string, Cell<ConstructStats>> = {};
    for (const construct of constructs) {
      const accumulator = accumulators?.get(construct);
      constructCells[construct] =
        accumulator && accumulator.scores.length >= k
          ? {
              mean: accumulator.scores.reduce((sum, score) => sum + score, 0) / accumulator.scores.length,
              n: noised(`block:${block.key}:construct:${construct}:n`, accumulator.scores.length),
              distribution: accumulator.distribution.map((count, i) => noised(`block:${block.key}:construct:${construct}:${i + 1}`, count)),
            }
          : fewer();
    }
    const enps = enpsValues.get(block.key) ?? [];
    return {
      key: block.key,
      kind: block.kind,
      department: block.department,
      managerId: block.managerId,
      label: blockLabel(block, names),
      responses: noised(`block:${block.key}:responses`, block.responses),
      constructs: constructCells,
      enps: enpsQuestion ? (enps.length >= k ? enpsStats(enps, (cell, count) => noised(`block:${block.key}:enps:${cell}`, count)) : fewer()) : null,
    };
  });

  // Nominations, through blocks only.
  const nominationQuestions = input.questions.filter((q) => q.kind === "nomination");
  const primary = nominationQuestions.find((q) => q.construct === "followership") ?? nominationQuestions[0];
  type Received = { byQuestion: Map<string, number>; groups: Set<string>; departments: Set<string>; inLine: number; outsideLine: number; unknown: number; fromOwnTeam: number };
  const received = new Map<string, Received>();
  const edgeWeights = new Map<string, { block: string; personId: string; byQuestion: Map<string, number>; total: number }>();
  for (const nomination of input.nominations) {
    const block = responseBlock.get(nomination.responseId);
    if (!block || !questionById.has(nomination.questionId)) continue;
    const entry = received.get(nomination.nomineeId) ?? { byQuestion: new Map(), groups: new Set(), departments: new Set(), inLine: 0, outsideLine: 0, unknown: 0, fromOwnTeam: 0 };
    received.set(nomination.nomineeId, entry);
    entry.byQuestion.set(nomination.questionId, (entry.byQuestion.get(nomination.questionId) ?? 0) + 1);
    entry.groups.add(block.key);
    if (block.department) entry.departments.add(block.department);
    if (primary && nomination.questionId === primary.id) {
      const reports = followerReportsToNominee(nomination.relation);
      if (reports === true) entry.inLine++;
      else if (reports === false) entry.outsideLine++;
      else entry.unknown++;
      if (block.kind === "team" && block.managerId === nomination.nomineeId && reports === true) entry.fromOwnTeam++;
    }
    const edgeKey = `${block.key}>${nomination.nomineeId}`;
    const edge = edgeWeights.get(edgeKey) ?? { block: block.key, personId: nomination.nomineeId, byQuestion: new Map(), total: 0 };
    edgeWeights.set(edgeKey, edge);
    edge.total++;
    edge.byQuestion.set(nomination.questionId, (edge.byQuestion.get(nomination.questionId) ?? 0) + 1);
  }

  // The influence graph: everyone invited belongs to their segment's block.
  const blockKeys = new Set(blocks.map((block) => block.key));
  const membership = input.memberships
    .map(({ personId, segment }) => ({ personId, block: blockForSegment(segment, blockOf, blockKeys) }))
    .filter((entry): entry is { personId: string; block: string } => entry.block !== null);
  const activePeople = input.people.filter((person) => person.active || received.has(person.id));
  const metrics = influenceMetrics(
    buildInfluenceGraph({
      personIds: activePeople.map((person) => person.id),
      membership,
      edges: [...edgeWeights.values()].map((edge) => ({ block: edge.block, personId: edge.personId, weight: edge.total })),
    }),
    { brokerage: input.brokerage ?? true },
  );

  // Formal authority from the org chart of active people.
  const span = spansOfControl(input.people.filter((person) => person.active));
  const ownTeamResponses = new Map<string, number>();
  for (const block of blocks) if (block.kind === "team" && block.managerId) ownTeamResponses.set(block.managerId, (ownTeamResponses.get(block.managerId) ?? 0) + block.responses);

  const edges = [...edgeWeights.values()].map((edge) => ({
    block: edge.block,
    personId: edge.personId,
    weight: noised(`edge:${edge.block}>${edge.personId}`, edge.total),
    byQuestion: Object.fromEntries([...edge.byQuestion].map(([questionId, count]) => [questionId, noised(`edge:${edge.block}>${edge.personId}:${questionId}`, count)])),
  }));

  const people: PersonFigures[] = activePeople.map((person) => {
    const entry = received.get(person.id);
    const followers: Record<string, number> = {};
    for (const question of nominationQuestions) {
      const count = entry?.byQuestion.get(question.id) ?? 0;
      followers[question.id] = noised(`person:${person.id}:followers:${question.id}`, count);
    }
    const disclosed = (entry?.inLine ?? 0) + (entry?.outsideLine ?? 0);
    const teamResponses = ownTeamResponses.get(person.id);
    const formal = span.get(person.id) ?? { direct: 0, total: 0 };
    return {
      id: person.id,
      name: person.name,
      title: person.title,
      department: person.department,
      managerId: person.managerId,
      level: person.level,
      directReports: formal.direct,
      totalReports: formal.total,
      followers,
      primaryFollowers: primary ? (followers[primary.id] ?? 0) : 0,
      reach: { groups: entry?.groups.size ?? 0, departments: entry?.departments.size ?? 0 },
      // A share of fewer than k followers would say too much about each of them.
      earnedShare:
        disclosed >= k
          ? { share: entry!.outsideLine / disclosed, inLine: entry!.inLine, outsideLine: entry!.outsideLine, unknown: entry!.unknown }
          : fewer(),
      followBack: formal.direct === 0 ? null : teamResponses ? { share: (entry?.fromOwnTeam ?? 0) / teamResponses, followers: entry?.fromOwnTeam ?? 0, responses: teamResponses } : fewer(),
      pagerank: metrics.pagerank.get(person.id) ?? 0,
      brokerage: metrics.brokerage?.get(person.id) ?? null,
      community: metrics.community.get(person.id) ?? null,
    };
  });

  const textQuestions = new Set(input.questions.filter((q) => q.kind === "text").map((q) => q.id));
  const unverified = input.responses.filter((response) => !response.verified && responseBlock.has(response.id)).length;
  const invited = input.participation.reduce((sum, row) => sum + row.invited, 0);
  const answered = input.participation.reduce((sum, row) => sum + row.answered, 0);

  return {
    version: 1,
    waveId: input.waveId,
    k,
    noised: noise !== null,
    responses: released >= k ? { total: noised("responses", released), unverified: noised("responses:unverified", unverified) } : fewer(),
    participation: { invited, answered, byDepartment: participationByDepartment(input.participation, k) },
    nominationQuestions: nominationQuestions.map((q) => ({ id: q.id, key: q.key, prompt: q.prompt, construct: q.construct, primary: q.id === primary?.id })),
    constructs,
    blocks: blockFigures,
    pooledSegments: [...segmentCounts.keys()]
      .filter((segment) => !blockByKey.has(`segment:${segment}`))
      .map((segment) => ({ segment, block: blockOf.get(segment) ?? null })),
    people,
    edges,
    membership,
    flows: departmentFlows(edges, blockFigures, personById),
    comments: input.texts
      .filter((text) => textQuestions.has(text.questionId) && responseBlock.has(text.responseId))
      .map((text) => ({ block: responseBlock.get(text.responseId)!.key, questionId: text.questionId, text: text.text })),
  };
}

/**
 * Influence between departments: nominations from blocks of one department to people of another.
 * A sum of (published) edges, so it covers whole blocks like everything else.
 */
export function departmentFlows(
  edges: { block: string; personId: string; weight: number }[],
  blocks: { key: string; department: string | null }[],
  people: Map<string, { department: string | null }>,
): { from: string; to: string; weight: number }[] {
  const departmentOf = new Map(blocks.map((block) => [block.key, block.department]));
  const flows = new Map<string, { from: string; to: string; weight: number }>();
  for (const edge of edges) {
    const from = departmentOf.get(edge.block);
    const to = people.get(edge.personId)?.department;
    if (!from || !to) continue;
    const key = `${from}\u0000${to}`;
    const flow = flows.get(key) ?? { from, to, weight: 0 };
    flows.set(key, flow);
    flow.weight += edge.weight;
  }
  return [...flows.values()].sort((a, b) => b.weight - a.weight || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

function enpsStats(values: number[], noised: (cell: string, count: number) => number): EnpsStats {
  const promoters = values.filter((value) => value >= 9).length;
  const detractors = values.filter((value) => value <= 6).length;
  const passives = values.length - promoters - detractors;
  return {
    score: Math.round(((promoters - detractors) / values.length) * 100),
    n: noised("n", values.length),
    promoters: noised("promoters", promoters),
    passives: noised("passives", passives),
    detractors: noised("detractors", detractors),
  };
}
