/**
 * Every view in every language on the reference dataset: it opens from the
 * navigation in the browser's language, with no console error, right to left
 * for fa and ar. The same page load takes the screenshots of docs/screenshots
 * and runs axe-core (every view in English, the overview in every language).
 */
import { seriousViolations } from "./support/axe.js";
import { expect, test } from "./support/fixtures.js";
import {
  BROWSER_LOCALE,
  LANGS,
  type Lang,
  openView,
  RTL_LANGS,
  screenshotPath,
  VIEWS,
  type View,
  viewName,
  wantsScreenshot,
} from "./support/views.js";

const wantsAxe = (view: View, lang: Lang): boolean => lang === "en" || view === "overview";

for (const lang of LANGS) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });

    for (const view of VIEWS) {
      test(`${view} loads`, async ({ page }) => {
        await openView(page, view, lang);
        await expect(page.locator("html")).toHaveAttribute("dir", RTL_LANGS.includes(lang) ? "rtl" : "ltr");
        await expect(
          page.getByRole("navigation").getByRole("link", { name: viewName(lang, view), exact: true }),
        ).toHaveAttribute("aria-current", "page");
        await expect(page.getByRole("alert")).toHaveCount(0);
        if (wantsScreenshot(view, lang)) {
          await page.screenshot({ path: screenshotPath(view, lang), animations: "disabled", caret: "hide" });
        }
        if (wantsAxe(view, lang)) {
          await test.step("no serious or critical accessibility violation", async () => {
            expect(await seriousViolations(page)).toEqual([]);
          });
        }
      });
    }
  });
}
