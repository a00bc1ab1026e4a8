import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { DirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { mkdirSync, readFileSync } from "node:fs";
import { expectAccessible } from "./support/accessibility";
import { logIn, logOut, PASSWORD, signUp } from "./support/accounts";
import { answerSurvey, createTemplateSurvey, importRoster, launchWave, linksFromOutbox } from "./support/survey";

/**
 * The whole product: roster → survey → anonymous answers → a leader's dashboards → an analyst's
 * export. Screenshots of every dashboard page go to e2e/screenshots/.
 */
const ROSTER = [
  "email,name,title,manager_email,department",
  "cora@journey.test,Cora Chief,CEO,,Executive",
  "fin@journey.test,Fin Money,CFO,cora@journey.test,Executive",
  "ops@journey.test,Oli Ops,COO,cora@journey.test,Executive",
  "eve@journey.test,Eve Engine,Head of Engineering,cora@journey.test,Engineering",
  ...[1, 2, 3, 4, 5, 6].map((i) => `dev${i}@journey.test,Dev Number${i},Engineer,eve@journey.test,Engineering`),
  "sal@journey.test,Sal Seller,Head of Sales,cora@journey.test,Sales",
  "rep1@journey.test,Rep One,Account Executive,sal@journey.test,Sales",
  "rep2@journey.test,Rep Two,Account Executive,sal@journey.test,Sales",
];
const SCREENSHOTS = "e2e/screenshots";

async function shoot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The page at a desktop width and at a phone's, for the pages people read most. */
async function shootWidths(page: Page, name: string) {
  const viewport = page.viewportSize();
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Charts measure their container again after a resize.
    await page.waitForTimeout(400);
    await shoot(page, `${name}-${width}`);
  }
  if (viewport) await page.setViewportSize(viewport);
}

/** "Download SVG" of the chart titled `title`: the file's text. */
async function downloadChart(page: Page, title: string) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: `Download SVG: ${title}` }).click();
  return readFileSync((await (await download).path())!, "utf8");
}

