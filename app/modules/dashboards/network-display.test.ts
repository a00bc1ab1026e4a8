import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { departmentColors, DEPARTMENT_PALETTE, fitCamera, focusCamera, followedRank, ordinal, OTHER_COLOR, pickLabels, zoomAt } from "./network-display";

describe("plain words for ranks", () => {
  it("writes ordinals as people say them", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 1203].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th", "1,203rd"]);
    expect(followedRank(3, 1204)).toBe("3rd most followed of 1,204");
    expect(followedRank(1, 10)).toBe("Most followed of 10");
    expect(followedRank(null, 10)).toBe("Not chosen on the followership question");
  });
});

describe("department colours", () => {
  it("gives the largest departments distinct palette colours and the rest one grey", () => {
    const departments = Array.from({ length: 9 }, (_, i) => ({ name: `D${i}` }));
    const colors = departmentColors(departments);
    expect(new Set([...colors.values()].slice(0, DEPARTMENT_PALETTE.length)).size).toBe(DEPARTMENT_PALETTE.length);
    expect(colors.get("D7")).toBe(OTHER_COLOR);
    expect(colors.get("D8")).toBe(OTHER_COLOR);
  });
});

describe("the camera", () => {
  it("fits a box in the viewport and zooms about the pointer", () => {
    const fit = fitCamera({ minX: 0, minY: 0, maxX: 1000, maxY: 500 }, 548, 548, 24);
    expect(fit).toEqual({ x: 500, y: 250, scale: 0.5 });
    const zoomed = zoomAt(fit, 2, 100, 100, 548, 548, { min: 0.1, max: 10 });
    // The world point under the pointer stays under it.
    const world = (camera: typeof fit) => [camera.x + (100 - 274) / camera.scale, camera.y + (100 - 274) / camera.scale];
    expect(world(zoomed)).toEqual(world(fit));
    expect(zoomAt(fit, 1000, 0, 0, 548, 548, { min: 0.1, max: 10 }).scale).toBe(10);
  });

  it("puts a found person in the middle and every group that chose them in view, however far apart they sit", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 12 }), (points) => {
        const [width, height] = [900, 560];
        const home = fitCamera({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, width, height);
        const camera = focusCamera(points as [(typeof points)[0], ...typeof points], home, width, height);
        expect([camera.x, camera.y]).toEqual([points[0]!.x, points[0]!.y]);
        for (const point of points) {
          const [sx, sy] = [(point.x - camera.x) * camera.scale + width / 2, (point.y - camera.y) * camera.scale + height / 2];
          expect(sx).toBeGreaterThanOrEqual(0);
          expect(sx).toBeLessThanOrEqual(width);
          expect(sy).toBeGreaterThanOrEqual(0);
          expect(sy).toBeLessThanOrEqual(height);
        }
        expect(camera.scale).toBeLessThanOrEqual(home.scale * 4);
      }),
    );
  });
});

describe("labels", () => {
  const box = (id: string, x: number, y: number, priority: number) => ({ id, x, y, width: 50, height: 18, priority });

  it("keeps the most important of overlapping labels and drops the others", () => {
    const kept = pickLabels([box("small", 10, 10, 1), box("big", 20, 15, 5), box("apart", 200, 10, 0)], { width: 400, height: 300 });
    expect(kept.map((label) => label.id)).toEqual(["big", "apart"]);
  });

  it("never returns two labels that overlap, nor one outside the view, nor more than asked", () => {
    const candidates = Array.from({ length: 500 }, (_, i) => box(`l${i}`, (i * 37) % 420, (i * 53) % 320, i % 17));
    const kept = pickLabels(candidates, { width: 400, height: 300 }, 40);
    expect(kept.length).toBeLessThanOrEqual(40);
    for (const a of kept) {
      expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= 400 && a.y + a.height <= 300).toBe(true);
      for (const b of kept) if (a !== b) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
    }
  });
});
