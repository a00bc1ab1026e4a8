import type { Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { answerSurvey, createTemplateSurvey, importRoster, launchWave, linksFromOutbox } from "./support/survey";

/**
 * The influence network as an analyst uses it: zoom and come back, find a person and come back,
 * point at someone for their details. Long main-thread tasks while it draws are recorded.
 */
const ROSTER = [
  "email,name,title,manager_email,department",
  "cora@net.test,Cora Chief,CEO,,Executive",
  "fin@net.test,Fin Money,CFO,cora@net.test,Executive",
  "ops@net.test,Oli Ops,COO,cora@net.test,Executive",
  "eve@net.test,Eve Engine,Head of Engineering,cora@net.test,Engineering",
  ...[1, 2, 3, 4, 5, 6].map((i) => `dev${i}@net.test,Dev Number${i},Engineer,eve@net.test,Engineering`),
  "sal@net.test,Sal Seller,Head of Sales,cora@net.test,Sales",
  ...[1, 2, 3, 4, 5, 6].map((i) => `rep${i}@net.test,Rep Number${i},Account Executive,sal@net.test,Sales`),
];
const SCREENSHOTS = "e2e/screenshots";

const camera = (page: Page) => page.getByRole("img", { name: /Influence network/ }).getAttribute("data-camera");
/** The camera once the page has stopped moving it (a late resize refits the view until someone moves it). */
async function settledCamera(page: Page): Promise<string> {
  let last: string | null = null;
  await expect
    .poll(async () => {
      const [before, after] = [await camera(page), (await page.waitForTimeout(300), await camera(page))];
      last = after;
      return before !== null && before === after;
    })
    .toBe(true);
  return last!;
}
const details = (page: Page) => page.getByRole("region", { name: "Details" });

test("zoom, find and come back, and details of whom one points at", async ({ page }) => {
  test.setTimeout(240_000);
  const { slug } = await signUp(page, { name: "Ada Admin", organization: "Network Inc" });
  await importRoster(page, slug, ROSTER);
  await createTemplateSurvey(page, slug);
  await launchWave(page);
  const links = await linksFromOutbox(page, slug);
  const respondent = await page.context().browser()!.newPage();
  for (const [address, link] of links) {
    if (address === "cora@net.test") continue;
    await respondent.goto(link);
    const follow = address.startsWith("dev") ? ["Eve Engine", "Sal Seller"] : address.startsWith("rep") ? ["Sal Seller", "Eve Engine"] : ["Eve Engine"];
    await answerSurvey(respondent, { follow: follow.filter((name) => !address.startsWith(name.slice(0, 3).toLowerCase())) });
  }
  await respondent.close();

  await page.goto(`/o/${slug}/dashboards`);
  await page.getByRole("link", { name: "Wave 1" }).click();
  await page.waitForURL(/\/dashboards\/[0-9a-f-]{36}$/);
  const network = `${page.url()}/network`;
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.addInitScript(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration))).observe({ type: "longtask", buffered: true });
  });
  await expect(async () => {
    await page.goto(network);
    await expect(page.getByRole("img", { name: /Influence network/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await expect.poll(() => camera(page)).toMatch(/^[\d.-]+,[\d.-]+,[\d.]+$/);

  // Zoom in twice, then the fit button returns to exactly the first view; the keyboard too.
  const fitted = await settledCamera(page);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(() => camera(page)).not.toBe(fitted);
  await page.getByRole("button", { name: "Fit the whole network" }).click();
  await expect.poll(() => camera(page)).toBe(fitted);
  await page.getByRole("img", { name: /Influence network/ }).focus();
  await page.keyboard.press("+");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => camera(page)).not.toBe(fitted);
  await page.keyboard.press("0");
  await expect.poll(() => camera(page)).toBe(fitted);

  // Find brings a person into view with their details; clearing returns to the whole network.
  await page.getByLabel("Find a person").fill("Eve");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(details(page).getByRole("link", { name: "Eve Engine" })).toBeVisible();
  await expect(details(page).getByText("Formal position")).toBeVisible();
  await expect(details(page).getByText(/Most followed of|most followed of/)).toBeVisible();
  await expect(details(page).getByText("From departments")).toBeVisible();
  await expect.poll(() => camera(page)).not.toBe(fitted);
  const found = await camera(page);
  // The found person is in the middle: pointing there shows them.
  const box = (await page.getByRole("img", { name: /Influence network/ }).boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(details(page).getByRole("link", { name: "Eve Engine" })).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/network-1440.png`, fullPage: true });
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
  await page.getByRole("button", { name: "Clear selection and show all" }).click();
  await expect(details(page).getByText(/Point at a group or a person/)).toBeVisible();
  await expect.poll(() => camera(page)).not.toBe(found);
  const cleared = await camera(page);
  await page.getByRole("button", { name: "Fit the whole network" }).click();
  await expect.poll(() => camera(page)).toBe(cleared);
  // Untouched, the view follows the window's size and keeps the whole network in it.
  await page.setViewportSize({ width: 390, height: 1000 });
  await expect.poll(() => camera(page)).not.toBe(cleared);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await expect.poll(() => camera(page)).toBe(cleared);

  // Nobody by name in the contributors' places: the naming rules hold on the people loaded here.
  await expect(page.getByText("Dev Number1")).toHaveCount(0);
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  console.log(`network page: longest main-thread task ${Math.round(longest)} ms`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(network);
  await expect(page.getByRole("img", { name: /Influence network/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/network-390.png`, fullPage: true });
});
