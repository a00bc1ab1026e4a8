import { expect, test } from "./support/fixtures";
import { signUp } from "./support/accounts";

declare global {
  interface Window {
    __remixRouter?: { subscribe(listener: (state: { navigation: { state: string }; location: { pathname: string } }) => void): () => void };
  }
}

/**
 * Issue 17: a link on the page being left, clicked after the next page's data has arrived but
 * before React has drawn it, used to be resolved against the next page's route (a relative link
 * went to /o/…/people/people/import: 404). The click is made at exactly that moment here, so the
 * race the CI run lost now and then happens every time.
 */
test("a link clicked while the next page is being drawn still goes where it says", async ({ page }) => {
  const { slug } = await signUp(page, { organization: "Race Co" });
  await page.waitForFunction(() => window.__remixRouter !== undefined);
  await page.evaluate(() => {
    const link = [...document.querySelectorAll("a")].find((anchor) => anchor.textContent?.trim() === "Import roster");
    if (!link) throw new Error("The overview shows no “Import roster” link.");
    const unsubscribe = window.__remixRouter!.subscribe((state) => {
      if (state.navigation.state !== "idle" || !state.location.pathname.endsWith("/people")) return;
      unsubscribe();
      // Still the overview's link, in the overview's DOM: React has not committed the People page yet.
      queueMicrotask(() => link.click());
    });
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "Import roster" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/people/import$`));
});