test("admin to respondents to leader to analyst", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { slug, email: ownerEmail } = await signUp(page, { name: "Ada Admin", organization: "Journey Inc" });
  await importRoster(page, slug, ROSTER);

  await createTemplateSurvey(page, slug);
  // One question becomes optional under its own tag: too few answer it to be shown.
  await page.getByRole("link", { name: "Edit question 10" }).click();
  await page.getByLabel("Construct", { exact: true }).selectOption({ label: "A new custom construct…" });
  await page.getByLabel("New construct tag").fill("decisions.conversation");
  await page.getByLabel("Answer required").uncheck();
  await page.getByRole("button", { name: "Save question" }).click();
  await launchWave(page);
  const links = await linksFromOutbox(page, slug);

  // Invite a leader (Eve leads Engineering) and an analyst.
  for (const [address, role] of [
    ["eve@journey.test", "Leader"],
    ["analyst@journey.test", "Analyst"],
  ] as const) {
    await page.goto(`/o/${slug}/settings/members`);
    await page.getByLabel("Email", { exact: true }).fill(address);
    await page.getByLabel(new RegExp(`^${role}`)).check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${address}.`)).toBeVisible();
  }
  await page.goto(`/o/${slug}/settings/outbox`);
  const joinLink = async (address: string) => ((await page.getByRole("article", { name: `Email to ${address}` }).first().textContent()) ?? "").match(/\/join\/[\w-]+/)![0];
  const eveJoin = await joinLink("eve@journey.test");
  const analystJoin = await joinLink("analyst@journey.test");

  // Eleven people answer through their own links: all of Engineering's team, and five at the top and
  // in Sales. Released while the wave is open: five of the team (the sixth waits) and those five.
  const respondents = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const respondent = await respondents.newPage();
  const answering = [...[1, 2, 3, 4, 5, 6].map((i) => `dev${i}@journey.test`), "cora@journey.test", "fin@journey.test", "ops@journey.test", "rep1@journey.test", "rep2@journey.test"];
  for (const [i, address] of answering.entries()) {
    await respondent.goto(links.get(address)!);
    // Developers follow Eve and a colleague; the others follow a sales rep (never themselves).
    const follow = address.startsWith("dev") ? ["Eve Engine", i % 2 === 0 ? "Dev Number6" : "Sal Seller"] : [address === "rep1@journey.test" ? "Rep Two" : "Rep One"];
    if (i < 2) {
      const group = respondent.getByRole("group", { name: /Decisions here come out of conversation/ });
      await group.getByRole("radio", { name: "Agree", exact: true }).check();
    }
    await answerSurvey(respondent, { follow, agreement: i % 3 === 0 ? "Strongly agree" : "Agree" });
  }
  await respondents.close();
  await page.goto(`/o/${slug}/surveys`);
  // Two did not answer: fewer than k, so the count says only that nearly everyone did.
  await expect(page.getByRole("cell", { name: "all but fewer than 5 of 13" })).toBeVisible();
  await logOut(page);

  // The leader joins and sees their subtree: Engineering's team, not the rest.
  await page.goto(eveJoin);
  await page.getByLabel("Your name").fill("Eve Engine");
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await page.getByRole("link", { name: "Dashboards" }).click();
  await page.getByRole("link", { name: "Wave 1" }).click();
  await page.waitForURL(/\/dashboards\/[0-9a-f-]{36}$/);
  const dashboard = page.url();
  await expect(async () => {
    await page.goto(dashboard);
    await expect(page.getByText("Responses", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await expect(page.getByText("Showing the part of the org chart under Eve Engine")).toBeVisible();
  // Five of the six developers' answers: a team is never shown as all answered.
  await expect(page.locator("div", { has: page.getByText("Responses", { exact: true }) }).getByRole("definition").first()).toHaveText("5");
  // recharts draws under the Content-Security-Policy (any violation fails the journey: support/fixtures.ts).
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  // The story comes first: where followership goes relative to the chooser's reporting line.
  await expect(page.getByTestId("headline")).toHaveText(/^\d+% of followership goes to people outside the chooser's reporting line$/);
  await expect(page.getByRole("heading", { name: "Informal leaders" })).toBeVisible();
  await shoot(page, "leader-overview");

  await page.getByRole("link", { name: "Influence network" }).click();
  await expect(page.getByRole("heading", { name: /most followed people/ })).toBeVisible();
  const networkTable = page.locator("section", { has: page.getByRole("heading", { name: /most followed people/ }) });
  await expect(networkTable.getByRole("button", { name: "Eve Engine" })).toBeVisible();
  await expect(networkTable.getByText("Rep One")).toHaveCount(0);
  await expect(networkTable.getByText("Sal Seller")).toHaveCount(0);
  // The canvas draws under the policy too (network.spec.ts drives it).
  await expect(page.locator("canvas").first()).toBeAttached();
  await shoot(page, "leader-network");

  await page.getByRole("link", { name: "Positional vs earned" }).click();
  await expect(page.getByRole("heading", { name: "Leaders with authority" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Eve Engine" }).first()).toBeVisible();
  await shoot(page, "leader-quadrant");

  await page.getByRole("link", { name: "Teams" }).click();
  const heatmap = page.getByRole("table", { name: "Teams and combined groups × constructs" });
  await expect(heatmap.getByRole("rowheader", { name: "Team of Eve Engine · Engineering" })).toBeVisible();
  // Hidden to protect anonymity, with the reason for screen readers, never a bare dash.
  await expect(heatmap.getByRole("cell", { name: /^hidden\b.*Fewer than 5 answers/ }).first()).toBeVisible();
  await expect(page.getByText("Rest of the organization")).toHaveCount(0);
  await shoot(page, "leader-teams");

  await page.getByRole("link", { name: "People", exact: true }).click();
  // Managers are named; contributors without a formal role are anonymous to a leader, always.
  await expect(page.getByRole("link", { name: "Eve Engine" })).toBeVisible();
  await expect(page.getByText("Someone in Engineering").first()).toBeVisible();
  await expect(page.getByText("Dev Number1")).toHaveCount(0);
  await shoot(page, "leader-people");
  await page.getByRole("link", { name: "Eve Engine" }).click();
  await expect(page.getByRole("heading", { name: "Eve Engine" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What is not shown, and why" })).toBeVisible();
  await expect(page.getByText(/people report to them directly and \d+ (people|person) chose to follow them/)).toBeVisible();
  await shootWidths(page, "leader-person");
  await logOut(page);

  // The analyst sees the organization and exports the network for Gephi.
  await page.goto(analystJoin);
  await page.getByLabel("Your name").fill("Ana Lyst");
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await shootWidths(page, "org-home");
  await page.goto(`/o/${slug}/dashboards`);
  await expect(page.getByText(/^\d+% of followership goes to people outside the chooser's reporting line/)).toBeVisible();
  await expect(page.getByText(/^Answered: /)).toBeVisible();
  await shootWidths(page, "dashboards-index");
  await page.goto(dashboard);
  await expect(page.locator("div", { has: page.getByText("Responses", { exact: true }) }).getByRole("definition").first()).toHaveText("10");
  await expect(page.getByTestId("headline")).toBeVisible();
  // "Download SVG" saves the chart itself, titled, not one of its 14×14 legend icons.
  const constructs = await downloadChart(page, "Constructs");
  expect(constructs).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(constructs).toContain("<title>Constructs</title>");
  expect(constructs).toContain("recharts-bar-rectangle");
  expect(constructs).toContain(">Strongly disagree</text>");
  expect(Number(constructs.match(/width="(\d+)"/)![1])).toBeGreaterThan(200);
  await shootWidths(page, "analyst-overview");
  await expectAccessible(page);
  for (const [tab, name] of [
    ["Influence network", "analyst-network"],
    ["Positional vs earned", "analyst-quadrant"],
    ["Teams", "analyst-teams"],
  ] as const) {
    await page.getByRole("link", { name: tab }).click();
    await page.waitForLoadState("networkidle");
    await shoot(page, name);
    await expectAccessible(page);
  }
  await expect(page.getByRole("rowheader", { name: "Rest of the organization" })).toBeVisible();

  // The quadrant: every person counted once in the cards, drawn one circle per position with its count.
  await page.getByRole("link", { name: "Positional vs earned" }).click();
  const cards = page.getByRole("list", { name: "How many people in each place" });
  await expect(cards.getByRole("listitem")).toHaveCount(4);
  const counts = (await cards.locator("span.tabular-nums").allTextContents()).map(Number);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(13);
  await page.getByText(/^Every position as a table/).click();
  const positions = page.getByRole("region", { name: "Positions in the quadrant" }).getByRole("row");
  const rows = (await positions.count()) - 1;
  expect(rows).toBeGreaterThan(0);
  await expect(page.locator(".recharts-scatter-symbol")).toHaveCount(rows);
  await positions.nth(1).getByRole("link").click();
  await expect(page.locator("#at-position h2")).toHaveText(/^\d+ direct reports?, \d+ followers?: \d+ (person|people)/);
  const quadrantSvg = await downloadChart(page, "Positional vs earned");
  expect(quadrantSvg).toContain("<title>Positional vs earned</title>");
  expect(quadrantSvg).toContain("recharts-scatter");
  await shootWidths(page, "analyst-quadrant");
  await page.getByText("Export").click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Network (GEXF, for Gephi)" }).click();
  const gexf = readFileSync((await (await download).path())!, "utf8");
  const graph = parseGexf(DirectedGraph, gexf);
  expect(graph.filterNodes((_, attributes) => attributes.kind === "person")).toHaveLength(13);
  expect(graph.hasNode(graph.findNode((_, attributes) => attributes.label === "Eve Engine")!)).toBe(true);
  await logOut(page);

  // The owner still gets in, and their finished checklist is gone from the org home.
  await logIn(page, ownerEmail);
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByText("Latest results")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Getting started" })).toHaveCount(0);
  await shootWidths(page, "owner-org-home");
});
