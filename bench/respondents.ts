import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { openDatabase, type DatabaseConfig } from "@db/connection";
import { migrateToLatest } from "@db/migrator";
import { signUp } from "~/modules/accounts/accounts.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { createSurvey } from "~/modules/surveys/surveys.server";
import { openWave } from "~/modules/surveys/wave-lifecycle.server";
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

type Prepared = { base: string; tokens: { token: string; body: string }[] };

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
    const emails = await db.selectFrom("email_message").select(["to_address", "body_text"]).where("organization_id", "=", org.id).where("kind", "=", "survey-invitation").execute();
    const idOf = new Map(people.map((person) => [person.email, person.id]));
    const tokens = emails.map((email, i) => {
      const token = email.body_text!.match(/\/r\/([\w-]+)/)![1]!;
      const self = idOf.get(email.to_address)!;
      const body = new URLSearchParams({ intent: "submit" });
      for (const question of questions) {
        if (question.kind === "likert") body.append(`q-${question.id}`, String((i % 5) + 1));
        if (question.kind === "scale") body.append(`q-${question.id}`, String(i % 11));
        if (question.key === "follow") for (const offset of [1, 7]) body.append(`n-${question.id}`, people[(i + offset) % people.length]!.id === self ? people[(i + 2) % people.length]!.id : people[(i + offset) % people.length]!.id);
      }
      return { token, body: body.toString() };
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
    APP_SECRET: "bench-secret-0123456789-0123456789",
    // No background jobs during the measurement: only submissions compete for the database.
    EARNED_JOBS: "off",
    ...extraEnv,
  };
  if (config.driver === "pg") env.DATABASE_URL = config.connectionString;
  else {
    delete env.DATABASE_URL;
    env.EARNED_DATA_DIR = config.dataDir;
  }
  const child = spawn("node_modules/.bin/tsx", ["server.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
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

async function submit(base: string, { token, body }: { token: string; body: string }): Promise<number> {
  const response = await fetch(`${base}/r/${token}`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 302 || response.headers.get("location") !== "/r/thanks") throw new Error(`submission answered ${response.status}`);
  return response.status;
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

/** The same writes as a submission, straight through pg: the ceiling the app is compared with. */
async function rawPgBaseline(connectionString: string, tokens: string[]) {
  const pool = new pg.Pool({ connectionString, max: CONCURRENCY });
  const sealed = randomBytes(1_500);
  try {
    return await closedLoop(async (item) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const { rows } = await client.query(
          "select i.id, i.wave_id, i.organization_id, i.segment from invitation_token t join invitation i on i.id = t.invitation_id where t.token_hash = $1 for update of i",
          [createHash("sha256").update(tokens[item]!).digest("base64url")],
        );
        const invitation = rows[0];
        await client.query("select person_id from invitation where wave_id = $1 and segment = $2", [invitation.wave_id, invitation.segment]);
        await client.query("insert into response_pool (organization_id, wave_id, sealed) values ($1, $2, $3)", [invitation.organization_id, invitation.wave_id, sealed]);
        await client.query("update invitation set answered = true where id = $1", [invitation.id]);
        await client.query("commit");
      } finally {
        client.release();
      }
    }, tokens.length);
  } finally {
    await pool.end();
  }
}

export async function benchRespondents(config: DatabaseConfig, port = 3400) {
  const { tokens } = await prepare(config);
  const server = await startServer(config, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const weight = await pageWeight(base, tokens[0]!.token);
    await submit(base, tokens[0]!);
    const closed = await closedLoop((item) => submit(base, tokens[1 + item]!), CLOSED_LOOP);
    const rate = Math.max(5, Math.floor(closed.perSecond / 2));
    const start = 1 + CLOSED_LOOP;
    const available = tokens.length - start - (config.driver === "pg" ? 1_000 : 0);
    const open = await openLoop((item) => submit(base, tokens[item]!), rate, Math.min(OPEN_LOOP_SECONDS, available / rate), start);
    const baseline = config.driver === "pg" ? await rawPgBaseline(config.connectionString, tokens.slice(-1_000).map((t) => t.token)) : null;
    return {
      page: weight,
      closedLoop: { concurrency: CONCURRENCY, ...closed },
      openLoop: { concurrency: CONCURRENCY, ...open, note: "latency from each request's due time, at half the closed-loop throughput" },
      rawPgBaseline: baseline ? { ...baseline, appShare: +(closed.perSecond / baseline.perSecond).toFixed(2) } : "not applicable to the embedded database",
      targets: { javascriptUnder60KB: weight.javascriptGzipKB <= 60, p99Under100msOnPostgres: config.driver === "pg" ? open.p99ms < 100 : "PostgreSQL only" },
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}
