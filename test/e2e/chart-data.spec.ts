/**
 * Charts without a mouse: a chart's "Data" button shows its numbers as a table,
 * and each value is a button that opens the same drill-down as a click on the point.
 */
import { expect, test } from "./support/fixtures.js";
import { BROWSER_LOCALE, openView, settle, t } from "./support/views.js";

test("the MRR chart's data table opens a drill-down from the keyboard", async ({ page }) => {
  await openView(page, "overview", "en");
  const mrr = t("en", "metric.mrr.name");
  const toggle = page.getByRole("button", { name: `${t("en", "web.chart.data")}: ${mrr}`, exact: true });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");

  const table = page.getByRole("table", { name: t("en", "web.chart.dataOf", { name: mrr }) });
  await expect(table).toBeVisible();
  const value = table.getByRole("row").last().getByRole("button").first();
  await value.focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/drill=mrr/);
  await expect(dialog.getByTestId("drill-value")).toHaveText(/\d/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Focus comes back to the value that opened it.
  await expect(value).toBeFocused();
});

test.describe("in Persian", () => {
  test.use({ locale: BROWSER_LOCALE.fa });

  test("a view breaks down by churn propensity decile, each decile named in Persian digits", async ({
    page,
  }) => {
    await openView(page, "customers", "fa");
    await page
      .getByRole("checkbox", { name: t("fa", "web.dim.churn_propensity_decile"), exact: true })
      .check();
    await expect(page).toHaveURL(/by=churn_propensity_decile/);
    await settle(page, "fa");
    const churn = t("fa", "metric.customer_churn_rate.name");
    await page.getByRole("button", { name: `${t("fa", "web.chart.data")}: ${churn}`, exact: true }).click();
    const table = page.getByRole("table", { name: t("fa", "web.chart.dataOf", { name: churn }) });
    for (const n of ["۱", "۱۰"]) {
      await expect(
        table.getByRole("columnheader", { name: t("fa", "web.decile", { n }), exact: true }),
      ).toBeVisible();
    }
  });
});
