import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectAccessible } from "./support/accessibility";
import { PASSWORD, logOut, signUp } from "./support/accounts";

const HEADER = "Work Email,Full Name,Job Title,Manager Email,Department,Office";
const GOOD_ROWS = [
  "ceo@roster.test,Cora Chief,CEO,,Executive,Berlin",
  "lead@roster.test,Lee Lead,Engineering Lead,ceo@roster.test,Engineering,Berlin",
  "dev@roster.test,Dee Dev,Engineer,lead@roster.test,Engineering,Remote",
];

/** A screenshot at desktop and phone width, for the README and for looking at. */
async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `e2e/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const file = (rows: string[]) => ({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n")) });

test("an admin fixes a bad roster row, applies the import, sees the org chart and invites a leader", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page.getByRole("img", { name: /influence network for a 146-person demo company/ })).toBeVisible();
  // The design's typeface comes with the app, not from whatever the machine has installed.
  const shippedFont = () => document.fonts.ready.then((fonts) => [...fonts].some((font) => font.family.replaceAll('"', "") === "Inter Variable" && font.status === "loaded"));
  expect(await page.evaluate(shippedFont)).toBe(true);
  await shoot(page, "landing");
  const { slug } = await signUp(page, { organization: "Roster Test Co" });

  // The overview has an "Import roster" link too: wait for the People page before clicking its own.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Import roster" }).click();
  await page.getByLabel("Roster file (CSV)").setInputFiles(file([...GOOD_ROWS, "intern@roster.test,Ian Intern,Intern,nobody@roster.test,Engineering,Berlin"]));
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: "1 row has a problem" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "The manager nobody@roster.test is not in this file or in the roster." })).toBeVisible();
  // The preview names who is new, page by page.
  const newPeople = page.getByRole("region", { name: "New people" });
  for (const name of ["Cora Chief", "Lee Lead", "Dee Dev"]) await expect(newPeople.getByRole("cell", { name, exact: true })).toBeVisible();
  await expect(newPeople.getByRole("cell", { name: "Ian Intern" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Download all 1 \(CSV\)/ })).toBeVisible();
  await shoot(page, "import-preview");
  // Importing the valid rows takes a confirmation that says how many are skipped.
  await page.getByRole("button", { name: "Import 3 valid rows" }).click();
  await expect(page.getByRole("heading", { name: "Roster imported" })).toHaveCount(0);
  await page.getByLabel("Skip the 1 row with problems and import the 3 valid rows.").check();
  await page.getByRole("button", { name: "Import 3 valid rows" }).click();
  await expect(page.getByRole("heading", { name: "Roster imported" })).toBeVisible();
  await expect(page.getByText("Applied: 3 added, 0 updated, 0 deactivated, 1 row skipped.")).toBeVisible();

  await page.goto(`/o/${slug}/people/import`);
  await page.getByLabel("Roster file (CSV)").setInputFiles(
    file([...GOOD_ROWS.slice(0, 2), "dev@roster.test,Dee Dev,Senior Engineer,lead@roster.test,Engineering,Remote", "intern@roster.test,Ian Intern,Intern,dev@roster.test,Engineering,Berlin"]),
  );
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: "Every row is valid" })).toBeVisible();
  await expect(page.getByText("Applying adds 1, updates 1 and deactivates 0 people, all at once.")).toBeVisible();
  await expect(page.getByRole("region", { name: "New people" }).getByRole("cell", { name: "Ian Intern" })).toBeVisible();
  await page.getByRole("link", { name: /^Updated/ }).click();
  const updated = page.getByRole("region", { name: "Updated people" });
  await expect(updated.getByRole("row", { name: /Dee Dev/ })).toContainText(/Title: Engineer\s*→.*Senior Engineer/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("heading", { name: "Roster imported" })).toBeVisible();

  await page.getByRole("link", { name: "org chart" }).click();
  const chart = page.getByRole("list", { name: "Org chart" });
  await expect(chart.getByRole("link", { name: "Cora Chief", exact: true })).toBeVisible();
  // Closed teams arrive as counts; opening one fetches its members.
  await expect(chart.getByRole("link", { name: "Lee Lead", exact: true })).toBeVisible();
  await expect(chart.getByRole("link", { name: "Dee Dev", exact: true })).toHaveCount(0);
  await chart.getByRole("link", { name: "Show the team of Lee Lead" }).click();
  await expect(chart.getByRole("link", { name: "Dee Dev", exact: true })).toBeVisible();
  // Without JavaScript the same toggle asks the server for the page with that team open.
  const withoutScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await withoutScript.newPage();
  await plain.goto(page.url());
  await plain.getByRole("link", { name: "Show the team of Lee Lead" }).click();
  await expect(plain.getByRole("link", { name: "Dee Dev", exact: true })).toBeVisible();
  await expect(plain.getByRole("link", { name: "Hide the team of Lee Lead" })).toHaveAttribute("aria-expanded", "true");
  await withoutScript.close();
  await page.getByLabel("Find a person").fill("Ian");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("1 match highlighted.")).toBeVisible();
  await expect(chart.getByRole("link", { name: "Ian Intern", exact: true })).toBeVisible();
  await expectAccessible(page);

  // One person edited without a re-import: a loop in the manager chain is refused, a title change saved.
  await chart.getByRole("link", { name: "Cora Chief", exact: true }).click();
  await page.getByRole("link", { name: "Edit or deactivate" }).click();
  await page.getByLabel("Manager's email").fill("intern@roster.test");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("This manager reports to this person (directly or further down): the chain would loop.")).toBeVisible();
  await shoot(page, "person-edit");
  await page.getByLabel("Manager's email").fill("");
  await page.getByLabel("Title").fill("Chief Executive Officer");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Cora Chief", level: 1 })).toBeVisible();
  await expect(page.getByText("Chief Executive Officer").first()).toBeVisible();

  // A keyboard user's first Tab reaches "Skip to content", which lands on the page's main content.
  await page.goto(`/o/${slug}/people`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // A page missing inside an organization keeps the navigation.
  await page.goto(`/o/${slug}/people/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toBeVisible();

  await page.goto(`/o/${slug}/settings/members`);
  await page.getByLabel("Email", { exact: true }).fill("lead@roster.test");
  await page.getByLabel(/^Leader/).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent to lead@roster.test.")).toBeVisible();
  await expect(page.getByText("lead@roster.test as leader (Lee Lead)")).toBeVisible();

  await page.getByRole("link", { name: "Outbox" }).click();
  const email = page.getByRole("article", { name: "Email to lead@roster.test" });
  const link = (await email.textContent())!.match(/https?:\/\/\S+\/join\/[\w-]+/)![0];
  await logOut(page);

  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await leader.goto(link);
  await expect(leader.getByRole("heading", { name: "Join Roster Test Co" })).toBeVisible();
  await leader.getByLabel("Your name").fill("Lee Lead");
  await leader.getByLabel("Choose a password").fill(PASSWORD);
  await leader.getByRole("button", { name: "Create account and join" }).click();
  await expect(leader).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(leader.getByText("Leader", { exact: true })).toBeVisible();
  await expect(leader.getByRole("link", { name: "People" })).toHaveCount(0);

  await leader.goto(link);
  await expect(leader.getByRole("heading", { name: "Invitation unavailable" })).toBeVisible();
  await leaderContext.close();
});
