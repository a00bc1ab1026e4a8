import { QUESTION_KEYS, type Dataset, type QuestionKey } from "./datasets";
import {
  betweenness,
  directReports,
  earnedShares,
  followBacks,
  inDegrees,
  pagerank,
  reaches,
  reportingLines,
  spearman,
  type Edge,
  type EarnedShare,
  type FollowBack,
  type Reach,
} from "./reference";
import { seededRandom } from "./random";
import type { PlayResult, QuadrantInput } from "./shown";

/**
 * The comparison: what the product showed (play.ts) against what an identified survey of the same
 * people shows (reference.ts), figure by figure, with the targets of the truth rule.
 */

export const TARGETS = {
  /** Spearman rank correlation of PageRank with the identified network's. */
  pagerank: 0.95,
  /** Spearman rank correlation of any other per-person metric shown with its identified counterpart. */
  rank: 0.9,
  /** Share of people whose quadrant equals the same rule applied to the identified network. */
  quadrant: 0.9,
  /** Largest absolute error of a share shown (earned share, follow-back), in points. */
  sharePoints: 5,
  /** Share of draws with a fifth of respondents missing in which a place called stable holds. */
  stableHolds: 0.9,
} as const;

/** The stability check: draws of the identified network with a share of respondents left out. */
const STABILITY_DRAWS = 50;
const MISSING = 0.2;

export type ReferenceFigures = {
  nodes: string[];
  managerOf: Map<string, string | null>;
  /** Identified in-degree per question. */
  followers: Record<QuestionKey, Map<string, number>>;
  /** On all nominations: edge weight = number of questions in which the tie is named. */
  pagerank: Map<string, number>;
  betweenness: Map<string, number>;
  reach: Map<string, Reach>;
  /** On the followership question (the product's primary question). */
  earnedShare: Map<string, EarnedShare>;
  followBack: Map<string, FollowBack>;
  directReports: Map<string, number>;
  totalReports: Map<string, number>;
};

export function referenceFigures(dataset: Dataset): ReferenceFigures {
  const nodes = dataset.people.map((person) => person.id);
  const managerOf = new Map(dataset.people.map((person) => [person.id, person.managerId]));
  const all = new Map<string, Edge>();
  for (const key of QUESTION_KEYS) {
    for (const tie of dataset.ties[key]) {
      const pair = `${tie.source}>${tie.target}`;
      const edge = all.get(pair) ?? { source: tie.source, target: tie.target, weight: 0 };
      edge.weight = (edge.weight ?? 0) + 1;
      all.set(pair, edge);
    }
  }
  const allEdges = [...all.values()];
  const people = new Map(dataset.people.map((person) => [person.id, person]));
  const lines = reportingLines(managerOf);
  return {
    nodes,
    managerOf,
    followers: Object.fromEntries(QUESTION_KEYS.map((key) => [key, inDegrees(nodes, dataset.ties[key])])) as Record<QuestionKey, Map<string, number>>,
    pagerank: pagerank(nodes, allEdges),
    betweenness: betweenness(nodes, allEdges),
    reach: reaches(nodes, allEdges, people),
    earnedShare: earnedShares(nodes, dataset.ties.follow, managerOf),
    followBack: followBacks(dataset.ties.follow, managerOf),
    directReports: new Map([...directReports(managerOf)].map(([id, reports]) => [id, reports.length])),
    totalReports: new Map([...lines].map(([id, below]) => [id, below.size])),
  };
}

