/**
 * An upload with one bad cell: the preview lists the row error, the import
 * stays disabled, and the dataset's counts are what they were.
 */
import { datasetCounts } from "./support/api.js";
import { BROKEN, writeCustomersWithBadRow } from "./support/bad-csv.js";
import { expect, isolatedTest as test } from "./support/fixtures.js";
import { openView, t } from "./support/views.js";

test("an import with a bad row shows the row error and changes nothing", async ({
  page,
  request,
}, testInfo) => {
  const before = await datasetCounts(request);
  const file = await writeCustomersWithBadRow(testInfo.outputPath("customers.csv"));

  await openView(page, "import", "en");
  await page.getByLabel(t("en", "web.import.files"), { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: t("en", "web.import.preview"), exact: true }).click();

  const errors = page.getByRole("table", { name: t("en", "web.import.rowErrors") });
  await expect(errors).toBeVisible();
  const errorRows = errors.getByRole("row").filter({ hasText: BROKEN.column });
  await expect(errorRows).toHaveCount(1);
  await expect(errorRows).toContainText(String(BROKEN.line));
  await expect(page.getByRole("alert")).toContainText(t("en", "web.import.invalid"));
  await expect(page.getByRole("button", { name: t("en", "web.import.start"), exact: true })).toBeDisabled();

  expect(await datasetCounts(request)).toEqual(before);
});
