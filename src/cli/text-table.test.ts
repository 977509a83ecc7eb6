import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { FSI, PDI, RLM } from "./bidi-visual.js";
import { bidiModeOf, renderMarkdownTable, renderTable, withBidiMode } from "./text-table.js";

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

  it("writes right-to-left tables in logical order with RLM and an isolate per cell", () => {
    const lines = renderTable(
      [{ header: "دوره" }, { header: "مقدار", align: "right" }],
      [
        ["فروردین ۱۴۰۳", "۱۲"],
        ["اردیبهشت ۱۴۰۳", "۳"],
      ],
      "rtl",
    );
    // Logical order: the first column comes first; a bidi terminal shows it rightmost.
    expect(lines[2]).toBe(`${RLM}${FSI}فروردین ۱۴۰۳${PDI}${" ".repeat(1)}  ${FSI}۱۲${PDI}${" ".repeat(3)}`);
    // Trailing padding is kept: every line has the same display width.
    expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
  });

  it("reorders right-to-left tables for terminals without bidi in visual mode", () => {
    const lines = withBidiMode("visual", () =>
      renderTable([{ header: "دوره" }, { header: "مقدار", align: "right" }], [["فروردین ۱۴۰۳", "۱۲"]], "rtl"),
    );
    // Left to right as printed: the value column, then the period, letters reversed, digits not.
    expect(lines[2]).toBe(`   ۱۲  ۱۴۰۳ نیدرورف`);
    expect(lines.join("")).not.toMatch(/[\u200e\u200f\u2066-\u2069]/);
    expect(bidiModeOf(["report", "--bidi", "visual"])).toBe("visual");
    expect(bidiModeOf(["report", "--bidi=logical"])).toBe("logical");
  });

  it("writes Markdown tables with right-aligned number columns", () => {
    const lines = renderMarkdownTable(
      [{ header: "Period" }, { header: "Value", align: "right" }],
      [["2024-01", "a|b"]],
    );
    expect(lines).toEqual(["| Period | Value |", "| --- | ---: |", "| 2024-01 | a\\|b |"]);
  });
});
