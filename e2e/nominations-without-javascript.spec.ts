import { expect, test } from "./support/fixtures";
import { expectAccessible } from "./support/accessibility";
import { ADVICE, answerRequired, FOLLOW, launchPickerSurvey, MOMENTS } from "./support/picker";

test("without JavaScript, a respondent ticks people nearby, searches each question on its own (Enter included), chooses 25 in one and the same person in all three", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const links = await launchPickerSurvey(page, "Plain Co");

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
  const respondent = await context.newPage();
  await respondent.goto(links.get("pia@pick.test")!);
  const follow = respondent.getByRole("group", { name: FOLLOW });
  const advice = respondent.getByRole("group", { name: ADVICE });
  const moments = respondent.getByRole("group", { name: MOMENTS });

  // Maya, from the nearby list, in all three questions.
  for (const question of [follow, advice, moments]) await question.getByRole("group", { name: "People near you" }).getByRole("checkbox", { name: /Maya Lead/ }).check();

  // Enter in the second question's search box searches that question, keeps what was typed and
  // comes back to it; the first question is left alone.
  await advice.getByRole("searchbox").fill("Ops Person");
  await advice.getByRole("searchbox").press("Enter");
  await expect(advice.getByRole("group", { name: "Tick the people you mean, then carry on:" }).getByRole("checkbox")).toHaveCount(20);
  await expect(advice.getByRole("searchbox")).toHaveValue("Ops Person");
  await expect(advice.getByRole("searchbox")).toBeFocused();
  await expect(advice.getByRole("searchbox")).toBeInViewport();
  await expect(follow.getByRole("group", { name: "Tick the people you mean, then carry on:" })).toHaveCount(0);
  for (const question of [follow, advice, moments]) await expect(question.getByRole("group", { name: "People near you" }).getByRole("checkbox", { name: /Maya Lead/ })).toBeChecked();

  // 25 in one question: Maya, twenty found, the search again for the rest, three more (and Otto below).
  for (const box of await advice.getByRole("group", { name: "Tick the people you mean, then carry on:" }).getByRole("checkbox").all()) await box.check();
  await advice.getByRole("button", { name: "Search" }).click();
  const rest = advice.getByRole("group", { name: "Tick the people you mean, then carry on:" }).getByRole("checkbox");
  await expect(rest).toHaveCount(10);
  for (let i = 0; i < 3; i++) await rest.nth(i).check();
  // Counted by the server when the page was made: Maya and the twenty.
  await expect(advice.getByText("21 chosen.")).toBeVisible();

  // Searching a nearby person points to their box instead of offering a second one.
  await follow.getByRole("searchbox").fill("Quin");
  await follow.getByRole("button", { name: "Search" }).click();
  await expect(follow.getByRole("link", { name: "Quin Four" })).toBeVisible();
  await expect(follow.getByRole("checkbox", { name: /Quin Four/ })).toHaveCount(1);

  // The same person found by search in all three questions; the last one has a limit of 2.
  for (const question of [follow, advice, moments]) {
    await question.getByRole("searchbox").fill("Otto");
    await question.getByRole("button", { name: "Search" }).click();
    await question.getByRole("group", { name: "Tick the people you mean, then carry on:" }).getByRole("checkbox", { name: /Otto Boss/ }).check();
  }
  await moments.getByRole("checkbox", { name: "I would name more people" }).check();
  // Enter in an empty box is harmless: the page comes back with everything as it was.
  await moments.getByRole("searchbox").fill("");
  await moments.getByRole("searchbox").press("Enter");
  await expect(advice.getByText("25 chosen.")).toBeVisible();
  await expect(follow.getByText("2 chosen.")).toBeVisible();
  await expect(moments.getByText("2 of up to 2 chosen.")).toBeVisible();
  await expect(moments.getByRole("checkbox", { name: "I would name more people" })).toBeChecked();
  for (const question of [follow, advice, moments]) await expect(question.getByRole("checkbox", { name: /Otto Boss/ })).toBeChecked();
  await expect(follow.getByText("Everyone matching “Otto” is chosen already.")).toBeVisible();

  await answerRequired(respondent);
  await respondent.screenshot({ path: "e2e/screenshots/picker-nojs-1440.png", fullPage: true });
  await respondent.getByRole("button", { name: "Send my answers" }).click();
  await expect(respondent.getByRole("heading", { name: "Thank you: your answers are in" })).toBeVisible();
  await context.close();

  // Over a limit without JavaScript, the server says so and keeps every choice.
  const phoneContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto(links.get("quin@pick.test")!);
  const phoneMoments = phone.getByRole("group", { name: MOMENTS });
  for (const name of [/Maya Lead/, /Noor One/, /Omar Two/]) await phoneMoments.getByRole("group", { name: "People near you" }).getByRole("checkbox", { name }).check();
  await answerRequired(phone);
  await phone.getByRole("button", { name: "Send my answers" }).click();
  await expect(phone.getByText("Choose at most 2 people.").first()).toBeVisible();
  await expect(phoneMoments.getByText("3 of up to 2 chosen.")).toBeVisible();
  await phone.screenshot({ path: "e2e/screenshots/picker-nojs-390.png", fullPage: true });
  await phoneContext.close();

  // The page as it is without its script (axe needs JavaScript, so only the page script is blocked).
  const checkContext = await browser.newContext();
  const check = await checkContext.newPage();
  await check.route("**/respondent.js", (route) => route.abort());
  await check.goto(links.get("rae@pick.test")!);
  await check.getByRole("group", { name: ADVICE }).getByRole("searchbox").fill("Ops");
  await check.getByRole("group", { name: ADVICE }).getByRole("button", { name: "Search" }).click();
  await expect(check.getByRole("group", { name: ADVICE }).getByRole("group", { name: "Tick the people you mean, then carry on:" })).toBeVisible();
  await expectAccessible(check);
  await checkContext.close();
});
