import type { QuestionKind } from "@db/schema";
import { formCommentGroups } from "~/modules/anonymity/comment-groups";
import { producersOf } from "~/modules/anonymity/groups";
import { participationByDepartment, participationTotal, type DepartmentParticipation, type ParticipationTotal } from "~/modules/anonymity/participation";
import type { Noise } from "~/modules/anonymity/privacy";
import type { Suppressed } from "~/modules/anonymity/suppression";
import { spansOfControl } from "~/modules/people/org-chart";
import { blockScores, type Cell, type ConstructStats, type EnpsStats } from "./block-scores";
import { blockLabel, formBlocks, memberBlock, type Block } from "./blocks";
import { buildInfluenceGraph, influenceMetrics } from "./graph";
import type { NetworkLayout } from "./network-layout";
import { quadrantRule, type QuadrantRule } from "./quadrant";
import { placementStability, type Stability } from "./stability";
import { ReportingLines } from "./reporting-line";

/**
 * The analytics of one wave: pure, from plain data to the figures the dashboards show. Every
 * figure is a sum over whole blocks (blocks.ts), so over at least k responses; what cannot be
 * shown comes out as `{ suppressed: true, reason }`, never as zero.
 */

export type { Cell, ConstructStats, EnpsStats };

/** Readers recompute a snapshot whose version is not this one (analytics.server.ts). */
export const ANALYTICS_VERSION = 4;

export type EngineQuestion = { id: string; key: string; kind: QuestionKind; construct: string | null; prompt: string };

export type EngineInput = {
  waveId: string;
  k: number;
  commentMinimum: number;
  /** Comments are published once the wave has closed, never before. */
  closed: boolean;
  people: { id: string; name: string; title: string | null; department: string | null; managerId: string | null; level: string | null; active: boolean }[];
  /** Each invited person's segment (from the wave's invitations). */
  memberships: { personId: string; segment: string }[];
  participation: { department: string | null; invited: number; answered: number }[];
  questions: EngineQuestion[];
  responses: { id: string; group: string }[];
  numbers: { responseId: string; questionId: string; value: number }[];
  texts: { responseId: string; questionId: string; text: string }[];
  /** How many responses of a group chose a person in a question (summed over releases or not). */
  nominations: { group: string; questionId: string; nomineeId: string; count: number }[];
  noise: Noise | null;
};

export type BlockFigures = {
  key: string;
  kind: Block["kind"];
  department: string | null;
  managerId: string | null;
  label: string;
  responses: number;
  constructs: Record<string, Cell<ConstructStats>>;
  enps: Cell<EnpsStats> | null;
};

/**
 * Where a person's followers (on the primary question) come from relative to their reporting
 * line: from groups wholly below them, wholly outside, or straddling it (unknown).
 */
export type LineCounts = { below: number; outside: number; unknown: number };

/** A manager's own team: how many of its answers are in the team's own groups, and how many chose them. */
export type FollowBack = { chose: number; known: number; team: number };

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
  line: LineCounts;
  followBack: FollowBack | null;
  pagerank: number;
  /** Whether their place in the quadrant holds when groups of answers are left out or resampled. */
  stability: Stability | null;
};

export type WaveAnalytics = {
  version: typeof ANALYTICS_VERSION;
  waveId: string;
  k: number;
  noised: boolean;
  closed: boolean;
  responses: Cell<{ total: number; openLink: number }>;
  /** Null in a leader's view: participation is shown to admins only. */
  participation: { total: ParticipationTotal; byDepartment: DepartmentParticipation[] } | null;
  /** Org-wide, so that every viewer sees the same placement (quadrant.ts). */
  quadrantRule: QuadrantRule;
  /**
   * `atLimit`: respondents who filled the question up to its limit; `wouldNameMore`: the share of
   * them who said they would name more (augmented fixed choice). Null without a limit or below k.
   */
  nominationQuestions: { id: string; key: string; prompt: string; construct: string | null; primary: boolean; atLimit: { respondents: number; wouldNameMore: number } | null }[];
  constructs: string[];
  blocks: BlockFigures[];
  people: PersonFigures[];
  edges: { block: string; personId: string; weight: number; byQuestion: Record<string, number> }[];
  membership: { personId: string; block: string }[];
  flows: { from: string; to: string; weight: number }[];
  /** Published at close only, each group of at least the comment minimum (comment-groups.ts). */
  commentGroups: { key: string; blocks: string[]; comments: { questionId: string; text: string }[] }[];
  /**
   * Where the network page draws each block: added by the snapshot job (analytics.server.ts), so
   * that the layout library stays out of anything that imports the engine for a type or a label.
   */
  layout?: NetworkLayout;
};

const fewer = (): Suppressed => ({ suppressed: true, reason: "fewer-than-k" });

