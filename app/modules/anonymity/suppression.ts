/**
 * k-anonymity for published cells, in one place.
 *
 * A cell is a group of responses (or of people) and has one or more sizes: responses, or
 * answered and not answered. It is shown only when every size is at least k; otherwise it is
 * suppressed: shown as suppressed, never as zero, because a zero is itself a disclosure.
 *
 * Complementary suppression: the cells are siblings whose total is published elsewhere, so the
 * suppressed ones could be recovered by subtraction. While the suppressed siblings hold, in any
 * size, fewer than k in total, the next-smallest shown sibling is suppressed as well.
 */

export type SuppressionReason = "fewer-than-k" | "complementary";

export type Suppressed = { suppressed: true; reason: SuppressionReason };

export function suppressCells<T>(cells: readonly T[], sizes: (cell: T) => readonly number[], k: number): Map<T, SuppressionReason | null> {
  const outcome = new Map<T, SuppressionReason | null>();
  const smallest = (cell: T) => Math.min(...sizes(cell));
  for (const cell of cells) outcome.set(cell, smallest(cell) < k ? "fewer-than-k" : null);
  const hiddenTooSmall = () => {
    const hidden = cells.filter((cell) => outcome.get(cell) !== null);
    if (hidden.length === 0) return false;
    const dimensions = sizes(hidden[0]!).length;
    for (let d = 0; d < dimensions; d++) {
      const total = hidden.reduce((sum, cell) => sum + (sizes(cell)[d] ?? 0), 0);
      if (total < k) return true;
    }
    return false;
  };
  while (hiddenTooSmall()) {
    const shown = cells.filter((cell) => outcome.get(cell) === null);
    if (shown.length === 0) break;
    const next = shown.reduce((best, cell) => (smallest(cell) < smallest(best) ? cell : best));
    outcome.set(next, "complementary");
  }
  return outcome;
}
