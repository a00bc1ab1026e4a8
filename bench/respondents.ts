import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { openDatabase, type DatabaseConfig } from "@db/connection";
import { migrateToLatest } from "@db/migrator";
import { signUp } from "~/modules/accounts/accounts.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { createSurvey } from "~/modules/surveys/surveys.server";
import { openWave } from "~/modules/surveys/wave-lifecycle.server";
import { ballotToken } from "~/modules/anonymity/ballots.server";
import { hashToken } from "~/modules/tokens.server";
import { cpuBetween, isPostgres, processCpuMs } from "./cpu";
import { generateDemoRoster, rosterCsv } from "../scripts/demo/demo-roster";

/**
 * The respondent side against the production build: page weight, and submissions under 50
 * concurrent respondents: closed loop (as fast as it goes) for throughput, then open loop at half
 * that rate for latency (timed from when each request was due, so a slow server cannot hide its
 * queue). On PostgreSQL, raw pg doing the same writes is measured in the same run as the baseline.
 */
const PEOPLE = 4_000;
const CONCURRENCY = 50;
const CLOSED_LOOP = 1_200;
const OPEN_LOOP_SECONDS = 8;

/** The server's secret, and this process's before anything derives a key from it: links are derived with it. */
export const BENCH_SECRET = "bench-secret-0123456789-0123456789";
process.env.APP_SECRET = BENCH_SECRET;

async function prepare(config: DatabaseConfig) {
  const handle = openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const db = handle.db;
    const owner = await signUp(db, { name: "Bench", email: `bench-${Date.now()}@example.com`, password: "benchmark password", organizationName: "Bench Respondents" });
    if (owner.outcome !== "created") throw new Error("sign-up");
    const org = await db.selectFrom("organization").select("id").where("slug", "=", owner.orgSlug).executeTakeFirstOrThrow();
    const preview = await previewRosterImport(db, {
      orgId: org.id,
      userId: owner.userId,
      fileName: "bench.csv",
      bytes: new TextEncoder().encode(rosterCsv(generateDemoRoster({ size: PEOPLE, seed: 3, domain: "respond.example" }))),
      deactivateMissing: false,
    });
    if (preview.outcome !== "previewed" || (await applyRosterImport(db, org.id, preview.importId)) !== "applied") throw new Error("roster");
    const survey = await createSurvey(db, org.id, { name: "Bench pulse", templateKey: "influence-and-authority-pulse" });
    if (survey.outcome !== "created") throw new Error("survey");
    const wave = await db.selectFrom("survey_wave").select("id").where("survey_id", "=", survey.surveyId).executeTakeFirstOrThrow();
    if ((await openWave(db, org.id, wave.id, { baseUrl: "http://bench" })).outcome !== "done") throw new Error("open");
    const questions = await db.selectFrom("question").select(["id", "key", "kind"]).where("wave_id", "=", wave.id).execute();
    const people = await db.selectFrom("person").select(["id", "email"]).where("organization_id", "=", org.id).execute();
    // Links are derived from the invitation, never stored (the anonymity model): derive them here
    // with the secret the server is started with.
    const invitations = await db.selectFrom("invitation").select(["id", "person_id"]).where("wave_id", "=", wave.id).execute();
    const tokens = invitations.map((invitation, i) => {
      const self = invitation.person_id;
      const body = new URLSearchParams({ intent: "submit" });
      for (const question of questions) {
        if (question.kind === "likert") body.append(`q-${question.id}`, String((i % 5) + 1));
        if (question.kind === "scale") body.append(`q-${question.id}`, String(i % 11));
        if (question.key === "follow") for (const offset of [1, 7]) body.append(`n-${question.id}`, people[(i + offset) % people.length]!.id === self ? people[(i + 2) % people.length]!.id : people[(i + offset) % people.length]!.id);
      }
      return { token: ballotToken(invitation.id), invitationId: invitation.id, body: body.toString() };
    });
    return { tokens, orgId: org.id };
  } finally {
    await handle.close();
  }
}

