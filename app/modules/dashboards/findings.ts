import { aggregateConstruct, aggregateEnps, authorityIndex, isShown, type WavePoint } from "~/modules/analytics/dashboard";
import { constructLabel } from "~/modules/surveys/constructs";
import type { LineCounts, PersonFigures, WaveAnalytics } from "~/modules/analytics/engine";
import { isPseudonym } from "~/modules/analytics/naming";
import { quadrantOf } from "~/modules/analytics/quadrant";
import { followBackShare } from "~/modules/analytics/shares";
import { plural } from "./labels";
import { percentages } from "./percentages";

/**
 * The overview's story, positional against earned authority, in findings a reader can act on:
 * where followership goes relative to the chooser's reporting line, who leads without a title,
 * whose own teams follow them least, and what moved since the last wave. Each finding carries a
 * one-line interpretation. Pure: from the scoped, named snapshot the viewer may see.
 */

const percent = (share: number) => `${Math.round(share * 100)}%`;
const signed = (value: number, digits = 0) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(digits)}`;

/** Followership (primary question) by where the chooser sits: outside the nominee's line, below it, or unknown. */
export type FollowershipSplit = { total: number; outside: number; below: number; unknown: number };

export function followershipSplit(analytics: Pick<WaveAnalytics, "people" | "k">): FollowershipSplit | null {
  const sum: LineCounts = { below: 0, outside: 0, unknown: 0 };
  for (const person of analytics.people) {
    sum.below += person.line.below;
    sum.outside += person.line.outside;
    sum.unknown += person.line.unknown;
  }
  const total = sum.below + sum.outside + sum.unknown;
  return total < analytics.k ? null : { total, ...sum };
}

/** The headline in one sentence, for the dashboards index and the org home. */
export function headline(analytics: Pick<WaveAnalytics, "people" | "k">): { share: number; phrase: string; text: string } | null {
  const split = followershipSplit(analytics);
  if (!split) return null;
  const [outside, , unknown] = percentages([split.outside, split.below, split.unknown]);
  const phrase = `of followership goes to people outside the chooser's reporting line${split.unknown > 0 ? ` (${unknown}% not known)` : ""}`;
  return { share: outside! / 100, phrase, text: `${outside}% ${phrase}` };
}

function splitSentence(split: FollowershipSplit): string {
  const outside = split.outside / split.total;
  const reading =
    outside >= 0.5
      ? "Most people follow someone they do not report to: authority here is largely earned, not given by the org chart."
      : outside >= 0.25
        ? "Followership is mixed: people follow their own managers and people elsewhere in about equal measure."
        : "Most people follow someone above them in their own reporting line: authority here tracks the org chart.";
  return split.unknown > 0 ? `${reading} The unknown part comes from groups of answers that mix people inside and outside a line.` : reading;
}

/** The authority index (earned minus positional agreement, −4 to +4) on a scale people read. */
export function authorityReading(value: number): { display: string; position: number; verdict: string; sentence: string } {
  const size = Math.abs(value);
  const side = value >= 0 ? "earned" : "positional";
  const verdict = size < 0.25 ? "About balanced" : size < 0.75 ? `Leaning ${side}` : `Clearly ${side}`;
  const points = `${size.toFixed(2)} ${size === 1 ? "point" : "points"}`;
  const sentence =
    size < 0.005
      ? "People agree as much that authority here comes from the title as that it is earned."
      : `On the 1–5 agreement scale, people agree ${points} more that authority here is ${value >= 0 ? "earned (people follow for who someone is)" : "positional (people follow because of the title)"} than that it is ${value >= 0 ? "positional" : "earned"}.`;
  return { display: `${value > 0 ? "+" : value < 0 ? "−" : ""}${size.toFixed(2)}`, position: Math.max(0, Math.min(1, (value + 4) / 8)), verdict, sentence };
}

type NamedFigure = { id: string; name: string; figure: string };

export type OverviewFindings = {
  /** Whole percentages that add up to 100, as drawn. */
  followership: { split: FollowershipSplit; outside: number; below: number; unknown: number; sentence: string; question: string | null } | null;
  informalLeaders: { count: number; named: NamedFigure[]; unnamed: { count: number; departments: { department: string; count: number }[] }; sentence: string };
  leastFollowed: { title: string; managers: NamedFigure[] | null; sentence: string };
  change: { items: { label: string; delta: string; direction: "up" | "down" | "flat" }[]; sentence: string } | null;
};

