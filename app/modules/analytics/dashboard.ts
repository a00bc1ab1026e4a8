import type { Suppressed } from "~/modules/anonymity/suppression";
import { departmentFlows, type BlockFigures, type Cell, type ConstructStats, type EnpsStats, type WaveAnalytics } from "./engine";
import { personIndex } from "./person-index";
import { quadrantOf } from "./quadrant";
import { earnedShare } from "./shares";

/**
 * Reading snapshots for a dashboard: scoping to a leader's subtree, grouping blocks, the
 * quadrant, trends. Pure. Aggregates only ever add up published block figures, so they cover
 * whole blocks of at least k responses too.
 */

export type Scope = { kind: "organization" } | { kind: "subtree"; personIds: ReadonlySet<string>; rootName: string };

const fewer = (): Suppressed => ({ suppressed: true, reason: "fewer-than-k" });

export function isShown<T extends object>(cell: Cell<T> | null | undefined): cell is T {
  return Boolean(cell) && !("suppressed" in (cell as object));
}

/**
 * What a member may see of a wave. A leader sees the blocks of teams inside their subtree, the
 * people of their subtree, and the edges between them; pooled blocks mix people from elsewhere
 * and are left out.
 */
export function scopeAnalytics(analytics: WaveAnalytics, scope: Scope): WaveAnalytics {
  if (scope.kind === "organization") return analytics;
  const inScope = (id: string | null) => id !== null && scope.personIds.has(id);
  const blocks = analytics.blocks.filter((block) => block.kind === "team" && inScope(block.managerId));
  const blockKeys = new Set(blocks.map((block) => block.key));
  const people = analytics.people.filter((person) => inScope(person.id));
  const edges = analytics.edges.filter((edge) => blockKeys.has(edge.block) && inScope(edge.personId));
  const responses = blocks.reduce((sum, block) => sum + block.responses, 0);
  return {
    ...analytics,
    responses: blocks.length > 0 ? { total: responses, openLink: 0 } : fewer(),
    participation: null,
    blocks,
    people,
    edges,
    membership: analytics.membership.filter((entry) => blockKeys.has(entry.block) && inScope(entry.personId)),
    flows: departmentFlows(edges, blocks, new Map(people.map((person) => [person.id, person]))),
    // Whole comment groups only: the organization's comments minus a leader's are whole groups too.
    commentGroups: analytics.commentGroups.filter((group) => group.blocks.every((block) => blockKeys.has(block))),
  };
}

/** Weighted mean over the blocks that show the construct; distributions add up. */
export function aggregateConstruct(blocks: BlockFigures[], construct: string): Cell<ConstructStats> {
  const shown = blocks.map((block) => block.constructs[construct]).filter(isShown);
  const n = shown.reduce((sum, stats) => sum + stats.n, 0);
  if (shown.length === 0 || n === 0) return fewer();
  return {
    mean: shown.reduce((sum, stats) => sum + stats.mean * stats.n, 0) / n,
    n,
    distribution: [0, 1, 2, 3, 4].map((i) => shown.reduce((sum, stats) => sum + (stats.distribution[i] ?? 0), 0)),
  };
}

export function aggregateEnps(blocks: BlockFigures[]): Cell<EnpsStats> {
  const shown = blocks.map((block) => block.enps).filter(isShown);
  const n = shown.reduce((sum, stats) => sum + stats.n, 0);
  if (shown.length === 0 || n === 0) return fewer();
  const promoters = shown.reduce((sum, stats) => sum + stats.promoters, 0);
  const detractors = shown.reduce((sum, stats) => sum + stats.detractors, 0);
  const passives = shown.reduce((sum, stats) => sum + stats.passives, 0);
  return { score: Math.round(((promoters - detractors) / Math.max(1, promoters + passives + detractors)) * 100), n, promoters, passives, detractors };
}

/** Authority index: earned minus positional authority, on the 1–5 agreement scale (−4 to +4). */
export function authorityIndex(blocks: BlockFigures[]): Cell<{ value: number }> {
  const earned = aggregateConstruct(blocks, "authority.earned");
  const positional = aggregateConstruct(blocks, "authority.positional");
  if (!isShown(earned) || !isShown(positional)) return fewer();
  return { value: earned.mean - positional.mean };
}

export type GroupRow = {
  key: string;
  label: string;
  responses: number;
  constructs: Record<string, Cell<ConstructStats>>;
  authorityIndex: Cell<{ value: number }>;
  enps: Cell<EnpsStats>;
};

function groupRow(key: string, label: string, blocks: BlockFigures[], constructs: string[]): GroupRow {
  return {
    key,
    label,
    responses: blocks.reduce((sum, block) => sum + block.responses, 0),
    constructs: Object.fromEntries(constructs.map((construct) => [construct, aggregateConstruct(blocks, construct)])),
    authorityIndex: authorityIndex(blocks),
    enps: aggregateEnps(blocks),
  };
}

/** One row per department (its blocks together) and one for the whole scope. */
export function departmentRows(analytics: WaveAnalytics): { total: GroupRow; departments: GroupRow[]; groups: GroupRow[] } {
  const byDepartment = new Map<string, BlockFigures[]>();
  for (const block of analytics.blocks) {
    if (!block.department) continue;
    byDepartment.set(block.department, [...(byDepartment.get(block.department) ?? []), block]);
  }
  return {
    total: groupRow("all", "All responses", analytics.blocks, analytics.constructs),
    departments: [...byDepartment]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([department, blocks]) => groupRow(`department:${department}`, department, blocks, analytics.constructs)),
    groups: analytics.blocks.map((block) => groupRow(block.key, block.label, [block], analytics.constructs)).sort((a, b) => a.label.localeCompare(b.label)),
  };
}

// Trends across the waves of a series.

export type WavePoint = { number: number; analytics: WaveAnalytics };

export function constructTrends(waves: WavePoint[]): { construct: string; points: { wave: number; mean: number | null }[] }[] {
  const constructs = [...new Set(waves.flatMap((wave) => wave.analytics.constructs))].sort();
  return constructs.map((construct) => ({
    construct,
    points: waves.map((wave) => {
      const cell = aggregateConstruct(wave.analytics.blocks, construct);
      return { wave: wave.number, mean: isShown(cell) ? cell.mean : null };
    }),
  }));
}

export function enpsTrend(waves: WavePoint[]): { wave: number; score: number | null }[] {
  return waves.map((wave) => {
    const cell = aggregateEnps(wave.analytics.blocks);
    return { wave: wave.number, score: isShown(cell) ? cell.score : null };
  });
}

/** A wave without any block has no figures at all: null, not zero. */
export function personTrend(waves: WavePoint[], personId: string) {
  return waves.map((wave) => {
    const person = wave.analytics.blocks.length > 0 ? personIndex(wave.analytics).people.get(personId) : undefined;
    return {
      wave: wave.number,
      followers: person ? person.primaryFollowers : null,
      earnedShare: person ? earnedShare(person.line, wave.analytics.k) : null,
      pagerank: person?.pagerank ?? null,
      quadrant: person ? quadrantOf(person, wave.analytics.quadrantRule) : null,
      stability: person?.stability ?? null,
    };
  });
}
