import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@db/connection";
import { releaseResponsePool } from "~/modules/anonymity/pool.server";
import { JOBS } from "./catalog.server";
import type { GlobalWithJobs } from "./queue.server";

/**
 * The response pool is released on a timer in each instance, not by a job queued per submission:
 * a queued job is a timestamped row written right after an invitation was used, which would
 * record when each person answered. Releases of one wave are serialized by an advisory lock.
 */
const RELEASE_EVERY_SECONDS = Number(process.env.EARNED_RELEASE_INTERVAL_SECONDS ?? 30);
let releaseTimer: NodeJS.Timeout | undefined;

/**
 * Background work runs on pg-boss, in the same PostgreSQL as everything else, so that any number
 * of app instances share one queue and schedules run once. On the embedded database it shares
 * the PGlite instance through the handle's raw executor.
 */
export async function startJobs(handle: DatabaseHandle): Promise<void> {
  if (process.env.EARNED_JOBS === "off") return;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => handle.executeRaw(text, values) },
    schema: "pgboss",
  });
  boss.on("error", (error) => console.error("Background jobs:", error.message));
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
  }, RELEASE_EVERY_SECONDS * 1000);
}

export async function stopJobs(): Promise<void> {
  clearInterval(releaseTimer);
  const global = globalThis as GlobalWithJobs;
  await global.__earnedJobs?.stop({ graceful: true, wait: true, timeout: 10_000 });
  global.__earnedJobs = undefined;
}
