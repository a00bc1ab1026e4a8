import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createServerDatabase } from "../../test/test-database";

/**
 * Starts the production build on a fresh database for the end-to-end suite: a new PGlite folder,
 * or a new database on the server named by TEST_DATABASE_URL. Its log goes to a file that the
 * anonymity suite reads.
 */
const logFile = path.join(tmpdir(), "earned-e2e-server.log");
writeFileSync(logFile, "");
process.env.E2E_SERVER_LOG = logFile;

if (process.env.TEST_DATABASE_URL) {
  await dropStaleE2eDatabases(process.env.TEST_DATABASE_URL);
  process.env.DATABASE_URL = (await createServerDatabase(process.env.TEST_DATABASE_URL, "earned_e2e")).url;
} else {
  delete process.env.DATABASE_URL;
  process.env.EARNED_DATA_DIR = mkdtempSync(path.join(tmpdir(), "earned-e2e-"));
}
Object.assign(process.env, {
  NODE_ENV: "production",
  APP_SECRET: process.env.APP_SECRET ?? "e2e-secret-not-for-production-0123456789",
  ACCESS_LOG: "1",
  // Release answers and recompute figures within seconds, not minutes, so journeys can wait for them.
  EARNED_RELEASE_INTERVAL_SECONDS: "1",
});

const { appendFileSync } = await import("node:fs");
for (const stream of ["log", "error", "warn", "info"] as const) {
  const original = console[stream].bind(console);
  console[stream] = (...args: unknown[]) => {
    appendFileSync(logFile, `${args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" ")}\n`);
    original(...args);
  };
}

await import("../../server");

async function dropStaleE2eDatabases(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      // Only those nobody is connected to: another run's live database is not stale.
      "select datname from pg_database d where datname like 'earned_e2e_%' and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)",
    );
    for (const { datname } of rows) {
      // Someone connected since: it is in use after all, and stays.
      await client.query(`drop database if exists ${datname}`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