/**
 * `viewerPersonId`: the member's own person, left out of the least-followed managers (that list is
 * for the people above them). `previous`: the same scope's previous wave of the series, if any.
 */
export function overviewFindings(analytics: WaveAnalytics, previous: WaveAnalytics | null, viewerPersonId: string | null): OverviewFindings {
  const split = followershipSplit(analytics);
  const primary = analytics.nominationQuestions.find((question) => question.primary) ?? null;
  const informal = analytics.people.filter((person) => quadrantOf(person, analytics.quadrantRule) === "informal-leader").sort((a, b) => b.primaryFollowers - a.primaryFollowers || a.name.localeCompare(b.name));
  const named = informal.filter((person) => !isPseudonym(person.id));
  const followBacks = analytics.people
    .filter((person) => person.followBack && !isPseudonym(person.id))
    .map((person) => ({ person, figure: followBackShare(person.followBack!, analytics.k) }))
    .flatMap(({ person, figure }) => (figure.shown === "exact" ? [{ person, share: figure.share }] : []))
    .sort((a, b) => a.share - b.share || a.person.name.localeCompare(b.person.name));
  // The list is for the people above each manager: a leader's own figure is on their person page.
  const others = followBacks.filter(({ person }) => person.id !== viewerPersonId).slice(0, 3);
  return {
    followership: split
      ? { split, ...shares(split), sentence: splitSentence(split), question: primary?.prompt ?? null }
      : null,
    informalLeaders: {
      count: informal.length,
      named: named.slice(0, 5).map((person) => ({ id: person.id, name: person.name, figure: plural(person.primaryFollowers, "follower") })),
      unnamed: { count: informal.length - named.length, departments: countBy(informal.filter((person) => isPseudonym(person.id)).map((person) => person.department ?? "No department")) },
      sentence:
        informal.length === 0
          ? "Nobody without a team is chosen as often as a typical manager: influence runs through the formal structure."
          : `${plural(informal.length, "person", "people")} without a team ${informal.length === 1 ? "is" : "are"} chosen as often as a typical manager here (${analytics.quadrantRule.informalThreshold} or more followers): worth recognising, and worth checking ${informal.length === 1 ? "they are" : "they are not"} stretched too thin.`,
    },
    leastFollowed: leastFollowed(others, followBacks.length, analytics.k),
    change: previous ? changeSince(analytics, previous) : null,
  };
}

/** The managers whose own teams chose them least; worded for one manager, or for none who stands out. */
function leastFollowed(shown: { person: PersonFigures; share: number }[], measured: number, k: number): OverviewFindings["leastFollowed"] {
  const managers = shown.map(({ person, share }) => ({ id: person.id, name: person.name, figure: `${percent(share)} of their team chose them` }));
  if (shown.length === 0) {
    const sentence =
      measured > 0
        ? "Only your own team's follow-back can be shown here, and this list is for the people above a manager: yours is on your person page."
        : `No manager in this view has a team whose answers form a group of at least ${k} of their own, so no team's follow-back can be shown.`;
    return { title: "Managers whose teams follow them least", managers: null, sentence };
  }
  const everyoneChosen = shown.every(({ share }) => share >= 1);
  if (shown.length === 1) {
    return {
      title: "A manager's own team",
      managers,
      sentence: `Only one manager in this view has a team whose answers form a group of their own: the share of that team who chose to follow them.${everyoneChosen ? " All of it did." : " A prompt for support, not a verdict."}`,
    };
  }
  return {
    title: "Managers whose teams follow them least",
    managers,
    sentence: everyoneChosen
      ? "Every manager's own team (where its answers form a group of their own) chose to follow them: no team stands out."
      : "Of each manager's own team (where its answers form a group of their own), the share who chose to follow them: the lowest first. A prompt for support, not a verdict.",
  };
}

function shares(split: FollowershipSplit) {
  const [outside, below, unknown] = percentages([split.outside, split.below, split.unknown]);
  return { outside: outside!, below: below!, unknown: unknown! };
}

function countBy(values: string[]): { department: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([department, count]) => ({ department, count })).sort((a, b) => b.count - a.count || a.department.localeCompare(b.department));
}

