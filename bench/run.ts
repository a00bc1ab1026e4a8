import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseConfig } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { createServerDatabase } from "../test/test-database";
import { benchRosterImport } from "./roster-import";

/**
 * npm run bench: every benchmark, printed as figures. On the embedded database always, and on
 * PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server.
 */
const only = process.argv[2];
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

type Target = { label: string; config: DatabaseConfig; cleanUp: () => Promise<void> };

async function targets(): Promise<Target[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "earned-bench-"));
  const list: Target[] = [{ label: "PGlite (embedded)", config: { driver: "pglite", dataDir }, cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }) }];
  if (serverUrl) {
    const created = await createServerDatabase(serverUrl, "earned_bench");
    list.push({ label: "PostgreSQL server", config: { driver: "pg", connectionString: created.url, poolSize: 60 }, cleanUp: created.drop });
  }
  return list;
}

for (const target of await targets()) {
  const handle = openDatabase(target.config);
  try {
    await migrateToLatest(handle.db);
    console.log(`\n# ${target.label}`);
    if (!only || only === "roster") console.log("roster import:", await benchRosterImport(handle.db));
  } finally {
    await handle.close();
    await target.cleanUp();
  }
}
