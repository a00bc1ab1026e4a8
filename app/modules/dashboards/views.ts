import { aggregateConstruct, aggregateEnps, authorityIndex, authorityTrend, constructLabel, constructTrends, departmentRows, enpsTrend, isShown, type WavePoint } from "~/modules/analytics/dashboard";
import type { PersonFigures, WaveAnalytics } from "~/modules/analytics/engine";
import { isPseudonym } from "~/modules/analytics/naming";
import { quadrantOf, quadrantSentence, QUADRANTS, type QuadrantKey } from "~/modules/analytics/quadrant";
import { earnedShare, followBackShare, type ShareFigure } from "~/modules/analytics/shares";

/**
 * What each dashboard page sends to the browser: only the figures it shows, already suppressed
 * and scoped. Loader data is readable in the page source, so nothing else goes in.
 */

export type Shown<T> = T | { suppressed: true };

export type EmptyReason = "computing" | "below-k" | "no-blocks-in-scope";

/** Why a dashboard has nothing to show: no snapshot yet, or no block of k responses in scope. */
export function emptyReason(analytics: { blocks: unknown[] } | null, scope: { kind: string }): EmptyReason | null {
  if (!analytics) return "computing";
  if (analytics.blocks.length > 0) return null;
  return scope.kind === "subtree" ? "no-blocks-in-scope" : "below-k";
}
const hidden = { suppressed: true as const };

export function overviewView(analytics: WaveAnalytics, points: WavePoint[], shuffle: <T>(items: T[]) => T[]) {
  const rows = departmentRows(analytics);
  const responses = isShown(analytics.responses) ? analytics.responses.total : null;
  const enps = aggregateEnps(analytics.blocks);
  const index = authorityIndex(analytics.blocks);
  const comments = analytics.commentGroups.flatMap((group) => group.comments.map((comment) => comment.text));
  return {
    noised: analytics.noised,
    responses,
    participation: analytics.participation,
    constructs: analytics.constructs.map((construct) => {
      const cell = aggregateConstruct(analytics.blocks, construct);
      return { construct, label: constructLabel(construct), ...(isShown(cell) ? { mean: cell.mean, n: cell.n, distribution: cell.distribution } : hidden) };
    }),
    enps: isShown(enps) ? enps : hidden,
    authorityIndex: isShown(index) ? index.value : null,
    trends: {
      constructs: constructTrends(points).map((trend) => ({ ...trend, label: constructLabel(trend.construct) })),
      enps: enpsTrend(points),
      authority: authorityTrend(points),
    },
    departments: rows.departments.map((row) => ({ label: row.label, responses: row.responses })),
    // Comments appear at close, in whole comment groups, shuffled on every view.
    comments: analytics.closed ? { state: "shown" as const, items: shuffle(comments) } : { state: "at-close" as const },
  };
}

export function teamsView(analytics: WaveAnalytics) {
  const rows = departmentRows(analytics);
  const toRow = (row: ReturnType<typeof departmentRows>["total"]) => ({
    key: row.key,
    label: row.label,
    responses: row.responses,
    cells: analytics.constructs.map((construct) => {
      const cell = row.constructs[construct];
      return isShown(cell) ? { construct, mean: cell.mean, n: cell.n } : { construct, suppressed: true as const };
    }),
    authorityIndex: isShown(row.authorityIndex) ? row.authorityIndex.value : null,
  });
  return {
    constructs: analytics.constructs.map((construct) => ({ construct, label: constructLabel(construct) })),
    total: toRow(rows.total),
    departments: rows.departments.map(toRow),
    groups: rows.groups.map(toRow),
  };
}

/** What "followers" means in this wave, in one sentence: the answers to its primary nomination question. */
export function followersMeaning(analytics: Pick<WaveAnalytics, "nominationQuestions">): string {
  const primary = analytics.nominationQuestions.find((question) => question.primary);
  return primary ? `Followers are the people who chose them on “${primary.prompt}”` + "." : "This wave asks no one to choose people, so nobody has followers.";
}

export function quadrantView(analytics: WaveAnalytics) {
  const points = analytics.people.map((person) => ({
    id: person.id,
    name: person.name,
    title: person.title,
    department: person.department,
    reports: person.totalReports,
    directReports: person.directReports,
    followers: person.primaryFollowers,
    quadrant: quadrantOf(person, analytics.quadrantRule),
    stability: person.stability,
    named: !isPseudonym(person.id),
  }));
  const list = (quadrant: QuadrantKey) =>
    points
      .filter((point) => point.quadrant === quadrant)
      .sort((a, b) => b.followers - a.followers || a.name.localeCompare(b.name))
      .slice(0, 25);
  return {
    rule: analytics.quadrantRule,
    sentence: quadrantSentence(analytics.quadrantRule, followersMeaning(analytics)),
    followers: followersMeaning(analytics),
    quadrants: QUADRANTS,
    counts: Object.fromEntries((Object.keys(QUADRANTS) as QuadrantKey[]).map((key) => [key, points.filter((p) => p.quadrant === key).length])) as Record<QuadrantKey, number>,
    points: points.filter((point) => point.followers > 0 || point.directReports > 0),
    informalLeaders: list("informal-leader"),
    positionalManagers: list("positional-manager"),
    leadersWithAuthority: list("leader-with-authority"),
  };
}

export type PeopleSort = "followers" | "pagerank" | "earned" | "name";

/** Where a share sorts: its middle, hidden ones last. */
const shareKey = (figure: ShareFigure) => (figure.shown === "exact" ? figure.share : figure.shown === "range" ? (figure.low + figure.high) / 2 : -1);

export function peopleTable(analytics: WaveAnalytics, { sort, page, pageSize = 50, department }: { sort: PeopleSort; page: number; pageSize?: number; department?: string }) {
  const rows = analytics.people
    .filter((person) => !department || person.department === department)
    .map((person) => ({
      id: person.id,
      name: person.name,
      title: person.title,
      department: person.department,
      followers: person.primaryFollowers,
      allNominations: Object.values(person.followers).reduce((sum, count) => sum + count, 0),
      earnedShare: earnedShare(person.line, analytics.k),
      followBack: person.followBack ? followBackShare(person.followBack, analytics.k) : null,
      directReports: person.directReports,
      totalReports: person.totalReports,
      pagerank: person.pagerank,
      quadrant: quadrantOf(person, analytics.quadrantRule),
      stability: person.stability,
      named: !isPseudonym(person.id),
    }));
  const key: Record<PeopleSort, (row: (typeof rows)[number]) => number | string> = {
    followers: (row) => -row.followers,
    pagerank: (row) => -row.pagerank,
    earned: (row) => -shareKey(row.earnedShare),
    name: (row) => row.name,
  };
  rows.sort((a, b) => {
    const x = key[sort](a);
    const y = key[sort](b);
    return x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
  });
  return { total: rows.length, rows: rows.slice((page - 1) * pageSize, page * pageSize) };
}