export function computeWaveAnalytics(input: EngineInput): WaveAnalytics {
  const { k, noise } = input;
  const noised = (cell: string, count: number) => (noise ? noise(cell, count) : count);
  const names = new Map(input.people.map((person) => [person.id, person.name]));
  const personById = new Map(input.people.map((person) => [person.id, person]));

  const groupCounts = new Map<string, number>();
  for (const response of input.responses) groupCounts.set(response.group, (groupCounts.get(response.group) ?? 0) + 1);
  const blocks = formBlocks(groupCounts, k);
  const blockByKey = new Map(blocks.map((block) => [block.key, block]));
  const responseBlock = new Map<string, Block>();
  for (const response of input.responses) {
    const block = blockByKey.get(response.group);
    if (block) responseBlock.set(response.id, block);
  }

  const likertConstruct = new Map(input.questions.filter((q) => q.kind === "likert" && q.construct).map((q) => [q.id, q.construct!]));
  const constructs = [...new Set(likertConstruct.values())].sort();
  const enpsQuestion = input.questions.find((q) => q.kind === "scale" && q.construct === "engagement") ?? input.questions.find((q) => q.kind === "scale");
  const scores = blockScores({ k, blocks, responseBlock, numbers: input.numbers, likertConstruct, constructs, enpsQuestionId: enpsQuestion?.id ?? null, noised });
  const blockFigures: BlockFigures[] = blocks.map((block) => ({
    key: block.key,
    kind: block.kind,
    department: block.department,
    managerId: block.managerId,
    label: blockLabel(block, names),
    responses: noised(`block:${block.key}:responses`, block.responses),
    ...scores.get(block.key)!,
  }));

  const nominationQuestions = input.questions.filter((q) => q.kind === "nomination");
  const primary = nominationQuestions.find((q) => q.construct === "followership") ?? nominationQuestions[0];
  const segmentOf = new Map(input.memberships.map((membership) => [membership.personId, membership.segment]));
  const received = receivedNominations(input, blockByKey, new Set(input.questions.map((q) => q.id)), primary?.id ?? null, segmentOf);

  const blockKeys = new Set(blocks.map((block) => block.key));
  const membership = input.memberships
    .map(({ personId, segment }) => ({ personId, block: memberBlock(segment, blockKeys) }))
    .filter((entry): entry is { personId: string; block: string } => entry.block !== null);
  const activePeople = input.people.filter((person) => person.active || received.byPerson.has(person.id));
  const metrics = influenceMetrics(
    buildInfluenceGraph({
      personIds: activePeople.map((person) => person.id),
      membership,
      edges: [...received.edges.values()].map((edge) => ({ block: edge.block, personId: edge.personId, weight: edge.total })),
    }),
  );
  const span = spansOfControl(input.people.filter((person) => person.active));
  const edges = [...received.edges.values()].map((edge) => ({
    block: edge.block,
    personId: edge.personId,
    weight: noised(`edge:${edge.block}>${edge.personId}`, edge.total),
    byQuestion: Object.fromEntries([...edge.byQuestion].map(([questionId, count]) => [questionId, noised(`edge:${edge.block}>${edge.personId}:${questionId}`, count)])),
  }));
  const teamSizes = new Map<string, number>();
  for (const { personId } of input.memberships) {
    const manager = personById.get(personId)?.managerId;
    if (manager) teamSizes.set(manager, (teamSizes.get(manager) ?? 0) + 1);
  }

  const people: PersonFigures[] = activePeople.map((person) => {
    const entry = received.byPerson.get(person.id);
    const followers: Record<string, number> = {};
    for (const question of nominationQuestions) followers[question.id] = noised(`person:${person.id}:followers:${question.id}`, entry?.byQuestion.get(question.id) ?? 0);
    const formal = span.get(person.id) ?? { direct: 0, total: 0 };
    const ownTeam = blocks.filter((block) => block.kind === "team" && block.managerId === person.id);
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
      line: entry?.line ?? { below: 0, outside: 0, unknown: 0 },
      followBack:
        formal.direct === 0
          ? null
          : { chose: entry?.fromOwnTeam ?? 0, known: ownTeam.reduce((sum, block) => sum + block.responses, 0), team: teamSizes.get(person.id) ?? formal.direct },
      pagerank: metrics.pagerank.get(person.id) ?? 0,
      stability: null,
    };
  });
  const rule = quadrantRule(people);
  const stability = placementStability(people, primaryFollowersByBlock(received.edges, primary?.id), rule, seedOf(input.waveId));
  for (const person of people) person.stability = stability.get(person.id) ?? null;

  const released = responseBlock.size;
  const openLink = input.responses.filter((response) => responseBlock.get(response.id)?.kind === "open-link").length;
  const invited = input.participation.reduce((sum, row) => sum + row.invited, 0);
  const answered = input.participation.reduce((sum, row) => sum + row.answered, 0);
  return {
    version: ANALYTICS_VERSION,
    waveId: input.waveId,
    k,
    noised: noise !== null,
    closed: input.closed,
    responses: released >= k ? { total: noised("responses", released), openLink: noised("responses:open-link", openLink) } : fewer(),
    participation: { total: participationTotal(invited, answered, k), byDepartment: participationByDepartment(input.participation, k) },
    quadrantRule: rule,
    nominationQuestions: nominationQuestions.map((q) => ({ id: q.id, key: q.key, prompt: q.prompt, construct: q.construct, primary: q.id === primary?.id, atLimit: atLimit(input, q.id, responseBlock) })),
    constructs,
    blocks: blockFigures,
    people,
    edges,
    membership,
    flows: departmentFlows(edges, blockFigures, personById),
    commentGroups: input.closed ? commentGroups(input, blocks, responseBlock) : [],
  };
}

