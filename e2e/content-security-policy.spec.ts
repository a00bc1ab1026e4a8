import { expect, test } from "./support/fixtures";

/**
 * The production policy is enforced and the app passes it. Every other journey also fails on any
 * violation (support/fixtures.ts): the respondent page with its plain script, the dashboards with
 * recharts and sigma's WebGL canvas, and the rest. Here: the policy is really enforced, the login
 * page hydrates under it, and an inline script without the nonce is blocked.
 */
test("the login page hydrates under an enforced policy that blocks foreign inline scripts", async ({ page, pageProblems }) => {
  const response = await page.goto("/login");
  const policy = response!.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(response!.headers()["content-security-policy-report-only"]).toBeUndefined();

  // Hydrated: a client-side navigation keeps the page's JavaScript state, a reload would not.
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  await page.getByRole("link", { name: "Create an organization" }).click();
  await expect(page.getByRole("heading", { name: "Create your organization" })).toBeVisible();
  expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);

  // The same page with an inline script the server did not write: the browser refuses to run it.
  await page.route("**/login", async (route) => {
    const original = await route.fetch();
    const html = (await original.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response: original, body: html });
  });
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Log in to Earned" })).toBeVisible();
  expect(await page.evaluate(() => "injected" in window)).toBe(false);
  await expect.poll(() => pageProblems.length).toBeGreaterThan(0);
  expect(pageProblems.every((problem) => /script-src/.test(problem))).toBe(true);
  pageProblems.splice(0);
});
