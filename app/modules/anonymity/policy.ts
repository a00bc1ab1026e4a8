/**
 * The anonymity policy in numbers and words: the one place that says what k is, how low it may
 * go, when comments appear, and how the app tells people so. Forms, checks, pages and emails
 * import from here, so a rule and the sentence that states it cannot drift apart.
 */

/** k: the fewest people who answered that any figure may cover. */
export const GROUP_SIZE = { floor: 3, default: 5, max: 50 } as const;

/** Comments carry more identifying detail than scores, so they need a larger group. */
export const COMMENT_GROUP = { default: 10, max: 100 } as const;

export function commentMinimum(k: number, configured: number): number {
  return Math.max(k, configured);
}

/**
 * A group of the org chart gets results of its own only if it has more than k people: its own
 * figures need k answers and at least one person who did not answer, otherwise the figures would
 * say that every one of them answered (see release.ts).
 */
export function smallestSeparateGroup(k: number): number {
  return k + 1;
}

export function groupSizeSentence(k: number): string {
  return `Results are shown only for groups in which at least ${k} people answered.`;
}

export function commentSentence(k: number, configured: number): string {
  return `Comments are shown only for groups of at least ${commentMinimum(k, configured)} responses, in random order, without dates, once the survey has closed.`;
}

export function groupSizeProblem(k: number): string | null {
  if (!Number.isInteger(k)) return "The minimum group size must be a whole number.";
  if (k < GROUP_SIZE.floor) return `The minimum group size cannot be below ${GROUP_SIZE.floor}: smaller groups cannot keep anyone anonymous.`;
  if (k > GROUP_SIZE.max) return `The minimum group size cannot be above ${GROUP_SIZE.max}.`;
  return null;
}
