import type { QuestionKey, Tie } from "./datasets";

/**
 * What the adapter (play.ts) hands to the comparison: the product's figures per person, as the
 * dashboards show them, and how the play went. No product code here, so the reference and the
 * comparison stay independent of the product's internals.
 */

/** A figure the dashboards show for a person; `null` means not shown (suppressed, hidden, absent). */
export type ShownPerson = {
  /** Nominations received, per nomination question. */
  followers: Record<QuestionKey, number | null>;
  reach: { groups: number; departments: number } | null;
  /**
   * A single figure, or a range when some followers' groups straddle the line; `known` of
   * `followers` relations were settled.
   */
  earnedShare: ({ share: number } | { low: number; high: number }) & { known: number; followers: number } | null;
  followBack: { share: number } | null;
  pagerank: number | null;
  brokerage: number | null;
  /** Quadrant key as the organization-wide quadrant shows it. */
  quadrant: string | null;
  /** Whether the dashboards call that place stable or say it could change; null for contributors. */
  stability: "stable" | "could-change" | null;
};

/** What any quadrant rule may look at, on either side (product figures or identified network). */
export type QuadrantInput = {
  id: string;
  directReports: number;
  totalReports: number;
  followers: Record<QuestionKey, number>;
  followBack: number | null;
  earnedShare: number | null;
};

export type PlayResult = {
  /** The wave's minimum group size. */
  k: number;
  /** The template's limit per question; null = no limit. */
  limits: Record<QuestionKey, number | null>;
  /** Ties each question was meant to carry, and the ones actually submitted. */
  intended: Record<QuestionKey, number>;
  entered: Record<QuestionKey, Tie[]>;
  respondents: number;
  /** Submissions the product refused, with its message. */
  refused: { personId: string; reason: string }[];
  /** Share of respondents at a question's limit who said they would name more; null if not asked. */
  wouldNameMore: Record<QuestionKey, number | null> | null;
  /** By dataset person id. */
  people: Map<string, ShownPerson>;
  /** The rank agreement the product's label claims for the PageRank it shows as approximate. */
  pagerankClaimedAgreement: number;
  /** The product's quadrant rule, applied to any figures (the harness applies it to the reference). */
  classify: (people: QuadrantInput[]) => Map<string, string>;
  /** Time to play this dataset (database start-up excluded). */
  milliseconds: number;
};
