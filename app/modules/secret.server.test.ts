import path from "node:path";
import { describe, expect, it } from "vitest";
import { secretFile } from "./secret.server";

describe("where the generated app secret lives", () => {
  it("is outside the embedded database's data folder, in the user's configuration folder", () => {
    const file = secretFile({ XDG_CONFIG_HOME: "/home/someone/.config" });
    expect(file).toBe(path.join("/home/someone/.config", "earned", "app-secret"));
    expect(path.relative(path.resolve("data"), file).startsWith("..")).toBe(true);
  });

  it("can be a file mounted from elsewhere (a container secret)", () => {
    expect(secretFile({ APP_SECRET_FILE: "/run/secrets/earned" })).toBe("/run/secrets/earned");
  });
});

describe("a container without a secret", () => {
  it("refuses to generate one where a volume backup would carry it", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const run = promisify(execFile);
    const env = { ...process.env, EARNED_REQUIRE_APP_SECRET: "true", EARNED_DATA_DIR: "/tmp/earned-no-secret/pglite", APP_SECRET: "", APP_SECRET_FILE: "" };
    const failure = await run("node_modules/.bin/tsx", ["-e", "import('./app/modules/secret.server.ts').then((m) => m.appSecret())"], { env }).then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failure).toMatch(/APP_SECRET \(or APP_SECRET_FILE\) must be set here/);
  });
});
