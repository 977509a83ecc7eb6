import { describe, expect, it } from "vitest";
import { changeTone, latestOf, previousSeriesOf, segmentsOf, seriesOf } from "./report-data.js";
import type { ReportResponse } from "./types.js";

const report: ReportResponse = {
  periods: [
    { label: "2024-01", display: "Jan 2024" },
    { label: "2024-02", display: "Feb 2024" },
    { label: "2024-03", display: "Mar 2024" },
  ],
  values: [
    { metric: "mrr", period: "2024-01", segment: null, value: 100, numerator: null, denominator: null },
    { metric: "mrr", period: "2024-03", segment: null, value: 120, numerator: null, denominator: null },
    {
      metric: "mrr",
      period: "2024-03",
      segment: { region: "EU" },
      value: 20,
      numerator: null,
      denominator: null,
    },
    { metric: "churn", period: "2024-02", segment: null, value: 0, numerator: 0, denominator: 10 },
    { metric: "churn", period: "2024-03", segment: null, value: 0.1, numerator: 1, denominator: 10 },
  ],
  notAvailable: [],
};

describe("report data", () => {
  it("aligns series to periods with gaps", () => {
    expect(seriesOf(report, "mrr")).toEqual([100, null, 120]);
    expect(seriesOf(report, "mrr", { region: "EU" })).toEqual([null, null, 20]);
    expect(seriesOf(report, "unknown")).toEqual([null, null, null]);
  });

  it("lists segments", () => {
    expect(segmentsOf(report, "mrr")).toEqual([{ region: "EU" }]);
  });

  it("gives no change from a zero or missing previous value", () => {
    expect(latestOf(report, "churn")?.change).toBeNull();
    expect(latestOf(report, "mrr")?.change).toBeNull();
    expect(latestOf({ ...report, periods: [] }, "mrr")).toBeUndefined();
  });

  it("prefers compare=previous values", () => {
    const withPrevious: ReportResponse = {
      ...report,
      previous: [
        { metric: "mrr", period: "2024-03", segment: null, value: 100, numerator: null, denominator: null },
      ],
    };
    expect(latestOf(withPrevious, "mrr")?.change).toBeCloseTo(0.2);
    expect(previousSeriesOf(withPrevious, "mrr")).toEqual([null, null, 100]);
    expect(previousSeriesOf(report, "mrr")).toBeUndefined();
  });

  it("colours by direction", () => {
    expect(changeTone(0.1, "up")).toBe("good");
    expect(changeTone(0.1, "down")).toBe("bad");
    expect(changeTone(-0.1, "down")).toBe("good");
    expect(changeTone(null, "up")).toBe("neutral");
    expect(changeTone(0.1, "neutral")).toBe("neutral");
  });
});
