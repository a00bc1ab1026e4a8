import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseConfig } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { createServerDatabase } from "../test/test-database";
import { benchAnalytics } from "./analytics";
import { benchDashboards, pgliteTarget, postgresTarget } from "./dashboards";
import { benchNetwork } from "./network";
import { benchRelease } from "./release";
import { benchRespondents } from "./respondents";
import { benchRosterImport } from "./roster-import";

/**
 * npm run bench [roster|analytics|release|network|respondents|dashboards]: every benchmark, printed as figures. The
 * database ones run on the embedded PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL)
 * names a PostgreSQL server, on a fresh database there too. The dashboards' seeded organizations
 * (up to 30,000 people) are kept between runs on both (see bench/dashboards.ts).
 */
const only = process.argv[2];
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const wanted = (name: string) => !only || only === name;

type Target = { label: string; fresh: () => Promise<{ config: DatabaseConfig; cleanUp: () => Promise<void> }> };

const targets: Target[] = [
  {
    label: "PGlite (embedded)",
    fresh: async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "earned-bench-"));
      return { config: { driver: "pglite", dataDir }, cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
];
if (serverUrl) {
  targets.push({
    label: "PostgreSQL server",
    fresh: async () => {
      const created = await createServerDatabase(serverUrl, "earned_bench");
      return { config: { driver: "pg", connectionString: created.url, poolSize: 50 }, cleanUp: created.drop };
    },
  });
}

console.log(`# Earned benchmarks (${new Date().toISOString().slice(0, 10)}, node ${process.version})`);
if (wanted("analytics")) console.log("\n## Analytics engine (in memory)\n", await benchAnalytics());
if (wanted("release")) {
  console.log("\n## Release plan (in memory)");
  console.table(benchRelease());
}
if (wanted("network")) {
  console.log("\n## Network page (in memory, and drawn in headless Chromium)");
  console.dir(await benchNetwork(), { depth: null });
}

for (const target of targets) {
  if (wanted("roster")) {
    const { config, cleanUp } = await target.fresh();
    const handle = openDatabase(config);
    try {
      await migrateToLatest(handle.db);
      console.log(`\n## Roster import, ${target.label}\n`, await benchRosterImport(handle.db));
    } finally {
      await handle.close();
      await cleanUp();
    }
  }
  if (wanted("respondents")) {
    const { config, cleanUp } = await target.fresh();
    try {
      console.log(`\n## Respondents against the production build, ${target.label}\n`, await benchRespondents(config));
    } finally {
      await cleanUp();
    }
  }
}

if (wanted("dashboards")) {
  const dashboardTargets = [pgliteTarget, ...(serverUrl ? [postgresTarget(serverUrl)] : [])];
  console.log("\n## Dashboards against the production build\n", await benchDashboards(dashboardTargets, Number(process.env.BENCH_PORT ?? 3410)));
}
