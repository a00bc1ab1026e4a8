import type { FollowBack, LineCounts } from "./engine";

/**
 * Shares that carry a person's name, shown only as far as the answers settle them (the truth
 * rule). Followers from groups that straddle someone's reporting line are unknown: the share
 * could lie anywhere between "none of them" and "all of them". The share is shown as a single
 * figure only when that range is at most ten points wide (so the figure is within five points of
 * the truth, whatever the unknowns were), as a range when it is wider, and not at all for fewer
 * than k followers.
 */

export type ShareFigure =
  | { shown: "exact"; share: number; known: number; total: number }
  | { shown: "range"; low: number; high: number; known: number; total: number }
  | { shown: "no"; reason: "no-followers" | "too-few" | "team-not-grouped" };

export const SHARE_UNCERTAINTY = 0.1;

/** Earned share: of a person's followers (primary question), the share outside their reporting line. */
export function earnedShare(line: LineCounts, k: number): ShareFigure {
  const total = line.below + line.outside + line.unknown;
  if (total === 0) return { shown: "no", reason: "no-followers" };
  if (total < k) return { shown: "no", reason: "too-few" };
  const known = line.below + line.outside;
  const low = line.outside / total;
  const high = (line.outside + line.unknown) / total;
  if (high - low <= SHARE_UNCERTAINTY + 1e-9) return { shown: "exact", share: (low + high) / 2, known, total };
  return { shown: "range", low, high, known, total };
}

/**
 * Follow-back: of a manager's team members whose answers sit in the team's own group, the share
 * who chose them. The team's own group is settled by the org chart (it is that manager's team);
 * answers of team members that went into wider groups are not counted either way.
 */
export function followBackShare(followBack: FollowBack, k: number): ShareFigure {
  if (followBack.known < k) return { shown: "no", reason: "team-not-grouped" };
  return { shown: "exact", share: followBack.chose / followBack.known, known: followBack.known, total: followBack.team };
}

export function formatShare(figure: ShareFigure): string {
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  if (figure.shown === "exact") return percent(figure.share);
  if (figure.shown === "range") return `${percent(figure.low)}–${percent(figure.high)}`;
  return "";
}

export const SHARE_HIDDEN_REASON: Record<Extract<ShareFigure, { shown: "no" }>["reason"], string> = {
  "no-followers": "Nobody chose them on this question.",
  "too-few": "Fewer followers than the minimum group size: a share would say too much about each of them.",
  "team-not-grouped": "Their team's answers are not in a group of its own (the team is smaller than the minimum group size, or too few answered).",
};
