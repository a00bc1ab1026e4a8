import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@db/connection";
import { JOBS, type JobName } from "./catalog.server";

import type { GlobalWithJobs } from "./queue.server";

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
}

export async function stopJobs(): Promise<void> {
  const global = globalThis as GlobalWithJobs;
  await global.__earnedJobs?.stop({ graceful: true, wait: true, timeout: 10_000 });
  global.__earnedJobs = undefined;
}
