import type PgBoss from "pg-boss";
import type { JobName } from "./catalog.server";

export type GlobalWithJobs = typeof globalThis & { __earnedJobs?: PgBoss };

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
