import { createRequire } from "node:module";
import PgBoss from "pg-boss";
import type { DatabaseHandle, RawExecutor } from "@db/connection";
import { releaseResponsePool } from "~/modules/anonymity/pool.server";
import { config } from "~/modules/config.server";
import { JOBS } from "./catalog.server";
import type { GlobalWithJobs } from "./queue.server";

/**
 * The response pool is released on a timer in each instance, not by a job queued per submission:
 * a queued job is a timestamped row written right after an invitation was used, which would
 * record when each person answered. Releases of one wave are serialized by an advisory lock.
 */
let releaseTimer: NodeJS.Timeout | undefined;

const SCHEMA = "pgboss";

/**
 * pg-boss records the end of each job it ran (complete, or fail for a retry) without awaiting
 * the statement. If the database is away at that moment, the rejection has no handler. Those two
 * statements, and only those, are logged and settled here: the job stays active until it
 * expires, and pg-boss then runs it again, which our jobs (sweeps over due work) allow. The
 * statements are recognised by the exact text pg-boss generates for our schema; the test in
 * runner.server.test.ts fails if an upgrade changes that.
 */
const planFor = createRequire(import.meta.url)("pg-boss/src/plans.js") as Record<"completeJobs" | "failJobsById", (schema: string) => string>;
const UNAWAITED_STATEMENTS = new Set([planFor.completeJobs(SCHEMA), planFor.failJobsById(SCHEMA)]);

export function jobsExecutor(executeRaw: RawExecutor): RawExecutor {
  return async (text, values) => {
    if (!UNAWAITED_STATEMENTS.has(text)) return executeRaw(text, values);
    try {
      return await executeRaw(text, values);
    } catch (error) {
      console.error(`Background jobs: could not record the end of a ${String(values?.[0])} job (${(error as Error).message}); it will run again once it expires.`);
      // What pg-boss reads from the statement's result: how many jobs changed.
      return { rows: [{ count: 0 }] };
    }
  };
}

/** pg-boss on the app's database, sharing its connections (and on PGlite, its one instance). */
export function createBoss(executeRaw: RawExecutor): PgBoss {
  const boss = new PgBoss({ db: { executeSql: jobsExecutor(executeRaw) }, schema: SCHEMA });
  boss.on("error", (error) => console.error("Background jobs:", error.message));
  return boss;
}

/**
 * Background work runs on pg-boss, in the same PostgreSQL as everything else, so that any number
 * of app instances share one queue and schedules run once. On the embedded database it shares
 * the PGlite instance through the handle's raw executor.
 */
export async function startJobs(handle: DatabaseHandle): Promise<void> {
  if (!config().EARNED_JOBS) return;
  const boss = createBoss(handle.executeRaw);
  await boss.start();
  for (const [name, job] of Object.entries(JOBS)) {
    await boss.createQueue(name, { name, retryLimit: job.retryLimit ?? 3, retryBackoff: true, retryDelay: 10 });
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: job.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const { data } of jobs) await job.run(handle.db, data ?? {});
    });
    if (job.cron) await boss.schedule(name, job.cron, {}, { tz: "UTC" });
  }
  (globalThis as GlobalWithJobs).__earnedJobs = boss;
  let releasing = false;
  releaseTimer = setInterval(() => {
    if (releasing) return;
    releasing = true;
    releaseResponsePool(handle.db)
      .catch((error: Error) => console.error("Releasing responses:", error.message))
      .finally(() => (releasing = false));
  }, config().EARNED_RELEASE_INTERVAL_SECONDS * 1000);
}

export async function stopJobs(): Promise<void> {
  clearInterval(releaseTimer);
  const global = globalThis as GlobalWithJobs;
  await global.__earnedJobs?.stop({ graceful: true, wait: true, timeout: 10_000 });
  global.__earnedJobs = undefined;
}
