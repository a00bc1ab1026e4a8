import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectAccessible } from "./support/accessibility";
import { ADVICE, answerRequired, FOLLOW, launchPickerSurvey, MOMENTS } from "./support/picker";

async function pick(page: Page, question: Locator, name: string) {
  await question.getByRole("combobox").fill(name);
  await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
}

test("with JavaScript, a respondent picks people nearby and by type-ahead, the same person in every question, 25 in one, and says they would name more at a limit", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const links = await launchPickerSurvey(page, "Pick Co");

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const respondent = await context.newPage();
  await respondent.goto(links.get("noor@pick.test")!);
  const follow = respondent.getByRole("group", { name: FOLLOW });
  const advice = respondent.getByRole("group", { name: ADVICE });
  const moments = respondent.getByRole("group", { name: MOMENTS });

  // People near you: the respondent's team and its manager, the respondent included (leaving her
  // out would say whose link this is), with the truth about choosing oneself.
  const near = follow.getByRole("group", { name: "People near you" });
  await expect(near.getByRole("checkbox")).toHaveCount(7);
  await expect(near.getByRole("checkbox", { name: /Noor One/ })).toBeVisible();
  await expect(near.getByText("choosing yourself is not counted")).toBeVisible();
  await expect(follow.getByText("Choose as many people as you like. They will never see that you chose them.")).toBeVisible();
  await expect(moments.getByText("Choose up to 2 people. They will never see that you chose them.")).toBeVisible();

  // Ticked nearby, Maya is not offered again in the same question, but is in the next one, where
  // choosing her through the type-ahead ticks her nearby box rather than adding her twice.
  await near.getByRole("checkbox", { name: /Maya Lead/ }).check();
  await expect(follow.getByText("1 chosen.")).toBeVisible();
  await follow.getByRole("combobox").fill("Maya");
  await expect(respondent.getByText("Everyone matching is chosen already.")).toBeVisible();
  await follow.getByRole("combobox").fill("");
  await pick(respondent, advice, "Maya Lead");
  await expect(advice.getByRole("group", { name: "People near you" }).getByRole("checkbox", { name: /Maya Lead/ })).toBeChecked();
  await expect(advice.getByRole("list", { name: "Others chosen" }).getByRole("checkbox")).toHaveCount(0);

  // The same person, found by search, in all three questions.
  for (const question of [follow, advice, moments]) await pick(respondent, question, "Otto Boss");
  for (const question of [follow, advice, moments]) await expect(question.getByRole("checkbox", { name: /Otto Boss/ })).toBeChecked();
  await expect(follow.getByText("2 chosen.")).toBeVisible();

  // 25 in one question, which has no limit: Maya, Otto and 23 people of Operations.
  for (let i = 1; i <= 23; i++) await pick(respondent, advice, `Ops Person ${String(i).padStart(2, "0")}`);
  await expect(advice.getByText("25 chosen.")).toBeVisible();
  await expect(advice.getByRole("combobox")).toBeEnabled();
  await expect(advice.getByRole("checkbox", { name: "I would name more people" })).toHaveCount(0);

  // A limit of 2: at the limit, nobody more can be chosen, and "I would name more" appears.
  const momentsNear = moments.getByRole("group", { name: "People near you" });
  await expect(moments.getByText("1 of up to 2 chosen.")).toBeVisible();
  await expect(moments.getByRole("checkbox", { name: "I would name more people" })).toBeHidden();
  await momentsNear.getByRole("checkbox", { name: /Pia Three/ }).check();
  await expect(moments.getByText("2 of up to 2 chosen. To change, untick someone first.")).toBeVisible();
  await expect(momentsNear.getByRole("checkbox", { name: /Quin Four/ })).toBeDisabled();
  await expect(moments.getByRole("combobox")).toBeDisabled();
  await moments.getByRole("checkbox", { name: "I would name more people" }).check();

  await answerRequired(respondent);
  await expectAccessible(respondent);
  await respondent.screenshot({ path: "e2e/screenshots/picker-1440.png", fullPage: true });

  // A reload keeps everything: the nearby ticks, the people found, the box at the limit.
  await respondent.reload();
  await expect(advice.getByText("25 chosen.")).toBeVisible();
  await expect(advice.getByRole("group", { name: "People near you" }).getByRole("checkbox", { name: /Maya Lead/ })).toBeChecked();
  await expect(advice.getByRole("checkbox", { name: /Ops Person 23/ })).toBeChecked();
  await expect(moments.getByRole("checkbox", { name: "I would name more people" })).toBeChecked();
  await expect(momentsNear.getByRole("checkbox", { name: /Quin Four/ })).toBeDisabled();
  await respondent.getByRole("button", { name: "Send my answers" }).click();
  await expect(respondent.getByRole("heading", { name: "Thank you: your answers are in" })).toBeVisible();
  await context.close();

  // On a phone: the picker and the 0–10 scale on one line.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(links.get("omar@pick.test")!);
  const phoneFollow = phone.getByRole("group", { name: FOLLOW });
  await phoneFollow.getByRole("group", { name: "People near you" }).getByRole("checkbox", { name: /Maya Lead/ }).check();
  await pick(phone, phoneFollow, "Otto Boss");
  const scale = phone.getByRole("group", { name: /recommend working here/ });
  const zero = await scale.getByRole("radio", { name: /^0/ }).boundingBox();
  const ten = await scale.getByRole("radio", { name: /^10/ }).boundingBox();
  expect(Math.abs(zero!.y - ten!.y)).toBeLessThan(2);
  await expectAccessible(phone);
  await phone.screenshot({ path: "e2e/screenshots/picker-390.png", fullPage: true });
  await phoneContext.close();
});
