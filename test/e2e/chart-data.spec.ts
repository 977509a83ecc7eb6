/**
 * Charts without a mouse: a chart's "Data" button shows its numbers as a table,
 * and each value is a button that opens the same drill-down as a click on the point.
 */
import { expect, test } from "./support/fixtures.js";
import { openView, t } from "./support/views.js";

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
