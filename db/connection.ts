import { PGlite } from "@electric-sql/pglite";
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import path from "node:path";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { config, parseConfig } from "../config";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

export type DatabaseConfig =
  | { driver: "pg"; connectionString: string; poolSize: number }
  | { driver: "pglite"; dataDir: string };

/** Raw SQL access for libraries that bring their own SQL (pg-boss). */
export type RawExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type DatabaseHandle = {
  db: Db;
  config: DatabaseConfig;
  executeRaw: RawExecutor;
  close: () => Promise<void>;
};

const CONNECT_TIMEOUT_MS = 10_000;
const DATE_OID = 1082;
const INT8_OID = 20;
// Dates stay "YYYY-MM-DD" strings: a response carries a day, never a moment, and turning it into a
// JS Date would invent a time and a time zone.
const keepAsString = (value: string) => value;
const toNumber = (value: string) => Number(value);

/** From the process's configuration, or from the variables given. */
export function databaseConfigFromEnv(env?: Record<string, string | undefined>): DatabaseConfig {
  const settings = env ? parseConfig(env) : config();
  if (settings.DATABASE_URL) return { driver: "pg", connectionString: settings.DATABASE_URL, poolSize: settings.DATABASE_POOL_SIZE };
  return { driver: "pglite", dataDir: settings.EARNED_DATA_DIR };
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.driver === "pglite") return `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  const url = new URL(config.connectionString);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

export function openDatabase(config: DatabaseConfig = databaseConfigFromEnv()): DatabaseHandle {
  if (config.driver === "pg") {
    pg.types.setTypeParser(DATE_OID, keepAsString);
    pg.types.setTypeParser(INT8_OID, toNumber);
    const pool = new pg.Pool({
      connectionString: config.connectionString,
      max: config.poolSize,
      // While the server is down or unreachable, a request fails after this long instead of
      // waiting forever for a connection; it answers 503 and the browser may send it again.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // A server that vanished without closing its sockets (a failover, a network cut) is
      // noticed by TCP keepalive, in minutes rather than never.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // The pool listens for errors only on idle clients. A client checked out for a query or a
    // transaction (Kysely holds one for a whole transaction) has no listener of its own, and a
    // client emitting 'error' without one ends the process: that is what a restart of
    // PostgreSQL or pg_terminate_backend did. The query in flight fails on its own with the same
    // error, and the pool discards the broken client when it is released.
    pool.on("connect", (client) => {
      client.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    });
    // Idle clients' errors reach the pool too, already logged by the client's own listener.
    pool.on("error", () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      config,
      executeRaw: (text, values) => pool.query(text, values),
      close: () => db.destroy(),
    };
  }

  const releaseLock = config.dataDir.startsWith("memory://") ? () => undefined : lockDataDir(config.dataDir);
  const pglite = new PGlite(config.dataDir, {
    parsers: { [DATE_OID]: keepAsString, [INT8_OID]: toNumber },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    config,
    // PGlite queues each call behind any open transaction, so pg-boss can share the instance.
    // Statements without parameters may come several to a string (pg-boss's own migrations),
    // which only the simple protocol accepts.
    executeRaw: async (text, values) => {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is a database in this process: a second process opening the same folder (a seed script
 * while the app runs, a second app instance) would corrupt it. A lock file next to the folder
 * turns that into a clear error.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockPath, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by another process (pid ${owner}). Stop it first, or point EARNED_DATA_DIR elsewhere, or use DATABASE_URL.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

type GlobalWithDatabase = typeof globalThis & { __earnedDatabase?: DatabaseHandle };

/**
 * The process-wide database. The server (run by tsx) and the Remix build (bundled by Vite) each
 * load this module, so the handle lives on globalThis: two PGlite instances on one data folder
 * would corrupt it.
 */
export function getDatabase(): DatabaseHandle {
  const global = globalThis as GlobalWithDatabase;
  global.__earnedDatabase ??= openDatabase();
  return global.__earnedDatabase;
}

export async function closeDatabase(): Promise<void> {
  const global = globalThis as GlobalWithDatabase;
  const handle = global.__earnedDatabase;
  global.__earnedDatabase = undefined;
  await handle?.close();
}
