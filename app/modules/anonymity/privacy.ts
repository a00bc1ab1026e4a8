import { createHmac } from "node:crypto";

/**
 * Optional differential privacy: Laplace noise of scale 1/ε on published counts (a count
 * changes by at most 1 when one person's answer changes, so sensitivity is 1).
 *
 * The noise of a cell is drawn from a keyed hash of (wave, cell), so every view of the same
 * figure shows the same noise: refreshing the page cannot average it away. The key lives outside
 * the database, so the noise cannot be subtracted either.
 */

/** Inverse CDF of Laplace(0, scale) at u ∈ (0, 1). */
export function laplace(u: number, scale: number): number {
  const centered = u - 0.5;
  return -scale * Math.sign(centered) * Math.log(1 - 2 * Math.abs(centered));
}

/** A uniform number in (0, 1), the same every time for the same key and cell. */
export function cellUniform(key: Uint8Array, cell: string): number {
  const digest = createHmac("sha256", key).update(cell).digest();
  // 52 random bits, offset by half a step so that 0 and 1 never occur.
  const high = digest.readUInt32BE(0) >>> 12;
  const low = digest.readUInt32BE(4);
  return (high * 2 ** 32 + low + 0.5) / 2 ** 52;
}

export type Noise = (cell: string, count: number) => number;

/** Publishes counts with noise when ε is set: rounded and never below 0 (post-processing keeps DP). */
export function countNoise(key: Uint8Array, waveId: string, epsilon: number | null): Noise | null {
  if (epsilon === null) return null;
  const scale = 1 / epsilon;
  return (cell, count) => Math.max(0, Math.round(count + laplace(cellUniform(key, `${waveId}:${cell}`), scale)));
}
