import { describe, expect, it } from "vitest";
import { csvCell } from "../../cli/format-lists.js";
import { csvField, neutralizeCsvCell } from "./csv-safe.js";

describe("CSV formula injection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Acme", "Acme"],
    ["a=b", "a=b"],
    ["", ""],
  ])("neutralizes %j", (input, expected) => {
    expect(neutralizeCsvCell(input)).toBe(expected);
  });

  it("keeps numbers as numbers and quotes what needs quoting", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("a,b")).toBe('"a,b"');
  });

  it("guards the CLI's CSV exports too", () => {
    expect(csvCell("=2+5")).toBe("'=2+5");
    expect(csvCell(-3)).toBe("-3");
  });
});
