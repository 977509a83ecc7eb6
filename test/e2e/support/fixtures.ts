/**
 * The fixtures every spec uses: a guard that fails the test on any console
 * error or uncaught exception of the page, and `isolatedTest`, whose tests
 * get a server of their own on a fresh copy of the reference dataset.
 */
import { test as base } from "@playwright/test";
import { type IsolatedServer, startIsolatedServer } from "./isolated-server.js";

interface GuardOptions {
  /** Console errors a test expects (e.g. the 4xx of a refused upload), as patterns. */
  consoleErrorsAllowed: RegExp[];
}

interface GuardFixtures {
  consoleErrors: string[];
}

export const test = base.extend<GuardOptions & GuardFixtures>({
  consoleErrorsAllowed: [[], { option: true }],
  consoleErrors: [
    async ({ page, consoleErrorsAllowed }, use, testInfo) => {
      const errors: string[] = [];
      const allowed = (text: string) => consoleErrorsAllowed.some((pattern) => pattern.test(text));
      page.on("console", (message) => {
        if (message.type() === "error" && !allowed(message.text())) {
          errors.push(`${message.text()} (${message.location().url})`);
        }
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      if (testInfo.status === testInfo.expectedStatus && errors.length > 0) {
        throw new Error(`the page logged console errors:\n${errors.join("\n")}`);
      }
    },
    { auto: true },
  ],
});

export const isolatedTest = test.extend<{ server: IsolatedServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  server: async ({}, use) => {
    const server = await startIsolatedServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect } from "@playwright/test";
