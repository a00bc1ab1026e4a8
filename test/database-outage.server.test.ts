import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@db/errors";
import { db } from "~/db.server";
import { createOpenLink } from "~/modules/surveys/distribution.server";
import { updateWaveSettings } from "~/modules/surveys/surveys.server";
import { openWave } from "~/modules/surveys/wave-lifecycle.server";
import { hashToken } from "~/modules/tokens.server";
import { launchAppServer, startAppServer, untilHealthy, type AppServer } from "./app-server";
import { startDatabaseSwitch, type DatabaseSwitch } from "./database-switch";
import { answersFromPage, fieldsKeptOnPage, formBody } from "./respondent-http";
import { needsPostgres, skipBecause } from "./skip";
import { createOrgWithSurvey, openWithLinks } from "./survey-fixtures.server";

/**
 * The production server as a child process, on this file's own PostgreSQL database, while the
 * database goes away under load: every connection terminated, the server cut off, and (in
 * `npm run test:db-restart`) PostgreSQL itself stopped and started. Respondents are driven over
 * HTTP and send again when told nothing was saved, as the page asks them to. The process must
 * stay up, /healthz must say 503 while the database is away and 200 after, and every answer the
 * app acknowledged must be stored exactly once.
 */

const databaseUrl = process.env.DATABASE_URL ?? "";
const databaseName = databaseUrl ? new URL(databaseUrl).pathname.slice(1) : "";
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const measured: string[] = [];
const run = promisify(execFile);

afterAll(() => {
  if (measured.length > 0) console.info(`Database outage figures:\n  ${measured.join("\n  ")}`);
});

/**
 * How many answers the database holds for a wave and which links are marked used. The response
 * storage is being redesigned: this is the one place in the test that knows how it looks.
 */
async function storedForWave(waveId: string, tokens: string[]) {
  const count = async (table: "response_pool" | "response") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("wave_id", "=", waveId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const pooled = await count("response_pool");
  const released = await count("response");
  const used = await db.selectFrom("ballot").select("token_hash").where("wave_id", "=", waveId).where("spent", "=", true).execute();
  const usedHashes = new Set(used.map((row) => row.token_hash));
  const invitationsUsed = usedHashes.size;
  const segments = await db.selectFrom("invitation").select("segment").distinct().where("wave_id", "=", waveId).execute();
  return { answers: pooled + released, pooled, released, segments: segments.length, invitationsUsed, linkUsed: (token: string) => usedHashes.has(hashToken(token)), tokens: tokens.length };
}

/** The test's own connections go through the outage too: a query may meet a dead one once. */
async function afterOutage<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt >= 20) throw error;
      await pause(250);
    }
  }
}

type Tally = {
  thanks: string[];
  answeredBefore: string[];
  unavailableReplies: number;
  noReply: number;
  unexpected: string[];
  formsKept: number;
  formsLost: number;
  formShownAgain: number;
};

type Reply = { status: number; location: string | null; html: string };

