import { expect, test } from "./support/fixtures";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expectAccessible } from "./support/accessibility";
import { signUp } from "./support/accounts";
import { createTemplateSurvey, importRoster, launchWave, linksFromOutbox } from "./support/survey";

const ROSTER = [
  "email,name,title,manager_email,department",
  "maya.lead@answer.test,Maya Lead,Team Lead,,Support",
  "noor.one@answer.test,Noor One,Agent,maya.lead@answer.test,Support",
  "omar.two@answer.test,Omar Two,Agent,maya.lead@answer.test,Support",
  "pia.three@answer.test,Pia Three,Agent,maya.lead@answer.test,Support",
  "quin.four@answer.test,Quin Four,Agent,maya.lead@answer.test,Support",
  "rae.five@answer.test,Rae Five,Agent,maya.lead@answer.test,Support",
];

test("respondents answer on a phone with JavaScript and without it; a used link says so; nothing identifying is logged", async ({ page, browser }) => {
  const { slug } = await signUp(page, { organization: "Answer Co" });
  await importRoster(page, slug, ROSTER);
  await page.goto(`/o/${slug}/people?q=Noor`);
  const noorId = (await page.getByRole("link", { name: "Noor One" }).getAttribute("href"))!.split("/").pop()!;
  await page.goto(`/o/${slug}/people?q=Omar`);
  const omarId = (await page.getByRole("link", { name: "Omar Two" }).getAttribute("href"))!.split("/").pop()!;
  await createTemplateSurvey(page, slug);
  await launchWave(page);
  const links = await linksFromOutbox(page, slug);

  // On a phone, with JavaScript: type-ahead, progress, answers kept across a reload.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(links.get("noor.one@answer.test")!);
  await expect(phone.getByRole("heading", { name: "Influence & Authority Pulse" })).toBeVisible();
  await expectAccessible(phone);
  const follow = phone.getByRole("group", { name: /Whose lead would you follow/ });
  await follow.getByRole("combobox").fill("Maya");
  await phone.getByRole("option", { name: /^Maya Lead/ }).click();
  await expect(follow.getByText("1 chosen.")).toBeVisible();
  await follow.getByRole("combobox").fill("Xavier");
  await expect(phone.getByText("Nobody matches. Try part of a first or last name.")).toBeVisible();
  await follow.getByRole("combobox").fill("");
  for (const group of await phone.getByRole("group").all()) {
    if ((await group.getAttribute("data-required")) !== "true") continue;
    const radios = group.getByRole("radio");
    if ((await radios.count()) === 5) await group.getByRole("radio", { name: "Agree", exact: true }).check();
  }
  await expect(phone.getByText("8 of 12 questions answered.")).toBeVisible();
  await phone.reload();
  await expect(phone.getByText("8 of 12 questions answered.")).toBeVisible();
  await expect(phone.getByRole("group", { name: /Whose lead would you follow/ }).getByRole("checkbox", { name: /Maya Lead/ })).toBeChecked();
  await phone.getByRole("button", { name: "Send my answers" }).click();
  await expect(phone.getByText("Question 11: Choose an answer.")).toBeVisible();
  await expectAccessible(phone);
  await phone.getByRole("group", { name: /recommend working here/ }).getByRole("radio", { name: /^9/ }).check();
  await phone.getByRole("button", { name: "Send my answers" }).click();
  await expect(phone.getByRole("heading", { name: "Thank you: your answers are in" })).toBeVisible();
  await phone.goto(links.get("noor.one@answer.test")!);
  await expect(phone.getByRole("heading", { name: "You have already answered" })).toBeVisible();
  await phoneContext.close();

  // Without JavaScript: the nomination picker is a search with a button.
  const plainContext = await browser.newContext({ javaScriptEnabled: false });
  const plain = await plainContext.newPage();
  await plain.goto(links.get("omar.two@answer.test")!);
  const plainFollow = plain.getByRole("group", { name: /Whose lead would you follow/ });
  await plainFollow.getByRole("searchbox").fill("Pia");
  await plainFollow.getByRole("button", { name: "Search" }).click();
  await plain.getByRole("group", { name: /Whose lead would you follow/ }).getByRole("checkbox", { name: /Pia Three/ }).check();
  for (const group of await plain.getByRole("group").all()) {
    if ((await group.getAttribute("data-required")) !== "true") continue;
    const radios = group.getByRole("radio");
    const count = await radios.count();
    if (count === 5) await group.getByRole("radio", { name: "Disagree", exact: true }).check();
    if (count === 11) await radios.nth(6).check();
  }
  await plain.getByRole("button", { name: "Send my answers" }).click();
  await expect(plain.getByRole("heading", { name: "Thank you: your answers are in" })).toBeVisible();
  await plain.goto(links.get("omar.two@answer.test")!);
  await expect(plain.getByRole("heading", { name: "You have already answered" })).toBeVisible();
  await plainContext.close();

  await page.goto(`/o/${slug}/surveys`);
  await expect(page.getByRole("cell", { name: "fewer than 5 of 6" })).toBeVisible();

  // The server's log says nothing about who answered.
  const log = readFileSync(path.join(tmpdir(), "earned-e2e-server.log"), "utf8");
  for (const secret of [links.get("noor.one@answer.test")!, links.get("omar.two@answer.test")!]) expect(log).not.toContain(secret.split("/").pop()!);
  for (const identifying of ["noor.one@answer.test", "omar.two@answer.test", "Noor One", "Omar Two", noorId, omarId]) expect(log).not.toContain(identifying);
  expect(log).not.toMatch(/\/r\/[\w-]{20,}/);
});