function primaryFollowersByBlock(edges: ReadonlyMap<string, { block: string; personId: string; byQuestion: Map<string, number> }>, primaryId: string | undefined) {
  const byBlock = new Map<string, Map<string, number>>();
  for (const edge of edges.values()) {
    const count = primaryId ? (edge.byQuestion.get(primaryId) ?? 0) : 0;
    if (!byBlock.has(edge.block)) byBlock.set(edge.block, new Map());
    if (count > 0) byBlock.get(edge.block)!.set(edge.personId, count);
  }
  return byBlock;
}

/** A seed from the wave, so that a wave's stability labels never change between computations. */
function seedOf(waveId: string): number {
  let seed = 2166136261;
  for (const char of waveId) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619) >>> 0;
  return seed;
}

/** Answers to a nomination question mark a respondent at its limit: 1 would name more, 0 would not. */
function atLimit(input: EngineInput, questionId: string, responseBlock: ReadonlyMap<string, Block>): WaveAnalytics["nominationQuestions"][number]["atLimit"] {
  const marks = input.numbers.filter((answer) => answer.questionId === questionId && responseBlock.has(answer.responseId));
  if (marks.length < input.k) return null;
  return { respondents: marks.length, wouldNameMore: marks.filter((mark) => mark.value === 1).length / marks.length };
}

type Received = { byQuestion: Map<string, number>; line: LineCounts; fromOwnTeam: number };

/** Nominations through blocks: per nominee, per block → nominee edge, and the line each came from. */
function receivedNominations(input: EngineInput, blockByKey: ReadonlyMap<string, Block>, questionIds: ReadonlySet<string>, primaryId: string | null, segmentOf: ReadonlyMap<string, string>) {
  const lines = new ReportingLines(input.people);
  const producers = new Map<string, string[]>();
  const sideOf = (block: Block, nominee: string) => {
    if (block.kind === "open-link") return "unknown" as const;
    let list = producers.get(block.key);
    if (!list) producers.set(block.key, (list = producersOf(block.key, segmentOf) ?? []));
    return lines.side(list, nominee);
  };
  const byPerson = new Map<string, Received>();
  const edges = new Map<string, { block: string; personId: string; byQuestion: Map<string, number>; total: number }>();
  for (const nomination of input.nominations) {
    const block = blockByKey.get(nomination.group);
    if (!block || !questionIds.has(nomination.questionId)) continue;
    const { count } = nomination;
    const entry = byPerson.get(nomination.nomineeId) ?? { byQuestion: new Map(), line: { below: 0, outside: 0, unknown: 0 }, fromOwnTeam: 0 };
    byPerson.set(nomination.nomineeId, entry);
    entry.byQuestion.set(nomination.questionId, (entry.byQuestion.get(nomination.questionId) ?? 0) + count);
    if (nomination.questionId === primaryId) {
      entry.line[sideOf(block, nomination.nomineeId)] += count;
      // The team's own group is the manager's team: its choices of the manager are the team's.
      if (block.kind === "team" && block.managerId === nomination.nomineeId) entry.fromOwnTeam += count;
    }
    const edgeKey = `${block.key}>${nomination.nomineeId}`;
    const edge = edges.get(edgeKey) ?? { block: block.key, personId: nomination.nomineeId, byQuestion: new Map(), total: 0 };
    edges.set(edgeKey, edge);
    edge.total += count;
    edge.byQuestion.set(nomination.questionId, (edge.byQuestion.get(nomination.questionId) ?? 0) + count);
  }
  return { byPerson, edges };
}

function commentGroups(input: EngineInput, blocks: Block[], responseBlock: ReadonlyMap<string, Block>): WaveAnalytics["commentGroups"] {
  const textQuestions = new Set(input.questions.filter((q) => q.kind === "text").map((q) => q.id));
  const groups = formCommentGroups(blocks, input.commentMinimum);
  const groupOf = new Map(groups.flatMap((group) => group.blocks.map((block) => [block, group.key] as const)));
  const comments = new Map(groups.map((group) => [group.key, [] as { questionId: string; text: string }[]]));
  for (const text of input.texts) {
    const block = responseBlock.get(text.responseId);
    const group = block ? groupOf.get(block.key) : undefined;
    if (group && textQuestions.has(text.questionId)) comments.get(group)!.push({ questionId: text.questionId, text: text.text });
  }
  return groups.map((group) => ({ key: group.key, blocks: group.blocks, comments: comments.get(group.key)! }));
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