export function startServer(config: DatabaseConfig, port: number, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_SECRET: BENCH_SECRET,
    // No background jobs during the measurement: only submissions compete for the database.
    EARNED_JOBS: "off",
    ...extraEnv,
  };
  if (config.driver === "pg") {
    env.DATABASE_URL = config.connectionString;
    // As many connections as the raw pg baseline gets, so the two are compared like for like.
    env.DATABASE_POOL_SIZE ??= String(config.poolSize);
  } else {
    delete env.DATABASE_URL;
    env.EARNED_DATA_DIR = config.dataDir;
  }
  // BENCH_PROFILE_DIR=/some/dir: the server writes a CPU profile there when it stops (where a request's time goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "server.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start")), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function pageWeight(base: string, token: string) {
  const html = await (await fetch(`${base}/r/${token}`)).text();
  const assets = [...html.matchAll(/<(?:script[^>]+src|link[^>]+href)="([^"]+)"/g)].map((match) => match[1]!).filter((src) => src.endsWith(".js") || src.endsWith(".css"));
  let js = 0;
  let css = 0;
  for (const asset of assets) {
    const bytes = gzipSync(Buffer.from(await (await fetch(`${base}${asset}`)).arrayBuffer())).length;
    if (asset.endsWith(".js")) js += bytes;
    else css += bytes;
  }
  return { htmlGzipKB: +(gzipSync(html).length / 1024).toFixed(1), javascriptGzipKB: +(js / 1024).toFixed(1), cssGzipKB: +(css / 1024).toFixed(1), scripts: assets.filter((a) => a.endsWith(".js")) };
}

// The load generator shares the machine's two cores with the server and PostgreSQL: node's own
// HTTP client with kept-alive connections costs it about half of what fetch does per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function submit(base: string, { token, body }: { token: string; body: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/r/${token}`, { method: "POST", agent, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => {
        if (response.statusCode !== 302 || response.headers.location !== "/r/thanks") reject(new Error(`submission answered ${response.statusCode}`));
        else resolve(response.statusCode);
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function closedLoop(run: (item: number) => Promise<unknown>, total: number) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let item = next++; item < total; item = next++) {
        const t = performance.now();
        await run(item);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: Math.round(total / seconds), p50ms: Math.round(percentile(latencies, 50)), p99ms: Math.round(percentile(latencies, 99)) };
}

/** Requests due at a fixed rate, at most CONCURRENCY in flight; latency counts from the due time. */
async function openLoop(run: (item: number) => Promise<unknown>, rate: number, seconds: number, offset: number) {
  const total = Math.floor(rate * seconds);
  const latencies: number[] = [];
  const started = performance.now();
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const tasks: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const delay = due - performance.now();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    while (inFlight >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight++;
    tasks.push(
      run(offset + i).then(() => {
        latencies.push(performance.now() - due);
        inFlight--;
        waiting.shift()?.();
      }),
    );
  }
  await Promise.all(tasks);
  latencies.sort((a, b) => a - b);
  return { offeredPerSecond: rate, p50ms: Math.round(percentile(latencies, 50)), p99ms: Math.round(percentile(latencies, 99)) };
}

/**
 * The same reads and writes as a submission, straight through pg: the ceiling the app is compared
 * with. Find and lock the ballot, read the wave (with the survey's and organization's names, which
 * the form shows if it must be drawn again) and the invitation's segment, check the nominees, add
 * the sealed answers to the pool, spend the ballot. What it leaves out is the app's own work: HTTP
 * and form parsing, validation, unsealing the ballot's claims and sealing the answers.
 */
