/** The dashboard's views and languages, and how a spec opens one and waits until it has settled. */
import path from "node:path";
import type { Page } from "@playwright/test";
import { LANGS, type Lang, type MessageKey, t } from "../../../src/messages/index.js";
import { repoRoot } from "./e2e-env.js";
import { expect } from "./fixtures.js";

export { LANGS, type Lang, t };

export const VIEWS = [
  "overview",
  "customers",
  "revenue",
  "sales",
  "service",
  "marketing",
  "goals",
  "quality",
  "import",
] as const;
export type View = (typeof VIEWS)[number];

/** The browser locale that stands for each language (the dashboard follows the browser). */
export const BROWSER_LOCALE: Readonly<Record<Lang, string>> = {
  en: "en-US",
  fa: "fa-IR",
  ar: "ar-SA",
  zh: "zh-CN",
};

export const RTL_LANGS: readonly Lang[] = ["fa", "ar"];

export function viewName(lang: Lang, view: View): string {
  return t(lang, `web.view.${view}` as MessageKey);
}

/** Opens the dashboard and goes to `view` through its navigation link, as a person would. */
export async function openView(page: Page, view: View, lang: Lang): Promise<void> {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  if (view !== "overview") {
    await page
      .getByRole("navigation")
      .getByRole("link", { name: viewName(lang, view), exact: true })
      .click();
  }
  await expect(page.getByTestId(`view-${view}`)).toBeVisible();
  await settle(page, lang);
}

/** Waits until nothing is loading any more and the fonts are in, so that what is seen is final. */
export async function settle(page: Page, lang: Lang): Promise<void> {
  await expect(page.getByText(t(lang, "web.loading"), { exact: true })).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate("document.fonts.ready.then(() => undefined)");
}

export function screenshotPath(view: View, lang: Lang): string {
  return path.join(repoRoot, "docs/screenshots", `${view}-${lang}.png`);
}

/** The screenshots committed under docs/screenshots: every view in en and fa, the overview in ar and zh. */
export function wantsScreenshot(view: View, lang: Lang): boolean {
  return lang === "en" || lang === "fa" || view === "overview";
}
