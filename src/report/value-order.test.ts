import { describe, expect, it } from "vitest";
import type { MetricValue } from "../core/metrics/definition/metric-value.js";
import { METRICS } from "../core/metrics/registry.js";
import { catalogRanks, sortReportValues } from "./value-order.js";

const v = (metric: string, period: string, segment: MetricValue["segment"]): MetricValue => ({
  metric,
  period,
  segment,
  value: 1,
  numerator: null,
  denominator: null,
});

describe("report value order", () => {
  it("sorts by catalog (siblings after their metric), then period, then total, grouping and key values nulls last", () => {
    const rows = [
      { value: v("sales_cycle_days_median", "2024-01", null), periodIdx: 0, groupingRank: 0 },
      { value: v("sales_cycle_days", "2024-02", { region: "North" }), periodIdx: 1, groupingRank: 1 },
      { value: v("sales_cycle_days", "2024-02", { region: null }), periodIdx: 1, groupingRank: 1 },
      { value: v("sales_cycle_days", "2024-02", { region: "East" }), periodIdx: 1, groupingRank: 1 },
      { value: v("sales_cycle_days", "2024-02", null), periodIdx: 1, groupingRank: 0 },
      { value: v("sales_cycle_days", "2024-01", { region: "Zeta" }), periodIdx: 0, groupingRank: 1 },
      { value: v("mrr", "2024-02", null), periodIdx: 1, groupingRank: 0 },
    ];
    const sorted = sortReportValues(rows, catalogRanks(METRICS)).map(
      (x) => `${x.metric}|${x.period}|${JSON.stringify(x.segment)}`,
    );
    expect(sorted).toEqual([
      "mrr|2024-02|null",
      'sales_cycle_days|2024-01|{"region":"Zeta"}',
      "sales_cycle_days|2024-02|null",
      'sales_cycle_days|2024-02|{"region":"East"}',
      'sales_cycle_days|2024-02|{"region":"North"}',
      'sales_cycle_days|2024-02|{"region":null}',
      "sales_cycle_days_median|2024-01|null",
    ]);
  });

  it("compares by code units, not locale: uppercase before lowercase, the same on every machine", () => {
    const rows = ["b", "B", "ä", "a"].map((r) => ({
      value: v("mrr", "p", { region: r }),
      periodIdx: 0,
      groupingRank: 1,
    }));
    expect(sortReportValues(rows, catalogRanks(METRICS)).map((x) => x.segment?.region)).toEqual([
      "B",
      "a",
      "b",
      "ä",
    ]);
  });
});
