/**
 * `npm start`'s build step: builds only when a source is newer than the build, and then quietly
 * (warnings and errors only), so that the app's address is what the terminal shows.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_MARKER = "build/server/index.js";
const SOURCES = ["app", "public", "vite.config.ts", "tailwind.config.ts", "postcss.config.js", "tsconfig.json", "package.json", "package-lock.json"];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stats.mtimeMs);
}

const built = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
if (built > 0 && SOURCES.every((source) => newestChange(source) <= built)) {
  console.log("The build is up to date.");
} else {
  console.log(built > 0 ? "Sources changed since the last build: building…" : "Building the app (once)…");
  const result = spawnSync("npx", ["remix", "vite:build", "--logLevel", "warn"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
