import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Configuration is for whoever runs the server: HR users read plain words, never variable names. */
const VARIABLE = /\b(?:SMTP_URL|APP_URL|APP_SECRET(?:_FILE)?|DATABASE_(?:URL|POOL_SIZE)|EARNED_[A-Z_]+|EMAIL_FROM|TRUST_PROXY|COOKIE_SECURE|XDG_CONFIG_HOME|NODE_ENV)\b/;

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return entry.name.endsWith(".tsx") && !entry.name.includes(".test.") ? [full] : [];
  });
}

describe("what the pages say", () => {
  it("names no environment variable on any page or component", () => {
    const files = [...pageFiles("app/routes"), ...pageFiles("app/components")];
    expect(files.length).toBeGreaterThan(20);
    const offending = files.filter((file) => VARIABLE.test(readFileSync(file, "utf8")));
    expect(offending).toEqual([]);
  });
});