async function rawPgBaseline(connectionString: string, ballots: { token: string; invitationId: string; body: string }[]) {
  const pool = new pg.Pool({ connectionString, max: CONCURRENCY });
  const sealed = randomBytes(1_500);
  try {
    return await withCpu(null, ballots.length, () => closedLoop(async (item) => {
      const ballot = ballots[item]!;
      const nominees = new URLSearchParams(ballot.body).getAll([...new URLSearchParams(ballot.body).keys()].find((key) => key.startsWith("n-")) ?? "");
      const client = await pool.connect();
      try {
        await client.query("begin");
        const { rows } = await client.query("select token_hash, organization_id, wave_id, spent, claims from ballot where token_hash = $1 for update", [hashToken(ballot.token)]);
        const { token_hash: tokenHash, organization_id: orgId, wave_id: waveId } = rows[0];
        await Promise.all([
          client.query(
            `select w.id, w.status, w.closes_at, w.min_group_size, w.admins_hold_links, w.distribution, s.name, o.id, o.name, o.comment_min_group_size
             from survey_wave w join survey s on s.id = w.survey_id join organization o on o.id = w.organization_id where w.id = $2 and w.organization_id = $1`,
            [orgId, waveId],
          ),
          client.query("select person_id, segment from invitation where organization_id = $1 and id = $2", [orgId, ballot.invitationId]),
        ]);
        await client.query("select id from person where organization_id = $1 and active and id = any($2::uuid[])", [orgId, nominees]);
        await client.query("insert into response_pool (organization_id, wave_id, sealed) values ($1, $2, $3)", [orgId, waveId, sealed]);
        await client.query("update ballot set spent = true where token_hash = $1", [tokenHash]);
        await client.query("commit");
      } finally {
        client.release();
      }
    }, ballots.length));
  } finally {
    await pool.end();
  }
}

/**
 * Where a closed loop's CPU goes, per submission (ms): the server (when there is one), this
 * process (the load generator, or the raw pg client) and PostgreSQL's processes. They share the
 * machine's cores, so a heavier load generator slows the server it measures.
 */
async function withCpu<T extends object>(serverPid: number | null, submissions: number, run: () => Promise<T>): Promise<T & { cpuMsPerSubmission?: Record<string, number> }> {
  const isServer = (pid: number) => pid === serverPid;
  const before = { server: processCpuMs(isServer), postgres: processCpuMs(isPostgres), self: process.cpuUsage() };
  const result = await run();
  const server = cpuBetween(before.server, processCpuMs(isServer));
  const postgres = cpuBetween(before.postgres, processCpuMs(isPostgres));
  const self = process.cpuUsage(before.self);
  if (server === null || postgres === null) return result;
  const per = (ms: number) => +(ms / submissions).toFixed(2);
  return { ...result, cpuMsPerSubmission: { ...(serverPid === null ? {} : { server: per(server) }), loadGenerator: per((self.user + self.system) / 1000), postgres: per(postgres) } };
}

export async function benchRespondents(config: DatabaseConfig, port = 3400) {
  const { tokens } = await prepare(config);
  const server = await startServer(config, port);
  const base = `http://127.0.0.1:${port}`;
  let measured;
  try {
    const weight = await pageWeight(base, tokens[0]!.token);
    await submit(base, tokens[0]!);
    const closed = await withCpu(server.pid!, CLOSED_LOOP, () => closedLoop((item) => submit(base, tokens[1 + item]!), CLOSED_LOOP));
    const rate = Math.max(5, Math.floor(closed.perSecond / 2));
    const start = 1 + CLOSED_LOOP;
    const available = tokens.length - start - (config.driver === "pg" ? 1_000 : 0);
    const open = await openLoop((item) => submit(base, tokens[item]!), rate, Math.min(OPEN_LOOP_SECONDS, available / rate), start);
    measured = { weight, closed, open };
  } finally {
    agent.destroy();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  // After the server has let its connections go: both at once would pass the server's limit.
  const baseline = config.driver === "pg" ? await rawPgBaseline(config.connectionString, tokens.slice(-1_000)) : null;
  const { weight, closed, open } = measured;
  return {
    page: weight,
    closedLoop: { concurrency: CONCURRENCY, ...closed },
    openLoop: { concurrency: CONCURRENCY, ...open, note: "latency from each request's due time, at half the closed-loop throughput" },
    rawPgBaseline: baseline ? { ...baseline, appShare: +(closed.perSecond / baseline.perSecond).toFixed(2) } : "not applicable to the embedded database",
    targets: {
      javascriptUnder60KB: weight.javascriptGzipKB <= 60,
      p99Under100msOnPostgres: config.driver === "pg" ? open.p99ms < 100 : "PostgreSQL only",
      halfOfRawPg: baseline ? closed.perSecond >= baseline.perSecond / 2 : "PostgreSQL only",
    },
  };
}
