import { describe, expect, it } from "vitest";
import { cellUniform, countNoise, laplace } from "./privacy";

const key = new TextEncoder().encode("test key");

describe("differential privacy noise", () => {
  it("is the same for the same wave and cell, and differs between cells and waves", () => {
    const noise = countNoise(key, "wave-1", 1)!;
    expect(noise("edge:a>b", 10)).toBe(noise("edge:a>b", 10));
    const cells = Array.from({ length: 200 }, (_, i) => noise(`cell-${i}`, 100));
    expect(new Set(cells).size).toBeGreaterThan(5);
    const otherWave = countNoise(key, "wave-2", 1)!;
    expect(Array.from({ length: 50 }, (_, i) => otherWave(`cell-${i}`, 100))).not.toEqual(cells.slice(0, 50));
  });

  it("has the Laplace scale 1/ε: mean absolute noise ≈ 1/ε, median ≈ 0", () => {
    for (const epsilon of [0.5, 1, 2]) {
      const samples = Array.from({ length: 20_000 }, (_, i) => laplace(cellUniform(key, `wave:cell-${i}`), 1 / epsilon));
      const meanAbsolute = samples.reduce((sum, x) => sum + Math.abs(x), 0) / samples.length;
      expect(meanAbsolute).toBeGreaterThan((1 / epsilon) * 0.95);
      expect(meanAbsolute).toBeLessThan((1 / epsilon) * 1.05);
      const sorted = [...samples].sort((a, b) => a - b);
      expect(Math.abs(sorted[10_000]!)).toBeLessThan(0.05 / epsilon);
      // Laplace tail: P(|X| > t·b) = e^-t.
      const beyond = samples.filter((x) => Math.abs(x) > 2 / epsilon).length / samples.length;
      expect(beyond).toBeGreaterThan(Math.exp(-2) - 0.015);
      expect(beyond).toBeLessThan(Math.exp(-2) + 0.015);
    }
  });

  it("stays in (0, 1) and publishes whole, non-negative counts", () => {
    for (let i = 0; i < 1000; i++) {
      const u = cellUniform(key, `c${i}`);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
    const noise = countNoise(key, "w", 0.1)!;
    for (let i = 0; i < 100; i++) {
      const value = noise(`c${i}`, 0);
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
  });

  it("adds nothing when no ε is set", () => {
    expect(countNoise(key, "w", null)).toBeNull();
  });
});
