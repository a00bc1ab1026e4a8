import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import { computeNetworkLayout } from "~/modules/analytics/network-layout";
import { networkOverview, networkPeople } from "~/modules/dashboards/network-view";
import { syntheticWave } from "./synthetic-wave";

/**
 * The network page at 10,000 and 30,000 people: the layout's time in the snapshot job, what the
 * first load and a department's people weigh (gzipped, as served), and in headless Chromium the
 * longest main-thread task while drawing and the time per frame as more people are shown.
 * 30,000 is three copies of the 10,000-person organization side by side (simulating answers for
 * 30,000 people takes longer than the benchmark itself).
 */
export async function benchNetwork(base: WaveAnalytics = syntheticWave(10_000).analytics) {
  const sizes = [
    { people: 10_000, analytics: base },
    { people: 30_000, analytics: tiled(base, 3) },
  ];
  const rows = [];
  const largest = sizes[1]!;
  for (const { people, analytics } of sizes) {
    const started = performance.now();
    analytics.layout = computeNetworkLayout({ waveId: analytics.waveId, blocks: analytics.blocks, membership: analytics.membership, edges: analytics.edges });
    const layoutSeconds = +((performance.now() - started) / 1000).toFixed(2);
    const overview = JSON.stringify(networkOverview(analytics));
    const department = networkOverview(analytics).departments[0]!;
    const departmentPeople = JSON.stringify(networkPeople(analytics, { department: department.name }));
    rows.push({
      people,
      groups: analytics.blocks.length,
      layoutSeconds,
      firstLoadKB: kb(overview),
      firstLoadGzipKB: kb(gzipSync(overview)),
      largestDepartment: `${department.name} (${department.people})`,
      departmentGzipKB: kb(gzipSync(departmentPeople)),
      target: "first load ≤ 300 KB gzipped",
      met: gzipSync(overview).length <= 300 * 1024,
    });
  }
  return { payload: rows, browser: await drawInChromium(largest.analytics) };
}

/** Draws the first view and then 1,000 to 30,000 people, as the page would. */
async function drawInChromium(analytics: WaveAnalytics) {
  const dir = mkdtempSync(path.join(tmpdir(), "earned-network-bench-"));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    await build({ entryPoints: [path.join(import.meta.dirname, "network-draw.ts")], bundle: true, format: "iife", outfile: path.join(dir, "draw.js"), logLevel: "silent", define: { "process.env.NODE_ENV": '"production"' } });
    writeFileSync(path.join(dir, "index.html"), `<!doctype html><body></body><script src="draw.js"></script>`);
    const page = await browser.newPage();
    await page.goto(`file://${path.join(dir, "index.html")}`);
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration))).observe({ type: "longtask" });
    });
    const overview = networkOverview(analytics);
    const everyone = overview.departments.map((department) => networkPeople(analytics, { department: department.name })!);
    const all = { people: everyone.flatMap((part) => part.people), edges: everyone.flatMap((part) => part.edges) };
    const steps = [];
    for (const count of [0, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000]) {
      const people = all.people.slice(0, count);
      const ids = new Set(people.map((person) => person.id));
      const data = { overview, people, edges: all.edges.filter(([, id]) => ids.has(id)) };
      const times = await page.evaluate((data) => (window as unknown as { benchNetwork: (data: unknown, count: number) => Promise<{ first: number; median: number; worst: number }> }).benchNetwork(data, 12), data as never);
      steps.push({ peopleShown: count, firstFrameMs: Math.round(times.first), medianFrameMs: Math.round(times.median), worstFrameMs: Math.round(times.worst) });
    }
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    // Fluid: a frame in 50 ms or less (20 frames a second) while pointing and zooming.
    const fluid = steps.filter((step) => step.medianFrameMs <= 50).at(-1)?.peopleShown ?? 0;
    const firstView = steps[0]!;
    return {
      groupsDrawn: overview.groups.length,
      linksDrawn: overview.links.length,
      frames: steps,
      longestTaskMsFirstView: firstView.worstFrameMs,
      longTasksOver200Ms: longTasks.filter((duration) => duration > 200).length,
      fluidUpToPeople: fluid,
      target: "first view: no main-thread task over 200 ms",
      met: firstView.worstFrameMs <= 200,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `copies` organizations side by side under distinct ids and group keys, departments shared. */
function tiled(analytics: WaveAnalytics, copies: number): WaveAnalytics {
  const range = Array.from({ length: copies }, (_, i) => i);
  const id = (copy: number, value: string) => (copy === 0 ? value : `c${copy}-${value}`);
  return {
    ...analytics,
    waveId: `${analytics.waveId}x${copies}`,
    blocks: range.flatMap((copy) => analytics.blocks.map((block) => ({ ...block, key: id(copy, block.key), label: copy ? `${block.label} (${copy + 1})` : block.label }))),
    people: range.flatMap((copy) => analytics.people.map((person) => ({ ...person, id: id(copy, person.id), managerId: person.managerId && id(copy, person.managerId) }))),
    edges: range.flatMap((copy) => analytics.edges.map((edge) => ({ ...edge, block: id(copy, edge.block), personId: id(copy, edge.personId) }))),
    membership: range.flatMap((copy) => analytics.membership.map((entry) => ({ block: id(copy, entry.block), personId: id(copy, entry.personId) }))),
  };
}

const kb = (value: string | Buffer) => Math.round(Buffer.byteLength(value) / 102.4) / 10;
