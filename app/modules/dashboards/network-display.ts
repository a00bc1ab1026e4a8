/**
 * The pure parts of drawing the network: colours, plain ranks, the camera and which labels fit.
 * Used in the browser (network-graph.tsx) and unit-tested here.
 */

/**
 * Okabe–Ito, the palette designed to stay distinct under the common colour-vision deficiencies
 * (black left out: it is the text colour). More departments than colours share grey rather than
 * reuse a colour, and the legend says so.
 */
export const DEPARTMENT_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"] as const;
export const OTHER_COLOR = "#9ca3af";
export const QUADRANT_PALETTE: Record<string, string> = {
  "leader-with-authority": "#0072B2",
  "informal-leader": "#009E73",
  "positional-manager": "#D55E00",
  contributor: "#9ca3af",
};

/** A colour per department, largest first (departments arrive sorted by people). */
export function departmentColors(departments: readonly { name: string }[]): Map<string, string> {
  return new Map(departments.map((department, i) => [department.name, DEPARTMENT_PALETTE[i] ?? OTHER_COLOR]));
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n.toLocaleString("en")}${suffix}`;
}

/** "3rd most followed of 1,204", or why there is no rank. */
export function followedRank(rank: number | null, of: number): string {
  if (rank === null) return "Not chosen on the followership question";
  return rank === 1 ? `Most followed of ${of.toLocaleString("en")}` : `${ordinal(rank)} most followed of ${of.toLocaleString("en")}`;
}

export type Camera = { x: number; y: number; scale: number };
export type Box = { minX: number; minY: number; maxX: number; maxY: number };

export function boundsOf(points: Iterable<{ x: number; y: number }>): Box | null {
  let box: Box | null = null;
  for (const { x, y } of points) {
    if (!box) box = { minX: x, minY: y, maxX: x, maxY: y };
    else box = { minX: Math.min(box.minX, x), minY: Math.min(box.minY, y), maxX: Math.max(box.maxX, x), maxY: Math.max(box.maxY, y) };
  }
  return box;
}

/** The camera that shows the whole box in a viewport, with a margin. */
export function fitCamera(box: Box | null, width: number, height: number, margin = 24): Camera {
  if (!box) return { x: 0, y: 0, scale: 1 };
  const spanX = Math.max(1, box.maxX - box.minX);
  const spanY = Math.max(1, box.maxY - box.minY);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2, scale: Math.max(1e-3, scale) };
}

/**
 * The camera for a found person: them in the middle, and every group that chose them in view with
 * room for labels, however far away; no closer than `maxZoom` times the whole network's view.
 */
export function focusCamera([centre, ...around]: [{ x: number; y: number }, ...{ x: number; y: number }[]], home: Camera, width: number, height: number, maxZoom = 4): Camera {
  const margin = 60;
  const reachX = Math.max(1e-9, ...around.map((point) => Math.abs(point.x - centre.x)));
  const reachY = Math.max(1e-9, ...around.map((point) => Math.abs(point.y - centre.y)));
  const fits = Math.min(Math.max(20, width / 2 - margin) / reachX, Math.max(20, height / 2 - margin) / reachY);
  return { x: centre.x, y: centre.y, scale: Math.max(home.scale / 4, Math.min(home.scale * maxZoom, fits)) };
}

/** Zoom by a factor keeping the world point under (sx, sy) where it is on screen. */
export function zoomAt(camera: Camera, factor: number, sx: number, sy: number, width: number, height: number, limits: { min: number; max: number }): Camera {
  const scale = Math.min(limits.max, Math.max(limits.min, camera.scale * factor));
  const wx = camera.x + (sx - width / 2) / camera.scale;
  const wy = camera.y + (sy - height / 2) / camera.scale;
  return { scale, x: wx - (sx - width / 2) / scale, y: wy - (sy - height / 2) / scale };
}

export type LabelCandidate = { id: string; x: number; y: number; width: number; height: number; priority: number };

/**
 * Labels that do not overlap: most important first, each kept only if its box is clear of every
 * box already kept and inside the viewport. A grid of cells makes each check look only nearby.
 */
export function pickLabels(candidates: readonly LabelCandidate[], viewport: { width: number; height: number }, limit = 150): LabelCandidate[] {
  const cell = 64;
  const grid = new Map<string, LabelCandidate[]>();
  const kept: LabelCandidate[] = [];
  const overlaps = (a: LabelCandidate, b: LabelCandidate) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const cells = (box: LabelCandidate) => {
    const keys: string[] = [];
    for (let gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.width) / cell); gx++) for (let gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.height) / cell); gy++) keys.push(`${gx},${gy}`);
    return keys;
  };
  for (const candidate of [...candidates].sort((a, b) => b.priority - a.priority)) {
    if (kept.length >= limit) break;
    if (candidate.x < 0 || candidate.y < 0 || candidate.x + candidate.width > viewport.width || candidate.y + candidate.height > viewport.height) continue;
    const keys = cells(candidate);
    if (keys.some((key) => grid.get(key)?.some((other) => overlaps(candidate, other)))) continue;
    kept.push(candidate);
    for (const key of keys) grid.set(key, [...(grid.get(key) ?? []), candidate]);
  }
  return kept;
}
