import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METRIC_CATALOG_PATH, renderMetricCatalog } from "../../scripts/metric-catalog-doc.js";

describe("docs", () => {
  it("docs/metrics.md matches the registry (run `npm run docs` after changing a metric)", () => {
    expect(readFileSync(METRIC_CATALOG_PATH, "utf8")).toBe(renderMetricCatalog());
  });
});
