import express from "express";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { closeDatabase, describeDatabase, getDatabase, type DatabaseHandle } from "../db/connection";
import { isDatabaseUnavailable } from "../db/errors";
import { prepareDatabase } from "../app/modules/prepare-database.server";
import { startJobs, stopJobs } from "../app/modules/jobs/runner.server";
import { startExportWorker } from "../app/modules/dashboards/export-worker-pool.server";
import { withOutagePages } from "../app/modules/outage.server";
import { guardProcess } from "../app/modules/process-guards.server";
import type { Config } from "../config";
import { createApp, type AppOptions } from "./app";

const START_WAIT_MS = 60_000;

/** Start-up once the configuration is known to be good: migrations, jobs, the HTTP server. */
export async function main(settings: Config) {
  // Unhandled rejections are logged and the process keeps serving; uncaught exceptions exit for a
  // supervisor to restart (the reasons are in process-guards.server.ts).
  guardProcess();
  const production = settings.NODE_ENV === "production";

  const database = getDatabase();
  await migrateWhenReachable(database);
  console.log(`Database ready: ${describeDatabase(database.config)}`);
  await startJobs(database);
  const exportWorker = startExportWorker();

  const viteDevServer = production
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

  const build = viteDevServer ? undefined : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild);
  const app = createApp({
    config: settings,
    handleRequest: createRequestHandler(
      build ? withOutagePages(build) : async () => withOutagePages((await viteDevServer!.ssrLoadModule("virtual:remix/server-build")) as ServerBuild),
      settings.NODE_ENV,
    ),
    // From the build itself, so that it shares the build's modules (its caches, its database handle).
    submitAnswers: (build?.entry.module as { submitAnswersDirectly?: AppOptions["submitAnswers"] } | undefined)?.submitAnswersDirectly,
    assets: viteDevServer
      ? [viteDevServer.middlewares]
      : [
          // Vite names built assets by their content: they never change.
          express.Router().use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" })),
          express.static("build/client", { maxAge: "1h" }),
        ],
  });

  const server = app.listen(settings.PORT, () => {
    console.log(`Earned is listening on http://localhost:${settings.PORT}`);
  });

  let stopping = false;
  async function shutdown(signal: string) {
    // Ctrl-C reaches this process twice (from the terminal and relayed by tsx/npm): a second signal
    // must not cut the clean stop short, which would leave the database's lock file behind.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close();
    try {
      await stopJobs();
      await exportWorker.stop();
      await viteDevServer?.close();
      await closeDatabase();
    } catch (error) {
      // The database may be the reason for the stop: leave anyway.
      console.error("While shutting down:", (error as Error).message);
    }
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * Started before its database (a compose file, a host reboot), the app waits for it for a minute
 * instead of exiting at once; after that it exits, for a supervisor to try again.
 */
async function migrateWhenReachable(database: DatabaseHandle) {
  for (const started = Date.now(); ; ) {
    try {
      return await prepareDatabase(database.db);
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() - started > START_WAIT_MS) throw error;
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      console.error(`Waiting for ${describeDatabase(database.config)} (${reason})`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}
