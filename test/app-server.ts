import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";

export type AppServer = {
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  running: () => boolean;
  stop: () => Promise<void>;
};

export const BUILD = "build/server/index.js";

/**
 * The production build, started as `npm run serve` does, as a child process on the given
 * database (already migrated), once it answers /healthz. Releases run every second so that they
 * happen during a test.
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  const server = await launchAppServer(databaseUrl, env);
  await untilHealthy(server);
  return server;
}

/** The server process, started but not necessarily answering yet. */
export async function launchAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  if (!existsSync(BUILD)) throw new Error(`${BUILD} is missing: run \`npm run build\` first (\`npm test\` does).`);
  const port = await freePort();
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      APP_SECRET: process.env.APP_SECRET ?? "test-secret-not-for-production-0123456789",
      COOKIE_SECURE: "false",
      EARNED_RELEASE_INTERVAL_SECONDS: "1",
      ...env,
    },
    // Its own process group, so that stopping it also stops the node process tsx starts.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;

  const stop = async () => {
    if (!running()) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => running() && process.kill(-child.pid!, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };

  return { url, output: () => output, running, stop };
}

export async function untilHealthy(server: AppServer, timeoutMs = 60_000): Promise<void> {
  for (const started = Date.now(); ; ) {
    if (!server.running()) throw new Error(`The server exited while starting:\n${server.output()}`);
    if (Date.now() - started > timeoutMs) {
      await server.stop();
      throw new Error(`The server did not answer /healthz within ${timeoutMs / 1000} s:\n${server.output()}`);
    }
    const health = await fetch(`${server.url}/healthz`).catch(() => undefined);
    if (health?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
