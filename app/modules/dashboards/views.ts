import { aggregateConstruct, aggregateEnps, authorityIndex, departmentRows, isShown } from "~/modules/analytics/dashboard";
import { constructLabel } from "~/modules/surveys/constructs";
import type { PersonFigures, WaveAnalytics } from "~/modules/analytics/engine";
import { isPseudonym } from "~/modules/analytics/naming";
import { quadrantOf, quadrantSentence, QUADRANTS, type QuadrantKey } from "~/modules/analytics/quadrant";
import { earnedShare, followBackShare, type ShareFigure } from "~/modules/analytics/shares";
import { defaultDirection, type PeopleSort, type SortDirection } from "./people-sort";

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

export function overviewView(analytics: WaveAnalytics, shuffle: <T>(items: T[]) => T[]) {
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

export type QuadrantPosition = { directReports: number; followers: number; quadrant: QuadrantKey; count: number; label: string };

/** Where people sit in the quadrant, one entry per position with how many sit there: bounded by distinct positions, not people. */
export function quadrantPositions(people: readonly { name: string; directReports: number; primaryFollowers: number }[], rule: WaveAnalytics["quadrantRule"]): QuadrantPosition[] {
  const positions = new Map<string, QuadrantPosition>();
  for (const person of people) {
    if (person.primaryFollowers === 0 && person.directReports === 0) continue;
    const key = `${person.directReports}:${person.primaryFollowers}`;
    const position = positions.get(key);
    if (position) position.count++;
    else positions.set(key, { directReports: person.directReports, followers: person.primaryFollowers, quadrant: quadrantOf(person, rule), count: 1, label: person.name });
  }
  // A single person's tooltip names them as the naming allows ("Someone in …" otherwise); a crowd is a count.
  return [...positions.values()].map((position) => (position.count > 1 ? { ...position, label: `${position.count.toLocaleString("en")} people` } : position)).sort((a, b) => a.directReports - b.directReports || a.followers - b.followers);
}

export const POSITION_PAGE_SIZE = 25;

export function quadrantView(analytics: WaveAnalytics, selected: { directReports: number; followers: number; page: number } | null = null) {
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
  const atSelected = selected ? points.filter((point) => point.directReports === selected.directReports && point.followers === selected.followers).sort((a, b) => Number(b.named) - Number(a.named) || a.name.localeCompare(b.name)) : [];
  return {
    rule: analytics.quadrantRule,
    sentence: quadrantSentence(analytics.quadrantRule, followersMeaning(analytics)),
    followers: followersMeaning(analytics),
    quadrants: QUADRANTS,
    counts: Object.fromEntries((Object.keys(QUADRANTS) as QuadrantKey[]).map((key) => [key, points.filter((p) => p.quadrant === key).length])) as Record<QuadrantKey, number>,
    positions: quadrantPositions(analytics.people, analytics.quadrantRule),
    selected:
      selected && atSelected.length > 0
        ? {
            directReports: selected.directReports,
            followers: selected.followers,
            quadrant: atSelected[0]!.quadrant,
            total: atSelected.length,
            page: selected.page,
            people: atSelected.slice((selected.page - 1) * POSITION_PAGE_SIZE, selected.page * POSITION_PAGE_SIZE),
          }
        : null,
    informalLeaders: list("informal-leader"),
    positionalManagers: list("positional-manager"),
    leadersWithAuthority: list("leader-with-authority"),
  };
}


/** Where a share sorts: its middle; hidden ones have no place and go last either way. */
const shareKey = (figure: ShareFigure) => (figure.shown === "exact" ? figure.share : figure.shown === "range" ? (figure.low + figure.high) / 2 : null);

export type PeopleQuery = { sort: PeopleSort; dir?: SortDirection; department?: string };

/** Every row of the people table in order: made once per view and query, then paged. */
export function peopleRanking(analytics: WaveAnalytics, { sort, dir = defaultDirection(sort), department }: PeopleQuery) {
  const influenceRank = rankBy(analytics.people, (person) => person.pagerank);
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
      influenceRank: influenceRank.get(person.id)!,
      quadrant: quadrantOf(person, analytics.quadrantRule),
      stability: person.stability,
      named: !isPseudonym(person.id),
    }));
  const key: Record<PeopleSort, (row: (typeof rows)[number]) => number | string | null> = {
    followers: (row) => row.followers,
    earned: (row) => shareKey(row.earnedShare),
    reports: (row) => row.directReports,
    pagerank: (row) => row.pagerank,
    name: (row) => row.name,
  };
  const sign = dir === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: key[sort](row) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? byName(a.row, b.row) : a.key === null ? 1 : -1;
    const order = typeof a.key === "number" && typeof b.key === "number" ? a.key - b.key : byName(a.row, b.row);
    return order !== 0 ? sign * order : byName(a.row, b.row);
  });
  return keyed.map((entry) => entry.row);
}

const collator = new Intl.Collator("en");
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

export type PeopleRow = ReturnType<typeof peopleRanking>[number];

export function peoplePage(ranking: PeopleRow[], { page, pageSize = 50 }: { page: number; pageSize?: number }) {
  return { total: ranking.length, rows: ranking.slice((page - 1) * pageSize, page * pageSize) };
}

export function peopleTable(analytics: WaveAnalytics, { page, pageSize = 50, ...query }: PeopleQuery & { page: number; pageSize?: number }) {
  return peoplePage(peopleRanking(analytics, query), { page, pageSize });
}

/** Competition ranks (1, 2, 2, 4) from the highest score: a plain place instead of a raw score. */
function rankBy<T extends { id: string }>(items: readonly T[], score: (item: T) => number): Map<string, number> {
  const sorted = [...items].sort((a, b) => score(b) - score(a));
  const ranks = new Map<string, number>();
  sorted.forEach((item, i) => ranks.set(item.id, i > 0 && score(item) === score(sorted[i - 1]!) ? ranks.get(sorted[i - 1]!.id)! : i + 1));
  return ranks;
}
