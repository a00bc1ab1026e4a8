import { expect, test } from "./support/fixtures";
import { expectAccessible } from "./support/accessibility";
import { PASSWORD, logOut, signUp } from "./support/accounts";

const HEADER = "Work Email,Full Name,Job Title,Manager Email,Department,Office";
const GOOD_ROWS = [
  "ceo@roster.test,Cora Chief,CEO,,Executive,Berlin",
  "lead@roster.test,Lee Lead,Engineering Lead,ceo@roster.test,Engineering,Berlin",
  "dev@roster.test,Dee Dev,Engineer,lead@roster.test,Engineering,Remote",
];

const file = (rows: string[]) => ({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n")) });

test("an admin fixes a bad roster row, applies the import, sees the org chart and invites a leader", async ({ page, browser }) => {
  const { slug } = await signUp(page, { organization: "Roster Test Co" });

  // The overview has an "Import roster" link too: wait for the People page before clicking its own.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Import roster" }).click();
  await page.getByLabel("Roster file (CSV)").setInputFiles(file([...GOOD_ROWS, "intern@roster.test,Ian Intern,Intern,nobody@roster.test,Engineering,Berlin"]));
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: "1 row needs fixing" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "The manager nobody@roster.test is not in this file or in the roster." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply import" })).toHaveCount(0);

  await page.getByRole("link", { name: "Upload a corrected file" }).click();
  await page.getByLabel("Roster file (CSV)").setInputFiles(file([...GOOD_ROWS, "intern@roster.test,Ian Intern,Intern,dev@roster.test,Engineering,Berlin"]));
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: "Every row is valid" })).toBeVisible();
  await expect(page.getByText("Applying adds 4, updates 0 and deactivates 0 people, all at once.")).toBeVisible();
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("heading", { name: "Roster imported" })).toBeVisible();

  await page.getByRole("link", { name: "org chart" }).click();
  const chart = page.getByRole("list", { name: "Org chart" });
  await expect(chart.getByRole("link", { name: "Cora Chief" })).toBeVisible();
  await page.getByLabel("Find a person").fill("Ian");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("1 match highlighted.")).toBeVisible();
  await expect(chart.getByRole("link", { name: "Ian Intern" })).toBeVisible();
  await expectAccessible(page);

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
