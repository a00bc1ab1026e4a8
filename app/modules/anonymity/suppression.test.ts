import { describe, expect, it } from "vitest";
import { suppressCells } from "./suppression";

const run = (cells: [string, ...number[]][], k = 5) => {
  const outcome = suppressCells(cells, ([, ...sizes]) => sizes, k);
  return Object.fromEntries(cells.map((cell) => [cell[0], outcome.get(cell)]));
};

describe("suppressCells", () => {
  it("shows cells of at least k and suppresses smaller ones, zeros included", () => {
    expect(run([["a", 5], ["b", 12], ["c", 0], ["d", 9], ["e", 7]])).toEqual({
      a: "complementary",
      b: null,
      c: "fewer-than-k",
      d: null,
      e: null,
    });
  });

  it("suppresses the next-smallest sibling until the hidden total reaches k", () => {
    // Hidden 2 + 1 = 3 < 5: hide 6 as well (hidden 9).
    expect(run([["a", 2], ["b", 1], ["c", 6], ["d", 8]])).toEqual({ a: "fewer-than-k", b: "fewer-than-k", c: "complementary", d: null });
  });

  it("needs nothing more when the suppressed cells already hold k", () => {
    expect(run([["a", 3], ["b", 4], ["c", 6]])).toEqual({ a: "fewer-than-k", b: "fewer-than-k", c: null });
  });

  it("hides everything when even that cannot reach k", () => {
    expect(run([["a", 1], ["b", 2]])).toEqual({ a: "fewer-than-k", b: "fewer-than-k" });
  });

  it("applies every size: a cell where everyone answered is as telling as one where nobody did", () => {
    // [answered, not answered]: a is all answered, so suppressed; then hidden not-answered is 0 < 5.
    expect(run([["a", 8, 0], ["b", 10, 6], ["c", 9, 7]])).toEqual({ a: "fewer-than-k", b: "complementary", c: null });
  });

  it("leaves no suppressed cell recoverable by subtraction from the total", () => {
    for (let trial = 0; trial < 500; trial++) {
      const cells = Array.from({ length: 1 + (trial % 7) }, (_, i): [string, number] => [`c${i}`, Math.floor(Math.abs(Math.sin(trial * 31 + i)) * 14)]);
      const outcome = suppressCells(cells, ([, size]) => [size], 5);
      const hidden = cells.filter((cell) => outcome.get(cell) !== null);
      const hiddenTotal = hidden.reduce((sum, [, size]) => sum + size, 0);
      if (hidden.length > 0 && hidden.length < cells.length) expect(hiddenTotal).toBeGreaterThanOrEqual(5);
      for (const cell of cells) if (outcome.get(cell) === null) expect(cell[1]).toBeGreaterThanOrEqual(5);
    }
  });
});
