import { describe, expect, it } from "vitest";
import { clvHistogram, holdoutBars } from "./clv-data.js";

describe("clvHistogram", () => {
  it("is empty without values, and skips nulls", () => {
    expect(clvHistogram([])).toEqual([]);
    expect(clvHistogram([null, undefined, Number.NaN])).toEqual([]);
  });

  it("puts one value, or all zeros, in a single open-ended bin", () => {
    expect(clvHistogram([0, 0, null])).toEqual([{ from: 0, to: null, customers: 2 }]);
  });

  it("bins up to the 95th percentile and keeps the tail in an open-ended last bin", () => {
    const values = [...Array.from({ length: 19 }, (_, i) => i), 1000];
    const bins = clvHistogram(values, 3);
    // The 95th percentile of 0…18, 1000 is 18: widths of 6, then ≥ 18.
    expect(bins.map((b) => [b.from, b.to, b.customers])).toEqual([
      [0, 6, 6],
      [6, 12, 6],
      [12, 18, 6],
      [18, null, 2],
    ]);
    expect(bins.reduce((s, b) => s + b.customers, 0)).toBe(values.length);
    expect(values).toHaveLength(20);
  });
});

describe("holdoutBars", () => {
  it("maps groups to categories and the two series, and nothing to nothing", () => {
    expect(holdoutBars(null)).toEqual({ categories: [], actual: [], predicted: [] });
    const groups = [
      { label: "0", customers: 3, actual: 0.5, predicted: 0.4 },
      { label: "7+", customers: 1, actual: 4, predicted: 3.5 },
    ];
    expect(holdoutBars(groups)).toEqual({ categories: ["0", "7+"], actual: [0.5, 4], predicted: [0.4, 3.5] });
  });
});
