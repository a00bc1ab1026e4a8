import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@db/connection";
import { JOBS, type JobName } from "./catalog.server";

type GlobalWithJobs = typeof globalThis & { __earnedJobs?: PgBoss };

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

/**
 * Asks for a job to run soon. Work that must not be lost is written to its own table in the
 * caller's transaction first; a scheduled sweep picks up anything whose nudge never arrived
 * (a crash, or no runner in tests).
 */
export async function nudge(name: JobName, options: { debounceSeconds?: number; key?: string } = {}): Promise<void> {
  const boss = (globalThis as GlobalWithJobs).__earnedJobs;
  if (!boss) return;
  try {
    if (options.debounceSeconds) {
      await boss.sendDebounced(name, {}, {}, options.debounceSeconds, options.key ?? name);
    } else {
      await boss.send(name, {}, { singletonKey: options.key ?? name, singletonSeconds: 1 });
    }
  } catch (error) {
    console.error(`Could not queue job ${name}:`, (error as Error).message);
  }
}
