import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, parseConfig } from "./config";

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("the configuration", () => {
  it("has a default for everything, as the README's table says", () => {
    expect(parseConfig({})).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_POOL_SIZE: 10,
      EARNED_DATA_DIR: "./data/pglite",
      EMAIL_FROM: "Earned <no-reply@earned.invalid>",
      COOKIE_SECURE: false,
      ACCESS_LOG: false,
      EARNED_RELEASE_INTERVAL_SECONDS: 30,
      EARNED_JOBS: true,
      EARNED_REQUIRE_APP_SECRET: false,
    });
    expect(parseConfig({ NODE_ENV: "production" })).toMatchObject({ COOKIE_SECURE: true, ACCESS_LOG: true });
  });

  it("reads what people write: switches, trailing slashes, empty values as unset", () => {
    const config = parseConfig({
      PORT: " 8080 ",
      COOKIE_SECURE: "false",
      ACCESS_LOG: "1",
      EARNED_JOBS: "off",
      APP_URL: "https://earned.example.com/",
      TRUST_PROXY: "loopback, 10.0.0.0/8",
      SMTP_URL: "",
      EARNED_RELEASE_INTERVAL_SECONDS: "0.5",
    });
    expect(config).toMatchObject({ PORT: 8080, COOKIE_SECURE: false, ACCESS_LOG: true, EARNED_JOBS: false, APP_URL: "https://earned.example.com", TRUST_PROXY: "loopback, 10.0.0.0/8", EARNED_RELEASE_INTERVAL_SECONDS: 0.5 });
    expect(config.SMTP_URL).toBeUndefined();
    expect(parseConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  });

  it("names each bad value and what it should look like, without repeating a secret", () => {
    const problems = problemsOf({
      PORT: "eighty",
      DATABASE_URL: "mysql://root:hunter2@db/earned",
      DATABASE_POOL_SIZE: "0",
      APP_SECRET: "short-secret",
      APP_URL: "earned.example.com",
      SMTP_URL: "http://mail",
      TRUST_PROXY: "everyone",
      COOKIE_SECURE: "maybe",
      EARNED_JOBS: "sometimes",
      EARNED_RELEASE_INTERVAL_SECONDS: "-1",
      NODE_ENV: "prod",
    });
    expect(problems).toEqual([
      "NODE_ENV must be development, production or test.",
      "PORT must be a whole number from 1 to 65535.",
      "DATABASE_URL must be a URL like postgres://user:password@host:5432/earned.",
      "DATABASE_POOL_SIZE must be a whole number from 1 to 1000.",
      "APP_SECRET must be at least 32 characters (e.g. the output of `openssl rand -hex 32`).",
      "APP_URL must be a URL like https://earned.example.com.",
      "SMTP_URL must be a URL like smtp://user:password@mail.example.com:587.",
      "TRUST_PROXY must be true, a number of proxies, or addresses/subnets separated by commas (e.g. loopback, 10.0.0.0/8).",
      "COOKIE_SECURE must be on or off (true/false, 1/0 and yes/no work too).",
      "EARNED_RELEASE_INTERVAL_SECONDS must be a number of seconds above 0.",
      "EARNED_JOBS must be on or off (true/false, 1/0 and yes/no work too).",
    ]);
    expect(problems.join("\n")).not.toMatch(/hunter2|short-secret/);
  });

  it("needs APP_SECRET in production with a database server", () => {
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgres://db/earned" })).toEqual([
      "APP_SECRET (or APP_SECRET_FILE) must be set in production with DATABASE_URL (a long random string: `openssl rand -hex 32`).",
    ]);
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgres://db/earned", APP_SECRET: "x".repeat(32) })).toEqual([]);
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgres://db/earned", APP_SECRET_FILE: "/run/secrets/earned" })).toEqual([]);
  });

  it("never generates a secret where it is required from outside (the Docker image)", () => {
    expect(problemsOf({ EARNED_REQUIRE_APP_SECRET: "true" })).toEqual([
      "APP_SECRET (or APP_SECRET_FILE) must be set here: EARNED_REQUIRE_APP_SECRET is on, so no secret is generated.",
    ]);
    expect(problemsOf({ EARNED_REQUIRE_APP_SECRET: "true", APP_SECRET_FILE: "/run/secrets/earned" })).toEqual([]);
  });

  it("is the README's table, variable for variable", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
    const documented = [...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("is the only place the server, db/ and app read variables from", () => {
    const { stdout } = spawnSync("git", ["grep", "--untracked", "-n", "process\\.env", "--", "server.ts", "server", "db", "app", "scripts"], { encoding: "utf8" });
    const reads = stdout
      .split("\n")
      .filter(Boolean)
      .filter((line) => !/\.test\.tsx?:/.test(line));
    expect(reads).toEqual([]);
  });

  it("stops the server at start with the message, before anything is opened", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      encoding: "utf8",
      env: { ...process.env, PORT: "eighty", EARNED_JOBS: "sometimes", EARNED_DATA_DIR: "memory://", DATABASE_URL: "" },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Earned cannot start: the configuration has problems.");
    expect(result.stderr).toContain("PORT must be a whole number from 1 to 65535.");
    expect(result.stderr).toContain("EARNED_JOBS must be on or off");
    expect(result.stdout).not.toContain("Database ready");
  });
});
