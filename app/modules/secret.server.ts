import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseConfigFromEnv } from "@db/connection";

let secret: Buffer | undefined;

/**
 * The app's secret, kept outside the database so that a copy of the database alone cannot open
 * what it protects. APP_SECRET in production; on the embedded database a random one is created
 * once next to the data folder.
 */
export function appSecret(): Buffer {
  if (secret) return secret;
  if (process.env.APP_SECRET) {
    secret = Buffer.from(process.env.APP_SECRET, "utf8");
    return secret;
  }
  const config = databaseConfigFromEnv();
  if (config.driver === "pglite" && config.dataDir.startsWith("memory://")) {
    secret = randomBytes(32);
    return secret;
  }
  const folder = config.driver === "pglite" ? path.dirname(path.resolve(config.dataDir)) : path.resolve("data");
  const file = path.join(folder, "app-secret");
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  secret = Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
  return secret;
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
