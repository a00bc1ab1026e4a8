import { expect, type Page } from "@playwright/test";

export async function importRoster(page: Page, slug: string, lines: string[]) {
  await page.goto(`/o/${slug}/people/import`);
  await page.getByLabel("Roster file (CSV)").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("heading", { name: "Roster imported" })).toBeVisible();
}

export async function createTemplateSurvey(page: Page, slug: string, name = "Influence & Authority Pulse") {
  await page.goto(`/o/${slug}/surveys/new`);
  await page.getByLabel("Survey name").fill(name);
  await page.getByLabel(/Influence & Authority Pulse/).check();
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

/** Launches the wave shown on the survey page, through its confirmation. */
export async function launchWave(page: Page) {
  await page.getByRole("link", { name: "Launch now…" }).click();
  const confirmation = page.getByRole("region", { name: "Confirm launch" });
  await expect(confirmation).toBeVisible();
  await confirmation.getByRole("button", { name: /^Launch to/ }).click();
  await expect(page.getByRole("heading", { name: "Collecting answers" })).toBeVisible();
}

/** Sets a nomination question's limit in the question editor (a number, or none). */
export async function setNominationLimit(page: Page, questionNumber: number, limit: number | "none") {
  await page.getByRole("link", { name: `Edit question ${questionNumber}` }).click();
  if (limit === "none") await page.getByLabel("No limit", { exact: true }).check();
  else {
    await page.getByLabel("At most", { exact: true }).check();
    await page.getByLabel("Most people a respondent may choose").fill(String(limit));
  }
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText(`Nomination · ${limit === "none" ? "no limit" : `up to ${limit}`}`).nth(0)).toBeVisible();
}

/** Every personal link waiting in the outbox, by recipient. */
export async function linksFromOutbox(page: Page, slug: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (let pageNumber = 1; ; pageNumber++) {
    await page.goto(`/o/${slug}/settings/outbox?page=${pageNumber}`);
    const articles = page.getByRole("article");
    const count = await articles.count();
    for (let i = 0; i < count; i++) {
      const text = (await articles.nth(i).textContent()) ?? "";
      const link = text.match(/https?:\/\/\S+?\/r\/[\w-]+/)?.[0];
      const to = (await articles.nth(i).getAttribute("aria-label"))?.replace("Email to ", "");
      if (link && to) links.set(to, new URL(link).pathname);
    }
    if ((await page.getByRole("link", { name: "Next" }).count()) === 0) return links;
  }
}

/**
 * Answers every required question: agreement items with the given choice, the 0–10 scale with
 * 8, and the followership question with the given people (through the type-ahead).
 */
export async function answerSurvey(page: Page, { follow = [], agreement = "Agree" }: { follow?: string[]; agreement?: string } = {}) {
  const followGroup = page.getByRole("group", { name: /Whose lead would you follow/ });
  for (const name of follow) {
    await followGroup.getByRole("combobox").fill(name);
    await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
  }
  for (const group of await page.getByRole("group").all()) {
    const radios = group.getByRole("radio");
    const count = await radios.count();
    if ((await group.getAttribute("data-required")) !== "true") continue;
    if (count === 5) await group.getByRole("radio", { name: agreement, exact: true }).check();
    if (count === 11) await radios.nth(8).check();
  }
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your answers are in" })).toBeVisible();
}
