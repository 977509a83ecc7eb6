import { describe, expect, it } from "vitest";
import { cartesianOption, funnelOption, heatmapOption } from "./chart-options.js";

const format = (v: number | null) => (v === null ? "—" : String(v));

describe("cartesianOption", () => {
  it("handles no categories and no series", () => {
    const option = cartesianOption({ categories: [], series: [], rtl: false, format });
    expect(option.series).toEqual([]);
    expect((option.xAxis as { data: string[] }).data).toEqual([]);
  });

  it("turns missing and non-finite values into gaps and keeps zeros", () => {
    const option = cartesianOption({
      categories: ["a", "b", "c", "d"],
      series: [{ name: "s", data: [0, null, Number.NaN] }],
      rtl: false,
      format,
    });
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([0, null, null, null]);
  });

  it("mirrors the axes for right-to-left languages", () => {
    const option = cartesianOption({
      categories: ["x"],
      series: [{ name: "s", data: [1] }],
      rtl: true,
      format,
    });
    expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
    expect((option.yAxis as { position: string }).position).toBe("right");
    const ltr = cartesianOption({
      categories: ["x"],
      series: [{ name: "s", data: [1] }],
      rtl: false,
      format,
    });
    expect((ltr.xAxis as { inverse: boolean }).inverse).toBe(false);
  });

  it("isolates data labels and escapes tooltip text", () => {
    const option = cartesianOption({
      categories: ["2024-01"],
      series: [{ name: "<img>", data: [5] }],
      rtl: false,
      format,
    });
    expect((option.xAxis as { data: string[] }).data[0]).toBe("\u20682024-01\u2069");
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ axisValueLabel: "2024-01", seriesName: "<img>", value: 5 }]);
    expect(html).not.toContain("<img>");
    expect(html).toContain("&#60;img&#62;");
  });

  it("draws the goal as a mark line on the first series", () => {
    const option = cartesianOption({
      categories: ["a"],
      series: [{ name: "s", data: [1] }],
      rtl: false,
      format,
      goal: { value: 0.05, label: "Goal" },
    });
    const markLine = (option.series as { markLine?: { data: unknown[] } }[])[0]?.markLine;
    expect(markLine?.data).toEqual([{ yAxis: 0.05 }]);
  });
});

describe("heatmapOption", () => {
  it("drops null cells and survives an empty grid", () => {
    const empty = heatmapOption({ xLabels: [], yLabels: [], cells: [], rtl: false, format });
    expect((empty.visualMap as { max: number }).max).toBe(1);
    const option = heatmapOption({
      xLabels: ["0", "1"],
      yLabels: ["c"],
      cells: [
        [0, 0, 1],
        [1, 0, null],
      ],
      rtl: true,
      format,
    });
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([[0, 0, 1]]);
    expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
  });
});

describe("funnelOption", () => {
  it("reads a missing stage value as zero", () => {
    const option = funnelOption({ stages: [{ name: "lead", value: null }], rtl: false, format });
    expect((option.series as { data: { value: number }[] }[])[0]?.data[0]?.value).toBe(0);
  });
});
