/**
 * The customers view's predicted CLV (issue 12): the calibration/holdout
 * chart and the CLV histogram load from /api/v1/predict/clv on the
 * reference dataset, with their numbers behind the "Data" button, in
 * English and, right to left, in Persian.
 */
import { expect, test } from "./support/fixtures.js";
import { BROWSER_LOCALE, openView, t } from "./support/views.js";

for (const lang of ["en", "fa"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });

    test("the customers view shows the holdout comparison and the CLV distribution", async ({ page }) => {
      await openView(page, "customers", lang);
      await expect(
        page.getByRole("heading", { name: t(lang, "web.customers.clv.title"), exact: true }),
      ).toBeVisible();

      const holdout = page.getByTestId("clv-holdout");
      const holdoutTitle = t(lang, "web.customers.clv.holdout");
      await expect(holdout.getByRole("img", { name: holdoutTitle })).toBeVisible({ timeout: 60_000 });
      await holdout.getByRole("button", { name: `${t(lang, "web.chart.data")}: ${holdoutTitle}` }).click();
      const bars = holdout.getByRole("table");
      await expect(bars).toContainText(t(lang, "web.customers.clv.actual"));
      await expect(bars).toContainText(t(lang, "web.customers.clv.predicted"));
      // The BTYD groups 0 … 6 and 7+.
      await expect(bars).toContainText(lang === "fa" ? "۷+" : "7+");

      const histogram = page.getByTestId("clv-histogram");
      const histogramTitle = t(lang, "web.customers.clv.histogram");
      await expect(histogram.getByRole("img", { name: histogramTitle })).toBeVisible({ timeout: 60_000 });
      await histogram
        .getByRole("button", { name: `${t(lang, "web.chart.data")}: ${histogramTitle}` })
        .click();
      await expect(histogram.getByRole("table")).toContainText(t(lang, "web.customers.clv.customers"));
      await expect(page.getByRole("alert")).toHaveCount(0);
    });
  });
}
