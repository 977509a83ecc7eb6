import { describe, expect, it } from "vitest";
import { escapeHtml, formatChange, formatDate, formatValue, isolate } from "./format.js";

describe("formatValue", () => {
  it("shows a dash for missing values", () => {
    expect(formatValue("en-US", null, "share")).toBe("—");
    expect(formatValue("en-US", Number.NaN)).toBe("—");
  });

  it("formats shares as percent and zero as zero", () => {
    expect(formatValue("en-US", 0.125, "share")).toBe("12.5%");
    expect(formatValue("en-US", 0, "share")).toBe("0%");
  });

  it("uses local digits", () => {
    expect(formatValue("fa-IR", 12, "count")).toBe("۱۲");
    expect(formatValue("ar-EG", 12, "count")).toBe("١٢");
  });

  it("shows money in the dataset currency when known", () => {
    expect(formatValue("en-US", 1234.5, "money", "USD")).toBe("$1,235");
    expect(formatValue("en-US", 12.5, "money")).toBe("12.5");
  });

  it("signs changes", () => {
    expect(formatChange("en-US", 0.1)).toBe("+10%");
    expect(formatChange("en-US", -0.05)).toBe("-5%");
  });
});

describe("text safety", () => {
  it("isolates and escapes", () => {
    expect(isolate("A1")).toBe("\u2068A1\u2069");
    expect(escapeHtml(`<b a="x">&'`)).toBe("&#60;b a=&#34;x&#34;&#62;&#38;&#39;");
  });
});

describe("formatDate", () => {
  it("shows Jalali dates for persian", () => {
    expect(formatDate("fa-IR", "persian", "2025-03-21")).toContain("۱۴۰۴");
    expect(formatDate("en-US", "gregorian", "2024-12-31")).toContain("2024");
    expect(formatDate("en-US", "gregorian", null)).toBe("—");
  });
});
