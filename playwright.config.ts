/**
 * Browser tests of the dashboard (test/e2e/*.spec.ts; vitest runs *.test.ts).
 * Debian's Chromium drives them: nothing downloads a browser. One shared
 * server on a copy of the reference dataset serves the read-only specs; specs
 * that write start their own server on their own copy (support/fixtures.ts).
 */
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./test/e2e/support/chromium.js";
import { sharedDb, sharedPort } from "./test/e2e/support/e2e-env.js";

export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.spec.ts",
  globalTeardown: "./test/e2e/support/global-teardown.ts",
  // .tmp/ is git-ignored: traces of failed tests land there
  outputDir: ".tmp/e2e-results",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${sharedPort}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    timezoneId: "UTC",
    locale: "en-US",
    colorScheme: "light",
    reducedMotion: "reduce",
    trace: "retain-on-failure",
  },
  webServer: {
    command:
      `npx tsx test/e2e/support/prepare-database.ts && ` +
      `node dist/bin/main.js serve --db "${sharedDb}" --port ${sharedPort}`,
    url: `http://127.0.0.1:${sharedPort}/api/v1/dataset`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
