import express from "express";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { closeDatabase, describeDatabase, getDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { startJobs, stopJobs } from "../app/modules/jobs/runner.server";
import type { Config } from "../config";
import { createApp } from "./app";

/** Start-up once the configuration is known to be good: migrations, jobs, the HTTP server. */
export async function main(settings: Config) {
  const production = settings.NODE_ENV === "production";

  const database = getDatabase();
  await migrateToLatest(database.db);
  console.log(`Database ready: ${describeDatabase(database.config)}`);
  await startJobs(database);

  const viteDevServer = production
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

  const app = createApp({
    config: settings,
    handleRequest: createRequestHandler(
      viteDevServer
        ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
        : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild),
      settings.NODE_ENV,
    ),
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

  async function shutdown(signal: string) {
    console.log(`${signal}: shutting down`);
    server.close();
    await stopJobs();
    await viteDevServer?.close();
    await closeDatabase();
    process.exit(0);
  }
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
