import type { Page } from "@playwright/test";
import { signUp } from "./accounts";
import { createTemplateSurvey, importRoster, launchWave, linksFromOutbox, setNominationLimit } from "./survey";

/**
 * An organization for the nomination picker: a support team of six under Maya (their own
 * segment with k = 5, so "People near you" is the six and Maya), thirty people in Operations to
 * find by search, and an executive team above.
 */
export const PICKER_ROSTER = [
  "email,name,title,manager_email,department",
  "otto.boss@pick.test,Otto Boss,Chief Executive,,Exec",
  ...["Cara Cfo", "Tom Cto", "Ria Coo", "Lee Cmo", "Ada Cpo"].map((name) => `${name.split(" ")[0]!.toLowerCase()}@pick.test,${name},Executive,otto.boss@pick.test,Exec`),
  "maya.lead@pick.test,Maya Lead,Team Lead,otto.boss@pick.test,Support",
  ...["Noor One", "Omar Two", "Pia Three", "Quin Four", "Rae Five", "Sam Six"].map((name) => `${name.split(" ")[0]!.toLowerCase()}@pick.test,${name},Agent,maya.lead@pick.test,Support`),
  "olga.ops@pick.test,Olga Ops,Head of Operations,otto.boss@pick.test,Operations",
  ...Array.from({ length: 30 }, (_, i) => `ops${i + 1}@pick.test,Ops Person ${String(i + 1).padStart(2, "0")},Operator,olga.ops@pick.test,Operations`),
];

export const FOLLOW = /Whose lead would you follow/;
export const ADVICE = /Who do you go to when you need advice/;
export const MOMENTS = /Who helps the people around them/;

/**
 * Signs up, imports the roster, creates the template survey with a limit of 2 on the third
 * nomination question (the other two keep the template's "no limit"), launches it, and returns
 * the personal links by email.
 */
export async function launchPickerSurvey(page: Page, organization: string): Promise<Map<string, string>> {
  const { slug } = await signUp(page, { organization });
  await importRoster(page, slug, PICKER_ROSTER);
  await createTemplateSurvey(page, slug);
  await setNominationLimit(page, 3, 2);
  await launchWave(page);
  return linksFromOutbox(page, slug);
}

/** Ticks an answer in every required agreement and 0–10 question. */
export async function answerRequired(page: Page) {
  for (const group of await page.getByRole("group").all()) {
    if ((await group.getAttribute("data-required")) !== "true") continue;
    const radios = group.getByRole("radio");
    const count = await radios.count();
    if (count === 5) await group.getByRole("radio", { name: "Agree", exact: true }).check();
    if (count === 11) await radios.nth(8).check();
  }
}
