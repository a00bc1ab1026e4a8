import { randomInt } from "node:crypto";

/** Fisher–Yates with a cryptographic source: orders that must not leak anything (comments, releases). */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
