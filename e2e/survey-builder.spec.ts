import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signUp } from "./support/accounts";
import { createTemplateSurvey, importRoster, linksFromOutbox } from "./support/survey";

const ROSTER = [
  "email,name,title,manager_email,department",
  "lead@builder.test,Lena Lead,Head of Design,,Design",
  ...[1, 2, 3, 4, 5].map((i) => `designer${i}@builder.test,Designer ${i},Designer,lead@builder.test,Design`),
  "contractor@builder.test,Casey Contractor,Contractor,lead@builder.test,Design",
];

/** A screenshot at desktop and phone width, for the README and for looking at. */
async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `e2e/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

// The admin's browser is in Berlin: times are typed and read in its zone, and UTC without JavaScript.
test.use({ timezoneId: "Europe/Berlin" });

test("an admin builds a survey from the template, edits a question, previews, launches and finds the invitations in the outbox", async ({ page, browser }) => {
  const { slug } = await signUp(page, { organization: "Builder Co" });
  await importRoster(page, slug, ROSTER);
  await createTemplateSurvey(page, slug, "Spring pulse");
  await expect(page.getByText("Wave 1")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Whose lead would you follow" })).toHaveCount(1);

  await expect(page.getByText("Nomination · no limit · advice · optional")).toBeVisible();
  await page.getByRole("link", { name: "Edit question 2" }).click();
  await expect(page.getByLabel("No limit", { exact: true })).toBeChecked();
  await page.getByLabel("Question", { exact: true }).fill("Whom do you ask when you are stuck on something hard?");
  // Typing a number chooses a limit.
  await page.getByLabel("Most people a respondent may choose").fill("4");
  await expect(page.getByLabel("At most", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText("2. Whom do you ask when you are stuck on something hard?")).toBeVisible();
  await expect(page.getByText("Nomination · up to 4 · advice · optional")).toBeVisible();

  await page.getByRole("link", { name: "Edit question 2" }).click();
  await page.getByLabel("Most people a respondent may choose").fill("0");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText("Allow between 1 and 50 people, or choose no limit.")).toBeVisible();
  await page.getByLabel("Most people a respondent may choose").fill("25");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText("Nomination · up to 25 · advice · optional")).toBeVisible();

  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByText("This is a preview: answers entered here go nowhere.")).toBeVisible();
  const advice = page.getByRole("group", { name: /Whom do you ask when you are stuck/ });
  await expect(advice).toBeVisible();
  // The help text follows the limit set here, not the template's "as many as you like".
  await expect(advice.getByText("Choose up to 25 people. Think of everyone you really turn to, in your team or beyond.", { exact: false })).toBeVisible();
  await expect(advice.getByRole("checkbox", { name: "I would name more people" })).toBeVisible();
  await expect(page.getByRole("group", { name: /Whose lead would you follow/ }).getByText("Choose as many people as you like.", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
  await page.getByRole("link", { name: "Spring pulse, wave 1" }).click();

  // The audience picker: head-counts, a total that follows the ticks, and a contractor left out.
  await page.getByRole("link", { name: "Choose audience" }).click();
  const total = page.getByTestId("audience-total");
  await expect(total).toHaveText("7");
  await expect(page.getByText("Design · 7 people")).toBeVisible();
  await expect(page.getByText(/Lena Lead · Head of Design · team of 7/)).toBeVisible();
  await page.getByLabel("Find someone to leave out").fill("Casey");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("Matching “Casey”")).toBeVisible();
  await page.getByRole("checkbox", { name: /Casey Contractor/ }).check();
  await expect(total).toHaveText("6");
  await shoot(page, "audience-picker");
  await page.getByRole("button", { name: "Save audience" }).click();
  await expect(page.getByText("Everyone in the roster, leaving out 1 person (6 people now)")).toBeVisible();

  await page.getByRole("link", { name: "Settings and schedule" }).click();
  const closes = page.getByLabel("Closes (your time, Europe/Berlin, optional)");
  await closes.fill("2030-01-15T17:00");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("link", { name: "Settings and schedule" }).click();
  await expect(closes).toHaveValue("2030-01-15T17:00");
  const withoutScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await withoutScript.newPage();
  await plain.goto(page.url());
  await expect(plain.getByLabel("Closes (UTC, optional)")).toHaveValue("2030-01-15T16:00");
  await withoutScript.close();
  await closes.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();

  await page.getByRole("link", { name: "Launch now…" }).click();
  const confirmation = page.getByRole("region", { name: "Confirm launch" });
  await expect(confirmation.getByText("6 people invited")).toBeVisible();
  await expect(confirmation.getByText("Stays open until you close it.")).toBeVisible();
  await expect(confirmation.getByText(/once 5 of their people have answered/)).toBeVisible();
  await expect(confirmation.getByText(/Trial mode: there is no email server/)).toBeVisible();
  await shoot(page, "launch-confirmation");
  await confirmation.getByRole("button", { name: "Launch to 6 people" }).click();
  await expect(page.getByRole("heading", { name: "Collecting answers" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Launched to 6 people." })).toBeVisible();
  await expect(page.getByText("fewer than 5 of 6")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit question 1" })).toHaveCount(0);

  const links = await linksFromOutbox(page, slug);
  expect([...links.keys()].sort()).toEqual(["designer1@builder.test", "designer2@builder.test", "designer3@builder.test", "designer4@builder.test", "designer5@builder.test", "lead@builder.test"]);
  const email = page.getByRole("article", { name: "Email to designer1@builder.test" });
  await expect(email).toContainText("Builder Co asks for your view: Spring pulse");

  // On a phone, the 0–10 scale stays on one line.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(links.get("designer1@builder.test")!);
  const scale = page.getByRole("group", { name: /How likely are you to recommend/ }).getByRole("radio");
  await expect(scale).toHaveCount(11);
  const tops = new Set<number>();
  for (const radio of await scale.all()) tops.add(Math.round((await radio.boundingBox())!.y));
  expect(tops.size).toBe(1);
  await page.screenshot({ path: "e2e/screenshots/respondent-enps-390.png", fullPage: true });
});
