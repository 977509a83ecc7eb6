import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { renderMarkdownTable, renderTable } from "./text-table.js";

describe("renderTable", () => {
  it("pads every cell to the column's display width, CJK characters counting double", () => {
    const lines = renderTable(
      [{ header: "名称" }, { header: "Value", align: "right" }],
      [
        ["客户流失率", "12.5%"],
        ["NPS", "40"],
      ],
    );
    const [header, , first, second] = lines;
    // The second column starts at the same display offset on every line.
    const offset = (line: string | undefined, cell: string) =>
      stringWidth((line ?? "").slice(0, (line ?? "").indexOf(cell)));
    expect(offset(first, "12.5%")).toBe(offset(header, "Value"));
    expect(stringWidth(first ?? "")).toBe(stringWidth(second ?? ""));
    expect(second).toBe(`NPS${" ".repeat(10 - 3)}  ${" ".repeat(3)}40`);
  });

  it("mirrors the columns and right-aligns every cell for right-to-left languages", () => {
    const lines = renderTable(
      [{ header: "دوره" }, { header: "مقدار", align: "right" }],
      [
        ["فروردین ۱۴۰۳", "۱۲"],
        ["اردیبهشت ۱۴۰۳", "۳"],
      ],
      "rtl",
    );
    // First column (the period) is the rightmost; its cells end the line.
    expect(lines[2]?.endsWith("فروردین ۱۴۰۳")).toBe(true);
    expect(lines[3]?.endsWith("اردیبهشت ۱۴۰۳")).toBe(true);
    // Right-aligned: every line has the same display width, shorter cells get leading spaces.
    const widths = lines.map((l) => stringWidth(l));
    expect(new Set(widths).size).toBe(1);
    expect(lines[2]?.startsWith("   ۱۲")).toBe(true);
  });

  it("writes Markdown tables with right-aligned number columns", () => {
    const lines = renderMarkdownTable(
      [{ header: "Period" }, { header: "Value", align: "right" }],
      [["2024-01", "a|b"]],
    );
    expect(lines).toEqual(["| Period | Value |", "| --- | ---: |", "| 2024-01 | a\\|b |"]);
  });
});
