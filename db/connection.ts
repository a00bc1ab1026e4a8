import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
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

const DATE_OID = 1082;
const INT8_OID = 20;
// Dates stay "YYYY-MM-DD" strings: a response carries a day, never a moment, and turning it into a
// JS Date would invent a time and a time zone.
const keepAsString = (value: string) => value;
const toNumber = (value: string) => Number(value);

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) {
    return {
      driver: "pg",
      connectionString: env.DATABASE_URL,
      poolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    };
  }
  return { driver: "pglite", dataDir: env.EARNED_DATA_DIR ?? "./data/pglite" };
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
    const pool = new pg.Pool({ connectionString: config.connectionString, max: config.poolSize });
    pool.on("error", (error) => console.error("PostgreSQL pool error:", error.message));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      config,
      executeRaw: (text, values) => pool.query(text, values),
      close: () => db.destroy(),
    };
  }

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
    },
  };
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
