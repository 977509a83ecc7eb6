import { describe, expect, it } from "vitest";
import { NUMERIC_FEATURES } from "./customer-features.js";
import { topContributions } from "./explain-score.js";
import { scorePropensity, type TrainingRow, trainPropensity } from "./propensity-model.js";
import { fitStandardizer, standardizeRow } from "./standardize.js";

describe("fitStandardizer", () => {
  it("centres and scales each column, leaves out missing values and maps them to 0", () => {
    const s = fitStandardizer([
      [1, 5, Number.NaN],
      [3, 5, 4],
    ]);
    expect(s.means).toEqual([2, 5, 4]);
    expect(s.sds).toEqual([1, 1, 1]);
    expect(standardizeRow(s, [4, 5, Number.NaN])).toEqual([2, 0, 0]);
  });
});

describe("topContributions", () => {
  it("ranks features by |coefficient × z|, the earlier first on a tie, and drops zeros", () => {
    expect(topContributions(["a", "b", "c", "d"], [1, -2, 1, 5], [2, 1, -2, 0], 3)).toEqual([
      { feature: "a", contribution: 2 },
      { feature: "b", contribution: -2 },
      { feature: "c", contribution: -2 },
    ]);
  });
});

describe("trainPropensity", () => {
  const row = (mrr: number, plan: string, label: 0 | 1): TrainingRow => ({
    features: {
      numeric: NUMERIC_FEATURES.map((f) => (f === "mrr" ? mrr : 0)),
      categorical: { plan, channel: "", owner: "" },
    },
    label,
  });
  const rows = [
    ...Array.from({ length: 6 }, (_, i) => row(i, "pro", i > 3 ? 1 : 0)),
    ...Array.from({ length: 6 }, (_, i) => row(i, "basic", i > 4 ? 1 : 0)),
    row(1, "rare", 0),
  ];

  it("one-hot encodes levels seen often enough and explains a score by its drivers", () => {
    const model = trainPropensity(rows);
    expect(model.features).toContain("plan=pro");
    expect(model.features).toContain("plan=basic");
    expect(model.features).not.toContain("plan=rare");
    const mrr = model.features.indexOf("mrr");
    expect(model.fit.coefficients[mrr]).toBeGreaterThan(0);
    const high = scorePropensity(model, row(5, "pro", 0).features);
    const low = scorePropensity(model, row(0, "pro", 0).features);
    expect(high.score).toBeGreaterThan(low.score);
    expect(high.drivers[0]?.feature).toBe("mrr");
    expect(high.drivers.length).toBeLessThanOrEqual(3);
  });
});
