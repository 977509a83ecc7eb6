/** Duplicate review: merging a cluster from the Data quality view, then undoing it, restores the dataset. */
import type { APIRequestContext } from "@playwright/test";
import { datasetCounts, getJson } from "./support/api.js";
import { expect, isolatedTest as test } from "./support/fixtures.js";
import { openView, t } from "./support/views.js";

async function mergeCount(request: APIRequestContext): Promise<number> {
  return (await getJson<{ merges: unknown[] }>(request, "/api/v1/dedupe/merges")).merges.length;
}

test("a dedupe merge, then undo", async ({ page, request }) => {
  const before = await datasetCounts(request);
  expect(await mergeCount(request)).toBe(0);
  await openView(page, "quality", "en");

  const cluster = page.getByTestId("duplicate-cluster").first();
  const clusterId = await cluster.getAttribute("aria-label");
  expect(clusterId).toBeTruthy();
  await cluster.getByRole("button", { name: t("en", "web.quality.merge"), exact: true }).click();
  await expect.poll(() => mergeCount(request)).toBe(1);
  // the merged cluster leaves the review
  await expect(page.getByRole("article", { name: clusterId ?? "", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: t("en", "web.quality.undo"), exact: true }).click();
  await expect.poll(() => mergeCount(request)).toBe(0);
  await expect(page.getByRole("article", { name: clusterId ?? "", exact: true })).toHaveCount(1);
  expect(await datasetCounts(request)).toEqual(before);
});
