import { spawn } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { BENCH_SECRET, startServer } from "./respondents";

/**
 * Dashboard pages against the production build at several organization sizes, for the demo
 * owner and the demo leader: time to first byte (p50/p99 of ten requests after one warm-up),
 * payload, the page's gzipped JavaScript, and a baseline: the time a plain pg query takes to read
 * the stored results the page shows, measured in the same run, so the ratio is the app's own
 * overhead. Each size's database is seeded once (`earned_bench_dash_<size>` beside the server's
 * database) and kept for the next run; BENCH_RESEED=1 seeds it again.
 *
 * Sizes: BENCH_DASHBOARD_SIZES=2000,10000,30000 (the default); a quick run: =2000.
 */
const REQUESTS = 10;

type Page = { name: string; path: string; roles: Role[]; baseline: string; flat?: boolean };
type Role = "owner" | "leader";
type Ids = { orgId: string; waveId: string; personId: string };
export type DashboardRow = { page: string; role: Role; size: number; p50: number; p99: number; rawKB: number; gzipKB: number; jsGzipKB: number; baseline: number; status: number };

// What each page shows, read the plainest way: the wave's snapshot (every wave page and export
// reads it), the person's snapshots across waves, the roster's first page, the whole roster.
const SNAPSHOT = "select data from analytics_snapshot where organization_id = $1 and wave_id = $2";
const pages = (ids: Ids): Page[] => {
  const wave = `/o/demo/dashboards/${ids.waveId}`;
  return [
    { name: "overview", path: wave, roles: ["owner", "leader"], baseline: SNAPSHOT },
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

async function seeded(adminUrl: string, size: number): Promise<{ url: string; seedSeconds: number | null }> {
  const name = `earned_bench_dash_${size}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    if (exists && process.env.BENCH_RESEED !== "1") {
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const ready = await check.query("select 1 from organization o join analytics_snapshot s on s.organization_id = o.id where o.slug = 'demo'").catch(() => ({ rowCount: 0 }));
      await check.end();
      if (ready.rowCount) return { url: url.toString(), seedSeconds: null };
    }
    if (exists) await admin.query(`drop database ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn("node_modules/.bin/tsx", ["scripts/seed-demo.ts", "--people", String(size)], { env: { ...process.env, DATABASE_URL: url.toString(), APP_SECRET: BENCH_SECRET }, stdio: ["ignore", "ignore", "inherit"] });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seeding ${size} people exited with ${code}`))));
    });
    return { url: url.toString(), seedSeconds: Math.round((performance.now() - started) / 1000) };
  } finally {
    await admin.end();
  }
}

async function idsOf(client: pg.Client): Promise<Ids> {
  const org = await client.query<{ id: string }>("select id from organization where slug = 'demo'");
  const orgId = org.rows[0]!.id;
  const wave = await client.query<{ wave_id: string }>("select s.wave_id from analytics_snapshot s join survey_wave w on w.id = s.wave_id where s.organization_id = $1 order by w.number desc limit 1", [orgId]);
  // A manager in the leader's subtree, named under the default naming: both roles may open them.
  const person = await client.query<{ id: string }>(
    `select p.id from person p join membership m on m.person_id = p.manager_id join app_user u on u.id = m.user_id
     where p.organization_id = $1 and u.email = 'leader@demo.earned.test' and exists (select 1 from person r where r.manager_id = p.id) order by p.name limit 1`,
    [orgId],
  );
  return { orgId, waveId: wave.rows[0]!.wave_id, personId: person.rows[0]!.id };
}

async function baselineMs(client: pg.Client, text: string, ids: Ids): Promise<number> {
  const values = text.includes("$2") ? [ids.orgId, ids.waveId] : [ids.orgId];
  await client.query(text, values);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await client.query(text, values);
    times.push(performance.now() - started);
  }
  return round(times.sort((a, b) => a - b)[2]!);
}

async function benchSize(adminUrl: string, size: number, port: number): Promise<{ rows: DashboardRow[]; seedSeconds: number | null }> {
  const { url, seedSeconds } = await seeded(adminUrl, size);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const server = await startServer({ driver: "pg", connectionString: url, poolSize: 10 }, port, { APP_SECRET: BENCH_SECRET, ACCESS_LOG: "off" });
  const base = `http://127.0.0.1:${port}`;
  const rows: DashboardRow[] = [];
  try {
    const ids = await idsOf(client);
    const cookies: Record<Role, string> = { owner: await logIn(base, "owner@demo.earned.test"), leader: await logIn(base, "leader@demo.earned.test") };
    const scripts = new Map<string, number>();
    for (const page of pages(ids)) {
      const baseline = await baselineMs(client, page.baseline, ids);
      for (const role of page.roles) {
        const warm = await get(`${base}${page.path}`, cookies[role]);
        const times: number[] = [];
        let last = warm;
        for (let i = 0; i < REQUESTS; i++) {
          last = await get(`${base}${page.path}`, cookies[role]);
          times.push(last.ttfb);
        }
        times.sort((a, b) => a - b);
        const html = last.body.toString();
        rows.push({
          page: page.name,
          role,
          size,
          p50: round(percentile(times, 50)),
          p99: round(percentile(times, 99)),
          rawKB: round(last.body.length / 1024),
          gzipKB: round(gzipSync(last.body).length / 1024),
          jsGzipKB: page.path.includes("/export/") ? 0 : await javascriptKB(base, html, scripts),
          baseline,
          status: last.status,
        });
      }
    }
  } finally {
    server.kill("SIGTERM");
    await client.end();
  }
  return { rows, seedSeconds };
}

const target = (row: DashboardRow) => (row.size >= 30_000 ? 300 : row.size >= 10_000 ? 150 : null);

/** One table: every page, role and size, with the targets of issue 15. */
export function dashboardTable(rows: DashboardRow[]): string {
  const flatPages = new Set(pages({ orgId: "", waveId: "", personId: "" }).filter((page) => page.flat).map((page) => page.name));
  const smallest = Math.min(...rows.map((row) => row.size));
  const largest = Math.max(...rows.map((row) => row.size));
  const lines = [
    "| page | role | people | status | p50 TTFB ms | p99 TTFB ms | payload raw / gzip KB | JS gzip KB | baseline ms | p50 / baseline | target met |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    const limit = target(row);
    const checks: string[] = [];
    if (limit !== null) checks.push(row.p99 < limit ? `yes (p99 < ${limit})` : `no (p99 ≥ ${limit})`);
    if (flatPages.has(row.page) && row.size === largest && largest > smallest) {
      const small = rows.find((other) => other.page === row.page && other.role === row.role && other.size === smallest);
      if (small) checks.push(row.p50 <= small.p50 * 1.2 ? `flat (${(row.p50 / small.p50).toFixed(2)}× of ${smallest})` : `not flat (${(row.p50 / small.p50).toFixed(2)}× of ${smallest})`);
    }
    lines.push(
      `| ${row.page} | ${row.role} | ${row.size.toLocaleString("en")} | ${row.status} | ${row.p50} | ${row.p99} | ${row.rawKB} / ${row.gzipKB} | ${row.jsGzipKB || "—"} | ${row.baseline} | ${(row.p50 / Math.max(row.baseline, 0.1)).toFixed(1)}× | ${checks.join(", ") || "—"} |`,
    );
  }
  return lines.join("\n");
}

export async function benchDashboards(adminUrl: string, port = 3410): Promise<string> {
  const sizes = (process.env.BENCH_DASHBOARD_SIZES ?? "2000,10000,30000").split(",").map(Number);
  const rows: DashboardRow[] = [];
  const seeding: string[] = [];
  for (const size of sizes) {
    const result = await benchSize(adminUrl, size, port);
    rows.push(...result.rows);
    seeding.push(`${size.toLocaleString("en")} people: ${result.seedSeconds === null ? "seeded in an earlier run" : `seeded in ${result.seedSeconds} s`}`);
  }
  return `${seeding.join("; ")}\n\n${dashboardTable(rows)}`;
}
