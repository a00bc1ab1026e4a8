import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { closeDatabase, describeDatabase, getDatabase } from "./db/connection";
import { isDatabaseUnavailable } from "./db/errors";
import { prepareDatabase } from "./app/modules/prepare-database.server";
import { isRespondentTraffic, redactPath } from "./app/modules/logging";
import { startJobs, stopJobs } from "./app/modules/jobs/runner.server";
import { withOutagePages } from "./app/modules/outage.server";
import { guardProcess } from "./app/modules/process-guards.server";

// Unhandled rejections are logged and the process keeps serving; uncaught exceptions exit for a
// supervisor to restart (the reasons are in process-guards.server.ts).
guardProcess();

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const START_WAIT_MS = 60_000;

if (production && !process.env.APP_SECRET && process.env.DATABASE_URL) {
  console.error("APP_SECRET must be set in production (a long random string; see README).");
  process.exit(1);
}

const database = getDatabase();
await migrateWhenReachable();
console.log(`Database ready: ${describeDatabase(database.config)}`);
await startJobs(database);

const viteDevServer = production
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());

app.use((request: Request, response: Response, next: NextFunction) => {
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("X-Frame-Options", "DENY");
  // Respondent links carry their token in the path: no referrer ever leaves the site. (Not
  // no-referrer: browsers then send "Origin: null" with forms, which Remix rightly refuses.)
  response.setHeader("Referrer-Policy", "same-origin");
  next();
});

// Cross-site form posts: cookies are SameSite=Lax already; refusing a foreign Origin closes the rest.
app.use((request: Request, response: Response, next: NextFunction) => {
  const origin = request.get("origin");
  if (request.method !== "GET" && request.method !== "HEAD" && origin && origin !== "null") {
    const host = request.get("x-forwarded-host") ?? request.get("host");
    if (new URL(origin).host !== host) {
      response.status(403).send("Cross-site request refused.");
      return;
    }
  }
  next();
});

// Access log without the respondent pages: no line may say when a link was used.
app.use((request: Request, response: Response, next: NextFunction) => {
  if (isRespondentTraffic(request.path)) return next();
  const started = performance.now();
  response.on("finish", () => {
    if (production || process.env.ACCESS_LOG) {
      const ms = (performance.now() - started).toFixed(0);
      console.log(`${request.method} ${redactPath(request.path)} ${response.statusCode} ${ms}ms`);
    }
  });
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

app.all(
  "*",
  createRequestHandler({
    build: viteDevServer
      ? async () => withOutagePages((await viteDevServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild)
      : withOutagePages((await import(new URL("./build/server/index.js", import.meta.url).href)) as ServerBuild),
    getLoadContext: (request) => ({ clientAddress: request.ip ?? request.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Earned is listening on http://localhost:${port}`);
});

/**
 * Started before its database (a compose file, a host reboot), the app waits for it for a minute
 * instead of exiting at once; after that it exits, for a supervisor to try again.
 */
async function migrateWhenReachable() {
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

async function shutdown(signal: string) {
  console.log(`${signal}: shutting down`);
  server.close();
  try {
    await stopJobs();
    await viteDevServer?.close();
    await closeDatabase();
  } catch (error) {
    // The database may be the reason for the stop: leave anyway.
    console.error("While shutting down:", (error as Error).message);
  }
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
