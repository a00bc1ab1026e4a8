import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD, DEMO_SLUG } from "../scripts/demo/seed-demo.server";

/**
 * npm run screenshots: the README's pictures and the landing page's, taken from the demo company
 * on a fresh embedded database with the production build, so that they show what ships. Beside
 * the journeys because it drives the browser the same way; not a test (Playwright does not run it).
 */
const port = Number(process.env.SCREENSHOT_PORT ?? 3471);
const base = `http://localhost:${port}`;
const out = path.resolve("docs/screenshots");
const dataDir = mkdtempSync(path.join(tmpdir(), "earned-screenshots-"));
const env: NodeJS.ProcessEnv = { ...process.env, EARNED_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: "production", APP_SECRET: "screenshots-only-not-a-secret-0123456789", COOKIE_SECURE: "false" };
delete env.DATABASE_URL;

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function waitForServer(server: ChildProcess) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error("The server stopped before it answered.");
    if (await fetch(`${base}/healthz`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not answer within a minute.");
}

/** `from`: text on the page to scroll to the top, when what matters is below the fold. */
async function shoot(page: Page, name: string, width: number, height = 900, from?: string) {
  await page.setViewportSize({ width, height });
  await page.evaluate(() => document.fonts.ready);
  if (from) await page.getByText(from, { exact: true }).first().evaluate((element) => element.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: path.join(out, `${name}-${width}.png`) });
  console.log(`  ${name}-${width}.png`);
}

async function main() {
  if (!existsSync("build/server/index.js")) run("npm", ["run", "build"]);
  run("npx", ["tsx", "scripts/seed-demo.ts"]);
  const server = spawn("npx", ["tsx", "server.ts"], { env, stdio: "ignore", detached: true });
  try {
    await waitForServer(server);
    mkdirSync(out, { recursive: true });
    const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(DEMO_OWNER_EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`**/o/${DEMO_SLUG}**`);
    await page.goto(`${base}/o/${DEMO_SLUG}/dashboards`);
    const wave = await page.locator(`a[href^="/o/${DEMO_SLUG}/dashboards/"]`).first().getAttribute("href");
    if (!wave) throw new Error("The demo company has no published wave.");

    await page.goto(`${base}${wave}`);
    await shoot(page, "overview", 1440);
    await shoot(page, "overview", 390, 844);
    await page.goto(`${base}${wave}/network`);
    await page.locator("canvas").waitFor();
    await page.waitForTimeout(500);
    await shoot(page, "network", 1440, 900, "People of");
    // The landing page's picture: the network itself, without the page around it, sharp on
    // high-density screens.
    const sharp = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, storageState: await page.context().storageState() });
    await sharp.goto(`${base}${wave}/network`);
    await sharp.locator("canvas").waitFor();
    await sharp.evaluate(() => document.fonts.ready);
    // A picture has no use for the zoom buttons drawn over the canvas.
    await sharp.locator('[role="group"][aria-label="Zoom"]').evaluate((element: HTMLElement) => (element.style.display = "none"));
    await sharp.waitForTimeout(500);
    await sharp.locator("canvas").screenshot({ path: path.resolve("public/landing/influence-network.png") });
    await sharp.close();
    await page.goto(`${base}${wave}/quadrant`);
    await shoot(page, "quadrant", 1440, 900, "The rule, the same for everyone");
    await page.goto(`${base}${wave}/people`);
    await shoot(page, "people", 1440);
    await page.locator(`a[href^="/o/${DEMO_SLUG}/dashboards/person/"]`).first().click();
    await page.waitForURL("**/dashboards/person/**");
    await shoot(page, "person", 1440);
    await shoot(page, "person", 390, 844);
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
