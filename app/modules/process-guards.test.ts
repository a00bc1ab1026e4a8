import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";

type Guarded = { child: ChildProcess; port: number; output: () => string };
let running: ChildProcess | undefined;

async function startGuardedServer(): Promise<Guarded> {
  const child = spawn("node_modules/.bin/tsx", ["test/guarded-server.ts"], { stdio: ["ignore", "pipe", "pipe"] });
  running = child;
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  for (let waited = 0; !/port (\d+)/.test(output); waited += 50) {
    if (waited > 20_000 || child.exitCode !== null) throw new Error(`the guarded server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, port: Number(/port (\d+)/.exec(output)![1]), output: () => output };
}

afterEach(() => {
  if (running && running.exitCode === null) running.kill();
});

describe("the server's process guards", () => {
  it("log an unhandled rejection with its code and keep serving", async () => {
    const { port, child, output } = await startGuardedServer();
    expect(await (await fetch(`http://127.0.0.1:${port}/reject`)).text()).toBe("ok");
    expect(await (await fetch(`http://127.0.0.1:${port}/reject`)).text()).toBe("ok");
    expect((await fetch(`http://127.0.0.1:${port}/ping`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
    expect(output()).toContain(
      "Unhandled promise rejection #2 (database unavailable); the process keeps serving: Error: terminating connection due to administrator command",
    );
    expect(output()).toContain("[code 57P01]");
  });

  it("log an uncaught exception and exit with status 1 for the supervisor to restart", async () => {
    const { port, child, output } = await startGuardedServer();
    const exited = once(child, "exit");
    await fetch(`http://127.0.0.1:${port}/throw`);
    const [code] = await exited;
    expect(code).toBe(1);
    expect(output()).toContain("Uncaught exception (uncaughtException); exiting for a clean restart: TypeError: a bug outside any request");
  });
});
