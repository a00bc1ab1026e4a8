import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase, type RawExecutor } from "@db/connection";
import { createBoss } from "./runner.server";

const QUEUE = "test-outage";
const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const until = async (condition: () => boolean, timeoutMs = 20_000) => {
  for (const started = Date.now(); !condition(); ) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe("background jobs when the database goes away while a job runs", () => {
  const unhandled: unknown[] = [];
  const noteUnhandled = (reason: unknown) => unhandled.push(reason);
  let databaseDown = false;
  // The app's database, unreachable on demand: every statement fails as a stopped server's would.
  const executeRaw: RawExecutor = (text, values) => (databaseDown ? Promise.reject(refused()) : getDatabase().executeRaw(text, values));
  const boss = createBoss(executeRaw);

  beforeAll(async () => {
    process.on("unhandledRejection", noteUnhandled);
    await boss.start();
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 3, retryDelay: 1 });
  });

  afterAll(async () => {
    databaseDown = false;
    await boss.stop({ graceful: false, wait: true, timeout: 2_000 });
    process.off("unhandledRejection", noteUnhandled);
  });

  it.each([
    ["finishes", () => undefined],
    ["fails", () => Promise.reject(new Error("the job failed"))],
  ])("leaves no unhandled rejection when a job %s and its end cannot be recorded", async (_, outcome) => {
    let ran = 0;
    await boss.work(QUEUE, { pollingIntervalSeconds: 0.5 }, async () => {
      ran++;
      databaseDown = true;
      await outcome();
    });
    await boss.send(QUEUE, {});
    await until(() => ran === 1);
    // pg-boss records the job's end, and polls again, while the database is away.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    databaseDown = false;
    await boss.offWork(QUEUE);
    expect(unhandled).toEqual([]);
  });
});