export type Row = { figure: string; measured: string; target: string; met: boolean | null };
export type Comparison = { rows: Row[]; missed: number; details: string[] };

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)}%`);
const rho = (value: number | null) => (value === null ? "n/a" : value.toFixed(3));
const points = (share: number) => Math.round(share * 1000) / 10;

export function compare(dataset: Dataset, reference: ReferenceFigures, shown: PlayResult): Comparison {
  const rows: Row[] = [];
  const details: string[] = [];
  const ids = reference.nodes;
  let beyondNoise = 0;

  const entered = Object.fromEntries(QUESTION_KEYS.map((key) => [key, inDegrees(ids, shown.entered[key])])) as Record<QuestionKey, Map<string, number>>;
  let counted = 0;
  let countedCells = 0;
  for (const key of QUESTION_KEYS) {
    let equal = 0;
    for (const id of ids) {
      const value = shown.people.get(id)?.followers[key] ?? null;
      const truth = reference.followers[key].get(id) ?? 0;
      if (value === truth) equal++;
      else {
        beyondNoise++;
        details.push(`followers (${key}) of ${id}: shown ${value ?? "nothing"}, identified ${truth}`);
      }
      countedCells++;
      if (value === (entered[key].get(id) ?? 0)) counted++;
    }
    rows.push({ figure: `followers (${key}) = identified in-degree`, measured: `${percent(equal, ids.length)} (${equal} of ${ids.length})`, target: "100%", met: equal === ids.length });
  }
  rows.push({ figure: "followers = nominations actually entered (counting)", measured: `${percent(counted, countedCells)}`, target: "100%", met: counted === countedCells });

  const refusedIds = new Set(shown.refused.map((refusal) => refusal.personId));
  let intended = 0;
  let dropped = 0;
  const perQuestion: string[] = [];
  for (const key of QUESTION_KEYS) {
    const meant = dataset.ties[key].filter((tie) => !refusedIds.has(tie.source)).length;
    const lost = meant - shown.entered[key].length;
    intended += meant;
    dropped += lost;
    perQuestion.push(`${key} ${lost}/${meant} (limit ${shown.limits[key] ?? "none"})`);
  }
  rows.push({ figure: "ties not entered because of a limit", measured: `${percent(dropped, intended)} (${dropped} of ${intended}: ${perQuestion.join(", ")})`, target: "0%", met: dropped === 0 });
  if (shown.wouldNameMore) {
    const shares = QUESTION_KEYS.map((key) => `${key} ${shown.wouldNameMore![key] === null ? "—" : percent(shown.wouldNameMore![key]!, 1)}`);
    rows.push({ figure: "'I would name more' at the limit", measured: shares.join(", "), target: "reported", met: null });
  }
  rows.push({ figure: "submissions refused", measured: `${shown.refused.length} of ${shown.respondents}`, target: "0", met: shown.refused.length === 0 });
  for (const refusal of shown.refused) details.push(`refused ${refusal.personId}: ${refusal.reason}`);

  const rankRow = (figure: string, target: number, pick: (id: string) => number | null, truth: (id: string) => number) => {
    const pairs = ids.map((id) => [pick(id), truth(id)] as const).filter((pair): pair is readonly [number, number] => pair[0] !== null);
    if (pairs.length === 0) {
      rows.push({ figure, measured: "not shown", target: `ρ ≥ ${target} or not shown`, met: true });
      return;
    }
    const value = spearman(pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1]));
    const partial = pairs.length < ids.length ? ` (shown for ${pairs.length} of ${ids.length})` : "";
    rows.push({ figure, measured: `ρ = ${rho(value)}${partial}`, target: `≥ ${target}`, met: value === null ? null : value >= target });
  };
  pagerankRow(rows, ids, shown, reference);
  const top = (score: (id: string) => number) => new Set([...ids].sort((a, b) => score(b) - score(a) || a.localeCompare(b)).slice(0, 5));
  const shownTop = top((id) => shown.people.get(id)?.pagerank ?? 0);
  const identifiedTop = top((id) => reference.pagerank.get(id) ?? 0);
  rows.push({ figure: "PageRank top five shared", measured: `${[...shownTop].filter((id) => identifiedTop.has(id)).length} of 5`, target: "(information)", met: null });
  rankRow("reach: groups vs identified teams", TARGETS.rank, (id) => shown.people.get(id)?.reach?.groups ?? null, (id) => reference.reach.get(id)?.groups ?? 0);
  rankRow("reach: departments vs identified", TARGETS.rank, (id) => shown.people.get(id)?.reach?.departments ?? null, (id) => reference.reach.get(id)?.departments ?? 0);
  rankRow("brokerage vs identified betweenness", TARGETS.rank, (id) => shown.people.get(id)?.brokerage ?? null, (id) => reference.betweenness.get(id) ?? 0);

  // The quadrant: the product's own rule, applied once to its figures and once to the identified ones.
  const inputs: QuadrantInput[] = ids.map((id) => ({
    id,
    directReports: reference.directReports.get(id) ?? 0,
    totalReports: reference.totalReports.get(id) ?? 0,
    followers: Object.fromEntries(QUESTION_KEYS.map((key) => [key, reference.followers[key].get(id) ?? 0])) as Record<QuestionKey, number>,
    followBack: reference.followBack.get(id)?.share ?? null,
    earnedShare: reference.earnedShare.get(id)?.share ?? null,
  }));
  const identifiedClass = shown.classify(inputs);
  let sameClass = 0;
  for (const id of ids) {
    const mine = shown.people.get(id)?.quadrant ?? null;
    const truth = identifiedClass.get(id) ?? null;
    if (mine === truth) sameClass++;
    else {
      beyondNoise++;
      details.push(`quadrant of ${id}: shown ${mine ?? "nothing"}, identified ${truth}`);
    }
  }
  rows.push({ figure: "quadrant = same rule on identified network", measured: `${percent(sameClass, ids.length)} (${sameClass} of ${ids.length})`, target: `≥ ${TARGETS.quadrant * 100}%`, met: sameClass / ids.length >= TARGETS.quadrant });
  rows.push(...stabilityRows(dataset, reference, shown, inputs));

  // A share shown as a range is labelled for what it is: its error is how far the truth lies outside it.
  type ShownShare = { share: number } | { low: number; high: number };
  const shareRows = (name: string, shownShare: (id: string) => ShownShare | null, truth: Map<string, { share: number }>, population: string) => {
    let shownCount = 0;
    let ranges = 0;
    let worst = 0;
    let beyond = 0;
    for (const id of ids) {
      const value = shownShare(id);
      if (value === null) continue;
      shownCount++;
      const expected = truth.get(id);
      const [low, high] = "share" in value ? [value.share, value.share] : [value.low, value.high];
      if (!("share" in value)) ranges++;
      const error = expected === undefined ? 100 : Math.max(0, points(low) - points(expected.share), points(expected.share) - points(high));
      worst = Math.max(worst, error);
      if (error > TARGETS.sharePoints) {
        beyond++;
        beyondNoise++;
        details.push(`${name} of ${id}: shown ${low === high ? `${points(low)}%` : `${points(low)}–${points(high)}%`}, identified ${expected === undefined ? "none" : `${points(expected.share)}%`}`);
      }
    }
    if (ranges > 0) rows.push({ figure: `${name}: shown as a range`, measured: `${ranges} of ${shownCount}`, target: "labelled as a range", met: null });
    rows.push({
      figure: `${name}: largest error where shown`,
      measured: shownCount === 0 ? "not shown" : `${worst.toFixed(1)} points (${beyond} of ${shownCount} beyond ${TARGETS.sharePoints})`,
      target: `≤ ${TARGETS.sharePoints} points`,
      met: worst <= TARGETS.sharePoints,
    });
    rows.push({ figure: `${name}: shown for`, measured: `${shownCount} of ${truth.size} ${population}`, target: "(information)", met: null });
  };
  shareRows("earned share", (id) => shown.people.get(id)?.earnedShare ?? null, reference.earnedShare, "people with followers");
  const partial = ids.filter((id) => {
    const share = shown.people.get(id)?.earnedShare;
    return share && share.known < share.followers;
  }).length;
  if (partial > 0) rows.push({ figure: "earned share shown over part of the followers", measured: `${partial}`, target: "labelled 'n of m known'", met: null });
  shareRows("follow-back", (id) => shown.people.get(id)?.followBack ?? null, reference.followBack, "managers");

  rows.push({ figure: "figures shown that differ from truth", measured: String(beyondNoise), target: "0", met: beyondNoise === 0 });
  return { rows, missed: rows.filter((row) => row.met === false).length, details };
}

/**
 * Are the stability labels right? Each draw leaves out a fifth of the respondents of the identified
 * network (seeded), recounts followers, and places everyone again with the product's rule. A place
 * called stable should hold in at least 90% of the draws; how many places called "could change"
 * did move is reported beside it.
 */
function stabilityRows(dataset: Dataset, reference: ReferenceFigures, shown: PlayResult, inputs: QuadrantInput[]): Row[] {
  const random = seededRandom(`${dataset.name}:stability`);
  const labelled = inputs.filter((input) => shown.people.get(input.id)?.stability);
  if (labelled.length === 0) return [{ figure: "stable places hold with a fifth missing", measured: "no labels shown", target: "(information)", met: null }];
  let stableDraws = 0;
  let held = 0;
  const moved = new Set<string>();
  for (let draw = 0; draw < STABILITY_DRAWS; draw++) {
    const missing = new Set(reference.nodes.filter(() => random() < MISSING));
    const followers = Object.fromEntries(QUESTION_KEYS.map((key) => [key, inDegrees(reference.nodes, dataset.ties[key].filter((tie) => !missing.has(tie.source)))])) as Record<QuestionKey, Map<string, number>>;
    const places = shown.classify(inputs.map((input) => ({ ...input, followers: Object.fromEntries(QUESTION_KEYS.map((key) => [key, followers[key].get(input.id) ?? 0])) as Record<QuestionKey, number> })));
    for (const { id } of labelled) {
      const person = shown.people.get(id)!;
      const holds = places.get(id) === person.quadrant;
      if (person.stability === "stable") {
        stableDraws++;
        if (holds) held++;
      } else if (!holds) moved.add(id);
    }
  }
  const stable = labelled.filter((input) => shown.people.get(input.id)!.stability === "stable").length;
  const couldChange = labelled.length - stable;
  return [
    {
      figure: "stable places hold with a fifth missing",
      measured: stable === 0 ? "none called stable" : `${percent(held, stableDraws)} (${stable} called stable × ${STABILITY_DRAWS} draws)`,
      target: `≥ ${TARGETS.stableHolds * 100}%`,
      met: stable === 0 ? null : held / stableDraws >= TARGETS.stableHolds,
    },
    { figure: "'could change' places that moved with a fifth missing", measured: `${moved.size} of ${couldChange}`, target: "(information)", met: null },
  ];
}

export function formatTable(rows: Row[]): string {
  const mark = (met: boolean | null) => (met === null ? "" : met ? "yes" : "**no**");
  return ["| figure | measured | target | met |", "|---|---|---|---|", ...rows.map((row) => `| ${row.figure} | ${row.measured} | ${row.target} | ${mark(row.met)} |`)].join("\n");
}

/** One table for several datasets: a row per figure, a column per dataset (for the README). */
export function formatSummary(results: { name: string; rows: Row[] }[]): string {
  const figures = [...new Set(results.flatMap((result) => result.rows.filter((row) => row.met !== null).map((row) => row.figure)))];
  const cell = (result: { rows: Row[] }, figure: string) => {
    const row = result.rows.find((candidate) => candidate.figure === figure);
    if (!row) return "";
    const short = row.measured.split(" (")[0]!;
    return row.met === false ? `**${short}** ✗` : short;
  };
  const target = (figure: string) => results.flatMap((result) => result.rows).find((row) => row.figure === figure)!.target;
  return [
    `| figure | target | ${results.map((result) => result.name).join(" | ")} |`,
    `|---|---|${results.map(() => "---").join("|")}|`,
    ...figures.map((figure) => `| ${figure} | ${target(figure)} | ${results.map((result) => cell(result, figure)).join(" | ")} |`),
  ].join("\n");
}

/**
 * PageRank is shown as validated at ρ ≥ 0.95; below that, the truth rule lets it be shown only
 * labelled for what it is: the row is met when the product's label claims no more agreement than
 * was measured, and says which of the two it is.
 */
function pagerankRow(rows: Row[], ids: readonly string[], shown: PlayResult, reference: ReferenceFigures) {
  const figure = "PageRank vs identified PageRank";
  const pairs = ids.map((id) => [shown.people.get(id)?.pagerank ?? null, reference.pagerank.get(id) ?? 0] as const).filter((pair): pair is readonly [number, number] => pair[0] !== null);
  const value = pairs.length === 0 ? null : spearman(pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1]));
  const target = `≥ ${TARGETS.pagerank}, or labelled approximate at no more than measured`;
  if (value === null) return rows.push({ figure, measured: "not shown", target, met: true });
  const claim = shown.pagerankClaimedAgreement;
  const verdict = value >= TARGETS.pagerank ? "validated" : value >= claim ? `labelled ≥ ${claim}` : `label claims ≥ ${claim}`;
  rows.push({ figure, measured: `ρ = ${rho(value)}, ${verdict}`, target, met: value >= claim });
}
