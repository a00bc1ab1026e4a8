import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDatabaseSwitch, type DatabaseSwitch } from "../test/database-switch";
import { needsPostgres, skipBecause } from "../test/skip";
import { openDatabase, type DatabaseHandle } from "./connection";
import { isDatabaseUnavailable } from "./errors";

const url = process.env.DATABASE_URL ?? "";
const uncaught: unknown[] = [];
const noteUncaught = (error: unknown) => uncaught.push(error);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );

describe.skipIf(skipBecause(needsPostgres("Losing the connection to PostgreSQL")))("the pg pool when PostgreSQL goes away", () => {
  let admin: pg.Client;
  let dbSwitch: DatabaseSwitch;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    // 'error' events without a listener surface here before Vitest's own handling.
    process.on("uncaughtExceptionMonitor", noteUncaught);
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    dbSwitch = await startDatabaseSwitch(url);
    handle = openDatabase({ driver: "pg", connectionString: dbSwitch.url, poolSize: 3 });
  });

  afterAll(async () => {
    process.off("uncaughtExceptionMonitor", noteUncaught);
    await handle?.close();
    await dbSwitch?.close();
    await admin?.end();
  });

  it("fails the transaction whose connection is terminated, keeps the process, and serves the next query", async () => {
    const outcome = await failure(
      handle.db.transaction().execute(async (tx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
        await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
        // The connection dies while this transaction holds it and no query is running: the
        // moment a client checked out of the pool emits 'error'.
        await pause(300);
        await sql`select 1`.execute(tx);
      }),
    );
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(uncaught).toEqual([]);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it("drops idle connections terminated by the server and opens new ones", async () => {
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
    await pause(300);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
    expect(uncaught).toEqual([]);
  });

  it("answers at once while the server refuses connections, and recovers when it is back", async () => {
    await dbSwitch.cut();
    const started = performance.now();
    const outcome = await failure(sql`select 1`.execute(handle.db));
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
    await dbSwitch.restore();
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
    expect(uncaught).toEqual([]);
  });

  it("gives up waiting for a server that does not answer instead of hanging", async () => {
    // Busy connections would be reused without asking the server: start from none.
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
    await pause(300);
    dbSwitch.hang();
    const outcome = await failure(sql`select 1`.execute(handle.db));
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    await dbSwitch.restore();
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
    expect(uncaught).toEqual([]);
  });
});
