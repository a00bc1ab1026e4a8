import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { openDatabase, type DatabaseConfig, type RawExecutor } from "../db/connection";
import { BENCH_SECRET, startServer } from "./respondents";

/**
 * Dashboard pages against the production build at several organization sizes, for the demo
 * owner and the demo leader, on PostgreSQL and on the embedded PGlite: time to first byte
 * (p50/p99 of ten requests after one warm-up, thirty for the pages held to be flat in size),
 * payload, the page's gzipped JavaScript, and a baseline: the time a plain query takes to read the
 * stored results the page shows, measured in the same run, so the ratio is the app's own overhead.
 * Each size is seeded once and kept for the next run (`earned_bench_dash_<size>` beside the
 * server's database; `data/bench/dash-<size>` for PGlite); BENCH_RESEED=1 seeds again.
 *
 * Sizes: BENCH_DASHBOARD_SIZES=2000,10000,30000 (the default); a quick run: =2000.
 */
const REQUESTS = 10;
// Pages held to "flat in organization size" compare medians of a few tens of milliseconds: thirty
// requests keep one slow request (a collection, another process) from deciding the comparison.
const FLAT_PAGE_REQUESTS = 30;

type Page = { name: string; path: string; roles: Role[]; baseline: string; flat?: boolean };
type Role = "owner" | "leader";
type Ids = { orgId: string; waveId: string; personId: string };
export type DashboardRow = { driver: string; page: string; role: Role; size: number; p50: number; p99: number; rawKB: number; gzipKB: number; jsGzipKB: number; baseline: number; status: number };

// What each page shows, read the plainest way: the wave's snapshot (every wave page and export
// reads it), the person's snapshots across waves, the roster's first page, the whole roster.
const SNAPSHOT = "select data from analytics_snapshot where organization_id = $1 and wave_id = $2";
const pages = (ids: Ids): Page[] => {
  const wave = `/o/demo/dashboards/${ids.waveId}`;
  return [
    { name: "overview", path: wave, roles: ["owner", "leader"], baseline: SNAPSHOT },
    { name: "network", path: `${wave}/network`, roles: ["owner", "leader"], baseline: SNAPSHOT },
    { name: "network, Engineering's people", path: `${wave}/network-people?department=Engineering`, roles: ["owner", "leader"], baseline: SNAPSHOT },
    { name: "quadrant", path: `${wave}/quadrant`, roles: ["owner", "leader"], baseline: SNAPSHOT },
    { name: "teams", path: `${wave}/teams`, roles: ["owner", "leader"], baseline: SNAPSHOT },
    { name: "people, page 1", path: `${wave}/people`, roles: ["owner", "leader"], baseline: SNAPSHOT, flat: true },
    { name: "people, page 3 by earned", path: `${wave}/people?sort=earned&page=3`, roles: ["owner"], baseline: SNAPSHOT, flat: true },
    { name: "person", path: `/o/demo/dashboards/person/${ids.personId}`, roles: ["owner", "leader"], baseline: "select data from analytics_snapshot where organization_id = $1", flat: true },
    { name: "directory", path: "/o/demo/people", roles: ["owner"], baseline: "select id, name, title, department from person where organization_id = $1 and active order by name limit 50", flat: true },
    { name: "org chart", path: "/o/demo/people/chart", roles: ["owner"], baseline: "select id, name, title, department, manager_id from person where organization_id = $1" },
    { name: "org chart, expand all", path: "/o/demo/people/chart?expand=all", roles: ["owner"], baseline: "select id, name, title, department, manager_id from person where organization_id = $1" },
    { name: "export people.csv", path: `${wave}/export/people.csv`, roles: ["owner", "leader"], baseline: SNAPSHOT },
    { name: "export network.gexf", path: `${wave}/export/network.gexf`, roles: ["owner", "leader"], baseline: SNAPSHOT },
    { name: "export network.graphml", path: `${wave}/export/network.graphml`, roles: ["owner"], baseline: SNAPSHOT },
  ];
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** One GET: time to the response's headers, then the whole body. */
function get(url: string, cookie: string): Promise<{ ttfb: number; body: Buffer; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers: { cookie, "accept-encoding": "identity" } }, (response) => {
      const ttfb = performance.now() - started;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ ttfb, body: Buffer.concat(chunks), status: response.statusCode ?? 0 }));
    });
    request.on("error", reject);
  });
}

