import { describe, expect, it } from "vitest";
import { cartesianOption, funnelOption, heatmapOption } from "./chart-options.js";
import { chartTable } from "./chart-table.js";

const format = (v: number | null) => (v === null ? "" : `${v} €`);

describe("chartTable", () => {
  it("gives one row per period and one column per series, with the indexes of a click", () => {
    const option = cartesianOption({
      categories: ["2024-01", "2024-02"],
      series: [
        { name: "MRR", data: [10, null] },
        { name: "ARR", data: [120, 130], kind: "bar" },
      ],
      rtl: true,
      format,
    });
    const table = chartTable(option);
    expect(table?.columns).toEqual(["MRR", "ARR"]);
    expect(table?.rows.map((r) => r.label)).toEqual(["2024-01", "2024-02"]);
    expect(table?.rows[1]?.cells).toEqual([
      { value: null, text: "–", dataIndex: 1, seriesIndex: 0 },
      { value: 130, text: "130 €", dataIndex: 1, seriesIndex: 1 },
    ]);
  });

  it("reads horizontal bars with the categories on the y axis", () => {
    const option = cartesianOption({
      categories: ["Europe", "Asia"],
      series: [{ name: "Revenue", data: [5, 7], kind: "bar" }],
      rtl: false,
      horizontal: true,
      format,
    });
    expect(chartTable(option)?.rows.map((r) => [r.label, r.cells[0]?.text])).toEqual([
      ["Europe", "5 €"],
      ["Asia", "7 €"],
    ]);
  });

  it("lays a heatmap out as its grid and a funnel as its stages", () => {
    const heat = chartTable(
      heatmapOption({
        xLabels: ["0", "1"],
        yLabels: ["2024-01"],
        cells: [
          [0, 0, 1],
          [1, 0, null],
        ],
        rtl: false,
        format,
      }),
    );
    expect(heat?.columns).toEqual(["0", "1"]);
    expect(heat?.rows[0]?.cells.map((c) => c?.text ?? null)).toEqual(["1 €", null]);
    const funnel = chartTable(funnelOption({ stages: [{ name: "Lead", value: 10 }], rtl: false, format }));
    expect(funnel?.rows[0]?.label).toBe("Lead");
    expect(funnel?.rows[0]?.cells[0]?.value).toBe(10);
  });
});
