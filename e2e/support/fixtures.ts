import { test as base, type BrowserContext } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * Every journey runs under the production Content-Security-Policy: a script or style the policy
 * blocks, or a script that throws (a page that failed to hydrate), fails the journey that met it.
 * Contexts a journey opens itself (a respondent's phone, a leader's browser) are watched too.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ context, browser }, use) => {
      const problems: string[] = [];
      const watch = async (watched: BrowserContext) => {
        await watched.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} on ${location.pathname}`);
          });
        });
        watched.on("console", (message) => {
          if (message.type() === "error" && /Content Security Policy|CSP violation/i.test(message.text())) problems.push(message.text());
        });
        watched.on("weberror", (error) => problems.push(`Uncaught on a page: ${error.error().message}`));
      };
      await watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        await watch(created);
        return created;
      };
      try {
        await use(problems);
      } finally {
        browser.newContext = newContext;
      }
      base.expect(problems, "CSP violations or uncaught errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});