/** One request and its whole reply, or undefined when none came; fails at once if the server died. */
async function request(server: AppServer, path: string, init: RequestInit = {}): Promise<Reply | undefined> {
  try {
    const response = await fetch(`${server.url}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    return { status: response.status, location: response.headers.get("Location"), html: await response.text() };
  } catch (error) {
    if (!server.running()) throw new Error(`The server process exited:\n${server.output().slice(-3_000)}`, { cause: error });
    return undefined;
  }
}

/**
 * Respondents answering their links, `concurrency` at a time: each opens the page, sends the
 * form, and sends it again after a pause whenever the reply is 503 (or no reply came), until
 * it is thanked or told the link was already used (an earlier try was stored, its reply lost).
 */
async function answerAll(server: AppServer, tokens: string[], concurrency: number, tally: Tally) {
  let next = 0;
  const respond = async (token: string, seed: number) => {
    const deadline = Date.now() + 120_000;
    let fields: [string, string][] | undefined;
    while (Date.now() < deadline) {
      if (!fields) {
        const page = await request(server, `/r/${token}`);
        if (page?.status === 200) fields = answersFromPage(page.html, seed);
        else if (page?.status === 410) {
          tally.answeredBefore.push(token);
          return;
        } else {
          if (page && page.status !== 503) tally.unexpected.push(`GET ${page.status}`);
          await pause(200);
          continue;
        }
      }
      const reply = await request(server, `/r/${token}`, { method: "POST", body: formBody(fields) });
      if (reply?.status === 302) {
        if (reply.location === "/r/thanks") tally.thanks.push(token);
        else if (reply.location === `/r/${token}`) tally.answeredBefore.push(token);
        else tally.unexpected.push(`POST 302 to ${reply.location}`);
        return;
      }
      if (reply?.status === 503) {
        tally.unavailableReplies++;
        const kept = fieldsKeptOnPage(reply.html);
        const allKept = fields.filter(([name]) => name.startsWith("q-")).every(([name, value]) => kept.some(([n, v]) => n === name && v === value));
        if (/nothing was saved/i.test(reply.html) && allKept) tally.formsKept++;
        else tally.formsLost++;
        // The whole form again when the survey could still be loaded, else the "Send again" page.
        if (reply.html.includes("data-respondent-form")) tally.formShownAgain++;
      } else if (reply) tally.unexpected.push(`POST ${reply.status}`);
      else tally.noReply++;
      await pause(200);
    }
    tally.unexpected.push("gave up after 120 s");
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tokens.length) {
        const index = next++;
        await respond(tokens[index]!, index);
      }
    }),
  );
}

const newTally = (): Tally => ({
  thanks: [],
  answeredBefore: [],
  unavailableReplies: 0,
  noReply: 0,
  unexpected: [],
  formsKept: 0,
  formsLost: 0,
  formShownAgain: 0,
});

async function healthz(server: AppServer): Promise<number | "no answer"> {
  const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  return response?.status ?? "no answer";
}

/** Milliseconds until /healthz answers 200 again. */
async function recovery(server: AppServer, timeoutMs = 30_000): Promise<number> {
  const started = performance.now();
  while ((await healthz(server)) !== 200) {
    if (performance.now() - started > timeoutMs) throw new Error(`/healthz did not recover within ${timeoutMs} ms`);
    await pause(50);
  }
  return Math.round(performance.now() - started);
}

async function expectEveryAcknowledgedAnswerStoredOnce(waveId: string, tokens: string[], tally: Tally) {
  const stored = await afterOutage(() => storedForWave(waveId, tokens));
  expect(tally.unexpected).toEqual([]);
  // Every respondent got through in the end, each link was used once and holds one answer.
  expect(tally.thanks.length + tally.answeredBefore.length).toBe(tokens.length);
  expect(tally.thanks.filter((token) => !stored.linkUsed(token))).toEqual([]);
  expect(stored.invitationsUsed).toBe(tokens.length);
  expect(stored.answers).toBe(tokens.length);
  // A 503 never lost what the respondent had filled in.
  expect(tally.formsLost).toBe(0);
  return stored;
}

/**
 * The release timer picks up again: within 30 s everything the rules allow is out. When a whole
 * segment has answered, the rules keep one answer back until close (a group is never shown as all
 * answered), so at most one per segment may still wait.
 */
async function expectReleasesResume(waveId: string) {
  const started = performance.now();
  const releasable = async () => {
    const stored = await afterOutage(() => storedForWave(waveId, []));
    return stored.released < stored.answers - stored.segments;
  };
  while (await releasable()) {
    if (performance.now() - started > 30_000) throw new Error("The response pool was not released within 30 s of recovery");
    await pause(250);
  }
}

/** A second wave, distributed through one open link (open links never join personal-link waves). */
async function openLinkWave() {
  const org = await createOrgWithSurvey({ name: "Open" });
  await updateWaveSettings(db, org.org.id, org.waveId, { minGroupSize: 5, distribution: "open", reminderDays: [], opensAt: null, closesAt: null, repeatEveryWeeks: null });
  expect((await openWave(db, org.org.id, org.waveId, { baseUrl: "https://earned.test" })).outcome).toBe("done");
  return { waveId: org.waveId, token: (await createOpenLink(db, org.org.id, org.waveId))! };
}

async function waveWithLinks(teamSize: number) {
  const org = await createOrgWithSurvey({ teamSize });
  const links = await openWithLinks(org.org.id, org.waveId);
  return { ...org, tokens: [...links.values()] };
}

describe.skipIf(skipBecause(needsPostgres("The database outage test")))("the server while PostgreSQL goes away", () => {
  describe("terminating every connection mid-load", () => {
    let server: AppServer;
    afterAll(async () => server?.stop());

    it("stays up, recovers, and stores every acknowledged answer exactly once", { timeout: 240_000 }, async () => {
      const wave = await waveWithLinks(150);
      server = await startAppServer(databaseUrl);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const tally = newTally();
      const rounds: { terminated: number; answered: number }[] = [];
      let loadDone = false;
      try {
        const terminator = (async () => {
          while (tally.thanks.length < 20 && !loadDone) await pause(20);
          while (rounds.length < 5 && !loadDone) {
            const { rows } = await admin.query<{ n: number }>(
              "select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) terminated",
              [databaseName],
            );
            rounds.push({ terminated: rows[0]!.n, answered: tally.thanks.length + tally.answeredBefore.length });
            await pause(300);
          }
        })();
        await answerAll(server, wave.tokens, 12, tally);
        loadDone = true;
        await terminator;
      } finally {
        await admin.end();
      }
      const recoveredMs = await recovery(server);
      expect(server.running()).toBe(true);
      expect(rounds.filter((round) => round.terminated > 0 && round.answered < wave.tokens.length).length).toBeGreaterThanOrEqual(3);
      await expectEveryAcknowledgedAnswerStoredOnce(wave.waveId, wave.tokens, tally);
      await expectReleasesResume(wave.waveId);
      expect(server.running()).toBe(true);
      expect(server.output()).not.toMatch(/Uncaught exception/);
      measured.push(
        `terminations: ${rounds.length} rounds mid-load (${rounds.map((round) => round.terminated).join(", ")} connections), ${
          wave.tokens.length
        } respondents: ${tally.thanks.length} thanked, ` +
          `${tally.answeredBefore.length} told "already answered" after a lost reply, ${tally.unavailableReplies} 503 replies (answers kept on ${tally.formsKept}: ${tally.formShownAgain} as the form, the rest for "Send again"), ${tally.noReply} requests without a reply, ` +
          `0 lost, 0 twice; /healthz 200 ${recoveredMs} ms after the load; ${serverLogFigures(server)}`,
      );
    });
  });

  describe("pages while PostgreSQL cannot be reached", () => {
    let server: AppServer;
    let dbSwitch: DatabaseSwitch;
    afterAll(async () => {
      await server?.stop();
      await dbSwitch?.close();
    });

    it("answers 503 pages that keep a respondent's answers, says so on dashboards, and recovers by itself", { timeout: 180_000 }, async () => {
      const wave = await waveWithLinks(5);
      const open = await openLinkWave();
      const openToken = open.token;
      dbSwitch = await startDatabaseSwitch(databaseUrl);
      server = await startAppServer(dbSwitch.url);
      const [token, otherToken] = wave.tokens;
      const form = await fetch(`${server.url}/r/${token}`);
      expect(form.status).toBe(200);
      const answers = answersFromPage(await form.text(), 1);
      const openAnswers = answersFromPage(await (await fetch(`${server.url}/r/open/${openToken}`)).text(), 2);
      const dashboards = `${server.url}/o/${wave.org.slug}/dashboards`;
      expect((await fetch(dashboards, { headers: { Cookie: wave.cookie }, redirect: "manual" })).status).toBe(200);

      await dbSwitch.cut();
      const cutAt = performance.now();
      expect(await healthz(server)).toBe(503);
      const healthzDownMs = Math.round(performance.now() - cutAt);

      const page = await fetch(`${server.url}/r/${otherToken}`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("The survey is unavailable for a moment");

      expect((await fetch(`${server.url}/r/${otherToken}/people?q=Eng`)).status).toBe(503);

      const sent = await fetch(`${server.url}/r/${token}`, { method: "POST", body: formBody(answers), redirect: "manual" });
      expect(sent.status).toBe(503);
      expect(sent.headers.get("Retry-After")).toBe("10");
      const unsentPage = await sent.text();
      expect(unsentPage).toContain("Nothing was saved yet");
      expect(unsentPage).toContain("Anonymous survey"); // the respondent layout, not the app's error page
      const kept = fieldsKeptOnPage(unsentPage);
      expect(kept).toEqual(answers);

      const openSent = await fetch(`${server.url}/r/open/${openToken}`, { method: "POST", body: formBody(openAnswers), redirect: "manual" });
      expect(openSent.status).toBe(503);
      const openKept = fieldsKeptOnPage(await openSent.text());
      expect(openKept).toEqual(openAnswers);

      const dashboard = await fetch(dashboards, { headers: { Cookie: wave.cookie }, redirect: "manual" });
      expect(dashboard.status).toBe(503);
      expect(await dashboard.text()).toContain("Temporarily unavailable");

      await pause(1_000);
      expect(server.running()).toBe(true);
      await dbSwitch.restore();
      const recoveredMs = await recovery(server);

      // "Send again" on the page sends exactly what it kept.
      const resent = await fetch(`${server.url}/r/${token}`, { method: "POST", body: formBody(kept), redirect: "manual" });
      expect(resent.status).toBe(302);
      expect(resent.headers.get("Location")).toBe("/r/thanks");
      const openResent = await fetch(`${server.url}/r/open/${openToken}`, { method: "POST", body: formBody(openKept), redirect: "manual" });
      expect(openResent.headers.get("Location")).toBe("/r/thanks");
      expect((await fetch(dashboards, { headers: { Cookie: wave.cookie }, redirect: "manual" })).status).toBe(200);
      const stored = await afterOutage(() => storedForWave(wave.waveId, [token!]));
      expect(stored.linkUsed(token!)).toBe(true);
      expect(stored.answers).toBe(1);
      expect((await afterOutage(() => storedForWave(open.waveId, []))).answers).toBe(1);
      expect(server.output()).not.toMatch(/Uncaught exception/);
      measured.push(`server cut off: /healthz 503 after ${healthzDownMs} ms, 200 again ${recoveredMs} ms after the connection was back`);
    });
  });

  describe("starting before PostgreSQL is reachable", () => {
    let server: AppServer | undefined;
    let dbSwitch: DatabaseSwitch;
    afterAll(async () => {
      await server?.stop();
      await dbSwitch?.close();
    });

    it("waits for the database instead of exiting", { timeout: 120_000 }, async () => {
      dbSwitch = await startDatabaseSwitch(databaseUrl);
      await dbSwitch.cut();
      server = await launchAppServer(dbSwitch.url);
      for (const started = Date.now(); !server.output().includes("Waiting for PostgreSQL"); await pause(100)) {
        if (!server.running() || Date.now() - started > 60_000) throw new Error(`The server did not wait for its database:\n${server.output()}`);
      }
      await dbSwitch.restore();
      await untilHealthy(server);
      expect(server.running()).toBe(true);
      expect(await healthz(server)).toBe(200);
    });
  });

  describe("restarting PostgreSQL mid-load", () => {
    const cluster = localCluster();
    const reason =
      process.env.EARNED_TEST_RESTART_POSTGRES !== "1"
        ? "restarting PostgreSQL stops every database on the server, so it runs only in `npm run test:db-restart` (CI runs it after the suites)"
        : typeof cluster === "string"
        ? cluster
        : false;
    let server: AppServer;
    afterAll(async () => server?.stop());

    it.skipIf(skipBecause(reason))(
      "stays up through stop and start, recovers, and stores every acknowledged answer exactly once",
      { timeout: 300_000 },
      async () => {
        const { control } = cluster as Exclude<typeof cluster, string>;
        const wave = await waveWithLinks(150);
        server = await startAppServer(databaseUrl);
        const tally = newTally();
        const restarts: { stopMs: number; sawUnavailable: boolean; acceptingMs: number; healthyMs: number }[] = [];
        let loadDone = false;
        const answered = () => tally.thanks.length + tally.answeredBefore.length;
        // The control commands run beside the load (never blocking this process), and the clock
        // for recovery starts when PostgreSQL accepts connections again, seen from a client here.
        const restarter = (async () => {
          for (const startAfter of [20, 80]) {
            while (answered() < startAfter && !loadDone) await pause(20);
            if (loadDone) return;
            const stopping = performance.now();
            let stopMs = 0;
            let sawUnavailable = false;
            try {
              await control("stop", "-m", "fast");
              stopMs = Math.round(performance.now() - stopping);
              sawUnavailable = (await healthz(server)) === 503;
              // Short on purpose: other tests may be using this server.
              await pause(500);
            } finally {
              const starting = performance.now();
              const [accepting, healthy] = await Promise.all([
                untilPostgresAccepts(),
                recovery(server, 60_000).then(() => performance.now()),
                control("start"),
              ]);
              restarts.push({ stopMs, sawUnavailable, acceptingMs: Math.round(accepting - starting), healthyMs: Math.max(0, Math.round(healthy - accepting)) });
            }
          }
        })();
        try {
          await answerAll(server, wave.tokens, 12, tally);
        } finally {
          loadDone = true;
          await restarter;
        }
        expect(server.running()).toBe(true);
        expect(restarts).toHaveLength(2);
        expect(restarts.every((restart) => restart.sawUnavailable)).toBe(true);
        await expectEveryAcknowledgedAnswerStoredOnce(wave.waveId, wave.tokens, tally);
        await expectReleasesResume(wave.waveId);
        expect(server.running()).toBe(true);
        expect(server.output()).not.toMatch(/Uncaught exception/);
        measured.push(
          `restarts: ${restarts.length} mid-load (stop took ${restarts.map((r) => r.stopMs).join(", ")} ms; accepting connections ` +
            `${restarts.map((r) => r.acceptingMs).join(", ")} ms after start; /healthz 200 ${restarts.map((r) => r.healthyMs).join(", ")} ms after that), ` +
            `${wave.tokens.length} respondents: ${tally.thanks.length} thanked, ${tally.answeredBefore.length} told "already answered" after a lost reply, ` +
            `${tally.unavailableReplies} 503 replies (answers kept on ${tally.formsKept}: ${tally.formShownAgain} as the form, the rest for "Send again"), ${
              tally.noReply
            } requests without a reply, 0 lost, 0 twice; ${serverLogFigures(server)}`,
        );
      },
    );
  });
});

function serverLogFigures(server: AppServer): string {
  const count = (pattern: RegExp) => (server.output().match(pattern) ?? []).length;
  return `unhandled rejections logged: ${count(/Unhandled promise rejection/g)}, job ends not recorded: ${count(
    /could not record the end/g,
  )}, connections lost: ${count(/PostgreSQL connection lost/g)}`;
}

/**
 * The local cluster behind TEST_DATABASE_URL, with a way to stop and start it, or why there is
 * none here.
 */
function localCluster(): string | { control: (...args: string[]) => Promise<void> } {
  if (!existsSync("/usr/bin/pg_ctlcluster")) return "pg_ctlcluster is not installed here";
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://localhost");
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) return `TEST_DATABASE_URL names ${url.hostname}, not this machine`;
  const port = url.port || "5432";
  // "15 main 5432 online postgres /var/lib/postgresql/15/main /var/log/..."
  const cluster = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .find(([, , clusterPort, status]) => clusterPort === port && status === "online");
  if (!cluster) return `no local PostgreSQL cluster is online on port ${port}`;
  const [version, name] = cluster as [string, string];
  const root = process.getuid?.() === 0;
  const sudo = !root && canSudo();
  if (!root && !sudo) return "stopping PostgreSQL needs root (or sudo without a password)";
  const command = sudo ? ["sudo", "-n", "pg_ctlcluster"] : ["pg_ctlcluster"];
  return {
    control: async (...args) => {
      await run(command[0]!, [...command.slice(1), "--skip-systemctl-redirect", version, name, ...args], { timeout: 60_000 });
    },
  };
}

/** When PostgreSQL takes new connections again, as a fresh client sees it. */
async function untilPostgresAccepts(): Promise<number> {
  for (const started = performance.now(); performance.now() - started < 60_000; await pause(25)) {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 1_000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("select 1");
      return performance.now();
    } catch {
      // still starting
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error("PostgreSQL did not accept connections within 60 s of its start");
}

function canSudo(): boolean {
  try {
    execFileSync("sudo", ["-n", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
