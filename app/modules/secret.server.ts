import { hkdfSync, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseConfigFromEnv } from "@db/connection";
import { config as settings, type Config } from "./config.server";

let secret: Buffer | undefined;

/**
 * The app's secret, kept apart from the database so that a copy of the database (or of its data
 * volume, or a backup of either) cannot open what it protects: sealed answers, ballot claims,
 * links.
 *
 *   - APP_SECRET, when set (production; the Docker image refuses to start without it);
 *   - else the file APP_SECRET_FILE names;
 *   - else, for the local quick start, a random secret created once in the user's configuration
 *     folder ($XDG_CONFIG_HOME/earned, or ~/.config/earned) — outside the data folder on purpose.
 */
export function appSecret(): Buffer {
  if (secret) return secret;
  const { APP_SECRET } = settings();
  if (APP_SECRET) {
    secret = Buffer.from(APP_SECRET, "utf8");
    return secret;
  }
  const config = databaseConfigFromEnv();
  if (config.driver === "pglite" && config.dataDir.startsWith("memory://")) {
    secret = randomBytes(32);
    return secret;
  }
  // With EARNED_REQUIRE_APP_SECRET on, the configuration has already refused to start without one.
  const file = secretFile(settings());
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!moveSecretFromDataFolder(file, config)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  secret = Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
  return secret;
}

export function secretFile(env: Pick<Config, "APP_SECRET_FILE" | "XDG_CONFIG_HOME">): string {
  if (env.APP_SECRET_FILE) return path.resolve(env.APP_SECRET_FILE);
  const configHome = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(configHome, "earned", "app-secret");
}

/** Earlier versions kept the secret beside the embedded database: move it out, once. */
function moveSecretFromDataFolder(file: string, config: ReturnType<typeof databaseConfigFromEnv>): boolean {
  const folder = config.driver === "pglite" ? path.dirname(path.resolve(config.dataDir)) : path.resolve("data");
  const old = path.join(folder, "app-secret");
  if (!existsSync(old)) return false;
  try {
    renameSync(old, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    copyFileSync(old, file);
    rmSync(old);
  }
  console.log(`Moved the app secret out of the data folder, to ${file}. Back it up apart from the database.`);
  return true;
}

const derivedKeys = new Map<string, Buffer>();

/** A key for one purpose, so that no two uses share a key. */
export function derivedKey(purpose: string, length = 32): Buffer {
  const name = `${purpose}:${length}`;
  let key = derivedKeys.get(name);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", appSecret(), "earned", purpose, length));
    derivedKeys.set(name, key);
  }
  return key;
}