async function logIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: "demo-password", redirectTo: "" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`log-in as ${email} answered ${response.status}`);
  return cookie.split(";")[0]!;
}

/** The gzipped size of the page's own scripts (entry, route and shared chunks it preloads). */
async function javascriptKB(base: string, html: string, cache: Map<string, number>): Promise<number> {
  const scripts = new Set([...html.matchAll(/<(?:script[^>]+src|link[^>]+href)="([^"]+\.js)"/g), ...html.matchAll(/import\("([^"]+\.js)"\)|import [^"]*"([^"]+\.js)"/g)].flatMap((m) => [m[1], m[2]].filter((s): s is string => Boolean(s))));
  let total = 0;
  for (const script of scripts) {
    if (!cache.has(script)) cache.set(script, gzipSync(Buffer.from(await (await fetch(`${base}${script}`)).arrayBuffer())).length);
    total += cache.get(script)!;
  }
  return round(total / 1024);
}

/** Where each size lives, per driver; seeded through the demo seeder, as a user would. */
type Target = { driver: "pg" | "pglite"; label: string; configFor: (size: number) => DatabaseConfig; reset: (size: number) => Promise<void> };

export function postgresTarget(adminUrl: string): Target {
  const nameOf = (size: number) => `earned_bench_dash_${size}`;
  const urlOf = (size: number) => Object.assign(new URL(adminUrl), { pathname: `/${nameOf(size)}` }).toString();
  const admin = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    driver: "pg",
    label: "PostgreSQL",
    configFor: (size) => ({ driver: "pg", connectionString: urlOf(size), poolSize: 10 }),
    reset: (size) => admin([`drop database if exists ${nameOf(size)} with (force)`, `create database ${nameOf(size)}`]),
  };
}

export const pgliteTarget: Target = {
  driver: "pglite",
  label: "PGlite",
  configFor: (size) => ({ driver: "pglite", dataDir: path.resolve(`data/bench/dash-${size}`) }),
  reset: async (size) => rmSync(path.resolve(`data/bench/dash-${size}`), { recursive: true, force: true }),
};

async function isSeeded(config: DatabaseConfig): Promise<boolean> {
  if (config.driver === "pglite" && !existsSync(config.dataDir)) return false;
  const handle = openDatabase(config.driver === "pg" ? { ...config, poolSize: 1 } : config);
  try {
    const found = await handle.executeRaw("select 1 from organization o join analytics_snapshot s on s.organization_id = o.id where o.slug = 'demo'");
    return found.rows.length > 0;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

async function seeded(target: Target, size: number): Promise<{ config: DatabaseConfig; seedSeconds: number | null }> {
  const config = target.configFor(size);
  if (process.env.BENCH_RESEED !== "1" && (await isSeeded(config))) return { config, seedSeconds: null };
  await target.reset(size);
  const started = performance.now();
  const databaseEnv = config.driver === "pg" ? { DATABASE_URL: config.connectionString } : { EARNED_DATA_DIR: config.dataDir };
  const env: NodeJS.ProcessEnv = { ...process.env, ...databaseEnv, APP_SECRET: BENCH_SECRET };
  if (config.driver === "pglite") delete env.DATABASE_URL;
  await new Promise<void>((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/seed-demo.ts", "--people", String(size)], { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seeding ${size} people exited with ${code}`))));
  });
  return { config, seedSeconds: Math.round((performance.now() - started) / 1000) };
}

async function idsOf(query: RawExecutor): Promise<Ids> {
  const first = async <T>(text: string, values?: unknown[]) => (await query(text, values)).rows[0] as T;
  const { id: orgId } = await first<{ id: string }>("select id from organization where slug = 'demo'");
  const { wave_id: waveId } = await first<{ wave_id: string }>("select s.wave_id from analytics_snapshot s join survey_wave w on w.id = s.wave_id where s.organization_id = $1 order by w.number desc limit 1", [orgId]);
  // A manager in the leader's subtree, named under the default naming: both roles may open them.
  const person = await first<{ id: string }>(
    `select p.id from person p join membership m on m.person_id = p.manager_id join app_user u on u.id = m.user_id
     where p.organization_id = $1 and u.email = 'leader@demo.earned.test' and exists (select 1 from person r where r.manager_id = p.id) order by p.name limit 1`,
    [orgId],
  );
  return { orgId, waveId, personId: person.id };
}

/** The median of five plain reads after one warm-up. */
async function baselineMs(query: RawExecutor, text: string, ids: Ids): Promise<number> {
  const values = text.includes("$2") ? [ids.orgId, ids.waveId] : [ids.orgId];
  await query(text, values);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await query(text, values);
    times.push(performance.now() - started);
  }
  return round(times.sort((a, b) => a - b)[2]!);
}

/**
 * Ids and every page's baseline, read before the server starts: the embedded database admits one
 * process at a time.
 */
async function readBaselines(config: DatabaseConfig): Promise<{ ids: Ids; baselines: Map<string, number> }> {
  const handle = openDatabase(config.driver === "pg" ? { ...config, poolSize: 1 } : config);
  try {
    const ids = await idsOf(handle.executeRaw);
    const baselines = new Map<string, number>();
    for (const page of pages(ids)) if (!baselines.has(page.baseline)) baselines.set(page.baseline, await baselineMs(handle.executeRaw, page.baseline, ids));
    return { ids, baselines };
  } finally {
    await handle.close();
  }
}

async function benchSize(target: Target, size: number, port: number): Promise<{ rows: DashboardRow[]; seedSeconds: number | null; exportBuild: { buildMs: number; longestOtherMs: number; others: number } }> {
  const { config, seedSeconds } = await seeded(target, size);
  const { ids, baselines } = await readBaselines(config);
  const server = await startServer(config, port, { APP_SECRET: BENCH_SECRET, ACCESS_LOG: "off" });
  const base = `http://127.0.0.1:${port}`;
  const rows: DashboardRow[] = [];
  let exportBuild = { buildMs: 0, longestOtherMs: 0, others: 0 };
  try {
    const cookies: Record<Role, string> = { owner: await logIn(base, "owner@demo.earned.test"), leader: await logIn(base, "leader@demo.earned.test") };
    // The view is made first (as by any page), so the probe times the file alone.
    await get(`${base}/o/demo/dashboards/${ids.waveId}`, cookies.owner);
    exportBuild = await whileExportBuilds(base, `/o/demo/dashboards/${ids.waveId}/export/network.gexf`, cookies.owner);
    const scripts = new Map<string, number>();
    for (const page of pages(ids)) {
      for (const role of page.roles) {
        const warm = await get(`${base}${page.path}`, cookies[role]);
        const times: number[] = [];
        let last = warm;
        for (let i = 0; i < (page.flat ? FLAT_PAGE_REQUESTS : REQUESTS); i++) {
          last = await get(`${base}${page.path}`, cookies[role]);
          times.push(last.ttfb);
        }
        times.sort((a, b) => a - b);
        rows.push({
          driver: target.label,
          page: page.name,
          role,
          size,
          p50: round(percentile(times, 50)),
          p99: round(percentile(times, 99)),
          rawKB: round(last.body.length / 1024),
          gzipKB: round(gzipSync(last.body).length / 1024),
          jsGzipKB: page.path.includes("/export/") ? 0 : await javascriptKB(base, last.body.toString(), scripts),
          baseline: baselines.get(page.baseline)!,
          status: last.status,
        });
      }
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  return { rows, seedSeconds, exportBuild };
}

/**
 * The first GEXF of a view is written once (then kept): while it is written, how long does
 * anyone else wait? The health check is asked every 20 ms meanwhile; its longest answer is the
 * figure (the file is written by a worker thread, so this should stay near a quiet request's).
 */
async function whileExportBuilds(base: string, path: string, cookie: string): Promise<{ buildMs: number; longestOtherMs: number; others: number }> {
  let done = false;
  const started = performance.now();
  const build = get(`${base}${path}`, cookie).then(() => (done = true));
  const waits: number[] = [];
  while (!done) {
    waits.push((await get(`${base}/healthz`, "")).ttfb);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await build;
  return { buildMs: round(performance.now() - started), longestOtherMs: round(Math.max(0, ...waits)), others: waits.length };
}

const target = (row: DashboardRow) => (row.size >= 30_000 ? 300 : row.size >= 10_000 ? 150 : null);

/** One table: every page, role and size, with the targets of issue 15. */
export function dashboardTable(rows: DashboardRow[]): string {
  const flatPages = new Set(pages({ orgId: "", waveId: "", personId: "" }).filter((page) => page.flat).map((page) => page.name));
  const smallest = Math.min(...rows.map((row) => row.size));
  const largest = Math.max(...rows.map((row) => row.size));
  const lines = [
    "| database | page | role | people | status | p50 TTFB ms | p99 TTFB ms | payload raw / gzip KB | JS gzip KB | baseline ms | p50 / baseline | target met |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    const limit = target(row);
    const checks: string[] = [];
    if (limit !== null) checks.push(row.p99 < limit ? `yes (p99 < ${limit})` : `no (p99 ≥ ${limit})`);
    if (flatPages.has(row.page) && row.size === largest && largest > smallest) {
      const small = rows.find((other) => other.driver === row.driver && other.page === row.page && other.role === row.role && other.size === smallest);
      if (small) checks.push(row.p50 <= small.p50 * 1.2 ? `flat (${(row.p50 / small.p50).toFixed(2)}× of ${smallest})` : `not flat (${(row.p50 / small.p50).toFixed(2)}× of ${smallest})`);
    }
    lines.push(
      `| ${row.driver} | ${row.page} | ${row.role} | ${row.size.toLocaleString("en")} | ${row.status} | ${row.p50} | ${row.p99} | ${row.rawKB} / ${row.gzipKB} | ${row.jsGzipKB || "—"} | ${row.baseline} | ${(row.p50 / Math.max(row.baseline, 0.1)).toFixed(1)}× | ${checks.join(", ") || "—"} |`,
    );
  }
  return lines.join("\n");
}

export async function benchDashboards(targets: Target[], port = 3410): Promise<string> {
  const sizes = (process.env.BENCH_DASHBOARD_SIZES ?? "2000,10000,30000").split(",").map(Number);
  const rows: DashboardRow[] = [];
  const seeding: string[] = [];
  const exports: string[] = [];
  for (const target of targets) {
    for (const size of sizes) {
      const result = await benchSize(target, size, port);
      rows.push(...result.rows);
      const where = `${target.label}, ${size.toLocaleString("en")} people`;
      seeding.push(`${where}: ${result.seedSeconds === null ? "seeded in an earlier run" : `seeded in ${result.seedSeconds} s`}`);
      const { buildMs, longestOtherMs, others } = result.exportBuild;
      exports.push(`${where}: first GEXF written in ${buildMs} ms; meanwhile ${others} other requests, the slowest answered in ${longestOtherMs} ms`);
    }
  }
  return `${seeding.join("; ")}\n\n${dashboardTable(rows)}\n\nWhile an export is written:\n${exports.map((line) => `- ${line}`).join("\n")}`;
}