function changeSince(current: WaveAnalytics, previous: WaveAnalytics): OverviewFindings["change"] {
  const items: NonNullable<OverviewFindings["change"]>["items"] = [];
  const direction = (delta: number): "up" | "down" | "flat" => (Math.abs(delta) < 1e-9 ? "flat" : delta > 0 ? "up" : "down");
  const now = followershipSplit(current);
  const before = followershipSplit(previous);
  if (now && before) {
    const delta = (now.outside / now.total - before.outside / before.total) * 100;
    items.push({ label: "Followership outside the line", delta: `${signed(Math.round(delta))} points`, direction: direction(Math.round(delta)) });
  }
  const informal = (analytics: WaveAnalytics) => analytics.people.filter((person) => quadrantOf(person, analytics.quadrantRule) === "informal-leader").length;
  const informalDelta = informal(current) - informal(previous);
  items.push({ label: "Informal leaders", delta: signed(informalDelta), direction: direction(informalDelta) });
  const index = authorityIndex(current.blocks);
  const indexBefore = authorityIndex(previous.blocks);
  if (isShown(index) && isShown(indexBefore)) {
    const delta = index.value - indexBefore.value;
    items.push({ label: "Authority index", delta: signed(delta, 2), direction: direction(Number(delta.toFixed(2))) });
  }
  const lead = items[0]!;
  const sentence =
    lead.direction === "flat"
      ? `${lead.label}: no change since the last wave.`
      : `${lead.label}: ${lead.delta} since the last wave — ${lead.label === "Followership outside the line" ? (lead.direction === "up" ? "more authority is being earned across the org chart" : "followership is moving back into reporting lines") : lead.direction === "up" ? "up" : "down"}.`;
  return { items, sentence };
}

/** `better`: which way is the healthier change (agreeing that authority is positional is not). */
export type Metric = { key: string; label: string; unit: string; points: { wave: number; value: number | null }[]; current: number | null; delta: number | null; digits: number; better: "up" | "down" };

/** One small chart per figure, each on its own scale, with the change since the previous wave. */
export function trendMetrics(points: WavePoint[]): Metric[] {
  const metric = (key: string, label: string, unit: string, digits: number, value: (analytics: WaveAnalytics) => number | null): Metric => {
    const series = points.map((point) => ({ wave: point.number, value: value(point.analytics) }));
    const current = series.at(-1)?.value ?? null;
    const before = series.length > 1 ? series.at(-2)!.value : null;
    return { key, label, unit, digits, points: series, current, delta: current !== null && before !== null ? current - before : null, better: key === "construct:authority.positional" ? ("down" as const) : ("up" as const) };
  };
  const constructs = [...new Set(points.flatMap((point) => point.analytics.constructs))].sort();
  return [
    metric("outside", "Followership outside the line", "%", 0, (analytics) => {
      const split = followershipSplit(analytics);
      return split ? (split.outside / split.total) * 100 : null;
    }),
    metric("authority", "Authority index", " (−4 to +4)", 2, (analytics) => {
      const cell = authorityIndex(analytics.blocks);
      return isShown(cell) ? cell.value : null;
    }),
    metric("enps", "eNPS", " (−100 to +100)", 0, (analytics) => {
      const cell = aggregateEnps(analytics.blocks);
      return isShown(cell) ? cell.score : null;
    }),
    ...constructs.map((construct) =>
      metric(`construct:${construct}`, constructLabel(construct), " (mean, 1–5)", 2, (analytics) => {
        const cell = aggregateConstruct(analytics.blocks, construct);
        return isShown(cell) ? cell.mean : null;
      }),
    ),
  ];
}

/** An SVG path through the shown values with a dot on each, gaps where a wave's figure was hidden. */
export function sparkline(values: (number | null)[], width: number, height: number, pad = 4): { path: string; dots: { x: number; y: number }[] } {
  const shown = values.filter((value): value is number => value !== null);
  const low = Math.min(...shown);
  const high = Math.max(...shown);
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (value: number) => (high === low ? height / 2 : pad + ((high - value) * (height - 2 * pad)) / (high - low));
  let path = "";
  let pen = false;
  const dots: { x: number; y: number }[] = [];
  values.forEach((value, i) => {
    if (value === null) {
      pen = false;
      return;
    }
    const dot = { x: Number(x(i).toFixed(1)), y: Number(y(value).toFixed(1)) };
    dots.push(dot);
    path += `${pen ? "L" : "M"}${dot.x},${dot.y}`;
    pen = true;
  });
  return { path, dots };
}
