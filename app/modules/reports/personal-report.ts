import { participationConfidence, type Confidence } from "~/modules/analytics/confidence";
import type { PersonFigures, WaveAnalytics } from "~/modules/analytics/engine";
import { isNamed, type Naming } from "~/modules/analytics/naming";
import { QUADRANTS, quadrantOf, quadrantSentence, type QuadrantKey } from "~/modules/analytics/quadrant";
import { earnedShare, followBackShare, type ShareFigure } from "~/modules/analytics/shares";
import type { Stability } from "~/modules/analytics/stability";

/**
 * A person's private report of a wave. Pure. It holds only figures that the dashboards could show
 * about the person, built from the same published groups of at least k: counts of who chose
 * them, never who; a band against the organization, never a rank.
 */

/** Where a count sits among everyone's on the same question: a band, not a rank. */
export type Band = "top-tenth" | "top-quarter" | "top-half" | "lower-half" | "not-chosen";

export const BAND_LABEL: Record<Band, string> = {
  "top-tenth": "Among the 10% most often chosen in the organization",
  "top-quarter": "Among the 25% most often chosen in the organization",
  "top-half": "Chosen more often than half the organization",
  "lower-half": "Chosen less often than half the organization",
  "not-chosen": "Nobody chose you on this question this time, as for many people",
};

export function bandOf(count: number, everyone: readonly number[]): Band {
  if (count === 0) return "not-chosen";
  const above = everyone.filter((other) => other > count).length / Math.max(1, everyone.length);
  if (above < 0.1) return "top-tenth";
  if (above < 0.25) return "top-quarter";
  if (above < 0.5) return "top-half";
  return "lower-half";
}

/**
 * Where a question's choices came from, as the network view already shows it: the published
 * groups (each of at least k responses) that chose the person, and their departments. A group
 * pooled across departments has none, so the department count is then a lower bound.
 */
export type Origins = { groups: number; departments: number; departmentsAtLeast: boolean };

export function originsOf(analytics: WaveAnalytics, personId: string, questionId: string): Origins {
  const departmentOf = new Map(analytics.blocks.map((block) => [block.key, block.department]));
  const choosing = analytics.edges.filter((edge) => edge.personId === personId && (edge.byQuestion[questionId] ?? 0) > 0);
  const departments = new Set(choosing.map((edge) => departmentOf.get(edge.block)).filter((department): department is string => !!department));
  return { groups: choosing.length, departments: departments.size, departmentsAtLeast: choosing.some((edge) => !departmentOf.get(edge.block)) };
}

export function originsSentence({ groups, departments, departmentsAtLeast }: Origins): string {
  const groupText = `${groups} ${groups === 1 ? "group" : "groups"}`;
  if (departments === 0) return `From ${groupText} of colleagues pooled across departments.`;
  const departmentText = `${departmentsAtLeast ? "at least " : ""}${departments} ${departments === 1 ? "department" : "departments"}`;
  return `From ${groupText} of colleagues, in ${departmentText}.`;
}

export type Visibility = {
  /** Analysts see the person by name; otherwise as an anonymous point of their department. */
  namedToAnalysts: boolean;
  /** Leaders above them see them by name (never a contributor, whatever the setting). */
  namedToLeaders: boolean;
  naming: Naming;
  consented: boolean;
};

export type PersonalReport =
  | { state: "preparing" }
  | { state: "too-few"; k: number }
  | { state: "not-in-wave" }
  | {
      state: "ready";
      k: number;
      questions: { id: string; prompt: string; primary: boolean; chosenBy: number; band: Band; from: Origins }[];
      quadrant: { key: QuadrantKey; title: string; prompt: string; rule: string; stability: Stability | null };
      earnedShare: ShareFigure;
      followBack: ShareFigure | null;
      confidence: { level: Confidence; rate: number | null } | null;
      trend: { wave: number; chosenBy: number | null }[];
      visibility: Visibility;
    };

export type ReportInput = {
  personId: string;
  analytics: WaveAnalytics | null;
  /** Earlier waves of the same survey, and this one, in order. */
  series: { number: number; analytics: WaveAnalytics | null }[];
  naming: Naming;
  consented: boolean;
};

export function personalReport({ personId, analytics, series, naming, consented }: ReportInput): PersonalReport {
  if (!analytics || !analytics.closed) return { state: "preparing" };
  if (analytics.blocks.length === 0) return { state: "too-few", k: analytics.k };
  const person = analytics.people.find((candidate) => candidate.id === personId);
  if (!person) return { state: "not-in-wave" };
  const primary = analytics.nominationQuestions.find((question) => question.primary);
  const place = quadrantOf(person, analytics.quadrantRule);
  return {
    state: "ready",
    k: analytics.k,
    questions: analytics.nominationQuestions.map((question) => {
      const chosenBy = person.followers[question.id] ?? 0;
      return { id: question.id, prompt: question.prompt, primary: question.primary, chosenBy, band: bandOf(chosenBy, analytics.people.map((other) => other.followers[question.id] ?? 0)), from: originsOf(analytics, personId, question.id) };
    }),
    quadrant: {
      key: place,
      ...QUADRANTS[place],
      rule: quadrantSentence(analytics.quadrantRule, primary ? `Followers are the people who chose you on “${primary.prompt}”.` : ""),
      stability: person.stability,
    },
    earnedShare: earnedShare(person.line, analytics.k),
    followBack: person.followBack ? followBackShare(person.followBack, analytics.k) : null,
    confidence: analytics.participation ? participationConfidence(analytics.participation.total) : null,
    trend: series.map((point) => ({ wave: point.number, chosenBy: chosenOnPrimary(point.analytics, personId) })),
    visibility: visibility(person, analytics, naming, consented),
  };
}

function chosenOnPrimary(analytics: WaveAnalytics | null, personId: string): number | null {
  if (!analytics || analytics.blocks.length === 0) return null;
  return analytics.people.find((person) => person.id === personId)?.primaryFollowers ?? null;
}

function visibility(person: PersonFigures, analytics: WaveAnalytics, naming: Naming, consented: boolean): Visibility {
  const policy = (viewer: "leader" | "analyst") => ({ naming, consented: new Set(consented ? [person.id] : []), viewer, pseudonym: (id: string) => id });
  return {
    namedToAnalysts: isNamed(person, policy("analyst"), analytics.quadrantRule),
    namedToLeaders: isNamed(person, policy("leader"), analytics.quadrantRule),
    naming,
    consented,
  };
}
