/**
 * The dashboard in front of `crm-kpi serve --auth`: it asks for a token, refuses
 * a wrong one, shows the numbers with an admin token, and a read token's write
 * is refused with the server's localized "forbidden" message.
 */
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { writeCustomersWithBadRow } from "./support/bad-csv.js";
import { cliPath, repoRoot } from "./support/e2e-env.js";
import { expect, test } from "./support/fixtures.js";
import { startIsolatedServer } from "./support/isolated-server.js";
import { t } from "./support/views.js";

interface AuthServer {
  readonly url: string;
  readonly admin: string;
  readonly read: string;
  stop(): Promise<void>;
}

/** `crm-kpi tokens create` prints the token alone on stdout. */
function createToken(db: string, role: "admin" | "read"): string {
  const out = execFileSync(process.execPath, [cliPath, "tokens", "create", "--role", role, "--db", db], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const token = out.trim().split("\n").pop()?.trim() ?? "";
  if (token === "") throw new Error(`no ${role} token printed`);
  return token;
}

/** A server of its own with --auth on a copy of the seed database; the tokens are made before it holds the file. */
async function startAuthServer(): Promise<AuthServer> {
  const tokens = { admin: "", read: "" };
  const server = await startIsolatedServer({
    serveArgs: ["--auth"],
    prepare: (db) => {
      tokens.admin = createToken(db, "admin");
      tokens.read = createToken(db, "read");
    },
    // 401 is an answer: the server is up and asks for a token.
    isUp: (status) => status === 401,
  });
  return { ...server, ...tokens };
}

const authTest = test.extend<{ server: AuthServer }>({
  // The browser logs each refused request (401 before signing in, 403 of the read token).
  consoleErrorsAllowed: [/status of 40[13]/],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  server: async ({}, use) => {
    const server = await startAuthServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

async function signIn(page: Page, token: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: t("en", "web.auth.title") });
  await dialog.getByLabel(t("en", "web.auth.token"), { exact: true }).fill(token);
  await dialog.getByRole("button", { name: t("en", "web.auth.submit"), exact: true }).click();
}

authTest("signing in with a token, and a wrong token refused", async ({ page, server }) => {
  await page.goto("/");
  const dialog = page.getByRole("dialog", { name: t("en", "web.auth.title") });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(t("en", "web.auth.token"), { exact: true })).toBeFocused();

  await signIn(page, "not-a-token");
  await expect(dialog.getByRole("alert")).toHaveText(t("en", "web.auth.wrong"));
  await expect(dialog).toBeVisible();

  await signIn(page, server.admin);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("view-overview")).toBeVisible();
  await expect(page.getByTestId("kpi-value-new_customers")).toHaveText(/\d/);
  await expect(page.getByRole("button", { name: t("en", "web.auth.signOut"), exact: true })).toBeVisible();

  // Signing out forgets the token: the dialog asks again.
  await page.getByRole("button", { name: t("en", "web.auth.signOut"), exact: true }).click();
  await expect(dialog).toBeVisible();
});

authTest("a read token may look but not save a goal", async ({ page, server }) => {
  await page.goto("/");
  await signIn(page, server.read);
  await expect(page.getByTestId("view-overview")).toBeVisible();
  await page
    .getByRole("navigation")
    .getByRole("link", { name: t("en", "web.view.goals"), exact: true })
    .click();
  await page.getByRole("button", { name: t("en", "web.goals.add"), exact: true }).click();

  const form = page.getByRole("form", { name: t("en", "web.goals.add") });
  await form
    .getByRole("combobox", { name: t("en", "web.goals.metric"), exact: true })
    .selectOption("new_customers");
  await form.getByRole("textbox", { name: t("en", "web.goals.target"), exact: true }).fill("150");
  await form.getByRole("textbox", { name: t("en", "web.goals.start"), exact: true }).fill("2025-01-01");
  await form.getByRole("textbox", { name: t("en", "web.goals.deadline"), exact: true }).fill("2025-12-31");
  await form.getByRole("button", { name: t("en", "web.goals.save"), exact: true }).click();

  await expect(page.getByRole("alert").filter({ hasText: t("en", "server.error.forbidden") })).toBeVisible();
  await expect(form).toBeVisible();
});

authTest(
  "an admin's import follows the job by polling (EventSource cannot send the token)",
  async ({ page, server }, testInfo) => {
    const file = await writeCustomersWithBadRow(testInfo.outputPath("customers.csv"));
    const eventStreams: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/events")) eventStreams.push(request.url());
    });
    await page.goto("/");
    await signIn(page, server.admin);
    await page
      .getByRole("navigation")
      .getByRole("link", { name: t("en", "web.view.import"), exact: true })
      .click();
    await page.getByLabel(t("en", "web.import.files"), { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: t("en", "web.import.preview"), exact: true }).click();
    await page.getByLabel(t("en", "web.import.skipInvalid"), { exact: true }).check();
    await page.getByRole("button", { name: t("en", "web.import.start"), exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: t("en", "web.import.done") })).toBeVisible();
    // The event stream was never opened: without the header it would have been refused.
    expect(eventStreams).toEqual([]);
  },
);
