import { SHARE_HIDDEN_REASON, type ShareFigure } from "~/modules/analytics/shares";

/**
 * The words for a figure that is not there, in one place, for the screen and the downloads alike.
 * "Hidden" is a figure that exists but would say too much about someone; "n/a" is a figure that
 * does not apply (a follow-back for someone without a team). They never share a mark.
 */

export const HIDDEN_LABEL = "hidden";
export const NOT_APPLICABLE_LABEL = "n/a";

export type HiddenReason = "fewer-than-k" | "complementary" | "below-k-scope" | "participation" | "no-followers" | "too-few" | "team-not-grouped" | "naming";

export function hiddenReason(reason: HiddenReason, k: number): string {
  switch (reason) {
    case "fewer-than-k":
      return `Fewer than ${k} answers: hidden so that nobody can be singled out.`;
    case "complementary":
      return `Hidden as well, because together with the other hidden figures it would reveal a group of fewer than ${k}.`;
    case "below-k-scope":
      return `No group of at least ${k} answers in this view yet.`;
    case "participation":
      return `Shown only where at least ${k} answered and at least ${k} did not, so that nobody can tell who answered.`;
    case "naming":
      return "The organization's naming setting keeps this person anonymous on influence views.";
    case "no-followers":
    case "too-few":
    case "team-not-grouped":
      return SHARE_HIDDEN_REASON[reason];
  }
}

export const NOT_APPLICABLE_REASON = {
  "no-team": "Does not apply: they have no team reporting to them.",
  "first-wave": "Does not apply: there is no earlier wave to compare with.",
} as const;

export type NotApplicableReason = keyof typeof NOT_APPLICABLE_REASON;

/** A share's note for a table or a file: why it is missing or a range, or nothing when it is a plain figure. */
export function shareNote(figure: ShareFigure | null, k: number): string {
  if (figure === null) return NOT_APPLICABLE_REASON["no-team"];
  if (figure.shown === "no") return hiddenReason(figure.reason, k);
  if (figure.shown === "range") return "A range: some followers' groups straddle the reporting line.";
  return "";
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : pluralForm}`;
}
