import { expect, test } from "./support/fixtures";
import { logIn, logOut, signUp, uniqueEmail } from "./support/accounts";

test("an admin signs up, lands in the new organization, logs out and back in", async ({ page }) => {
  const { email, slug } = await signUp(page, { organization: "Northwind Traders" });
  await expect(page.getByRole("heading", { name: "Welcome, Olivia" })).toBeVisible();
  await expect(page.getByText("Northwind Traders").first()).toBeVisible();
  expect(slug).toMatch(/^northwind-traders/);

  await logOut(page);
  await page.goto(`/o/${slug}`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);

  await logIn(page, email, "not the password");
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");
  await logIn(page, "nobody-here@example.com", "not the password");
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");

  // A member of exactly one organization lands in it.
  await logIn(page, email);
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole("heading", { name: "Welcome, Olivia" })).toBeVisible();
});

test("sign-up explains bad input beside each field and keeps what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Sam");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription("Enter an email address like name@example.com.");
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("Enter your organization's name (at least 2 characters).")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Sam");

  const { email } = await signUp(page, { email: uniqueEmail() });
  await logOut(page);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Work email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("another long password");
  await page.getByLabel("Organization name").fill("Copycat Inc");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("An account with this email already exists. Log in instead.")).toBeVisible();
});
