import { describe, expect, it } from "vitest";
import { normalizeNumber } from "./number-format.js";

describe("number formats", () => {
  it("reads thousands separators and decimal commas", () => {
    expect(normalizeNumber("1,234,567.89", { decimal: ".", thousands: "," })).toBe("1234567.89");
    expect(normalizeNumber("1.234,5", { decimal: ",", thousands: "." })).toBe("1234.5");
    expect(normalizeNumber("1 234,50", { decimal: ",", thousands: " " })).toBe("1234.50");
    expect(normalizeNumber("1'234.5", { decimal: ".", thousands: "'" })).toBe("1234.5");
    expect(normalizeNumber("12,5", { decimal: ",", thousands: "" })).toBe("12.5");
  });

  it("reads signs, accounting negatives, currency symbols and Persian digits", () => {
    expect(normalizeNumber("-1,000", { decimal: ".", thousands: "," })).toBe("-1000");
    expect(normalizeNumber("(1,000.50)", { decimal: ".", thousands: "," })).toBe("-1000.50");
    expect(normalizeNumber("$ 1,000", { decimal: ".", thousands: "," })).toBe("1000");
    expect(normalizeNumber("۱٬۲۳۴٫۵", { decimal: ".", thousands: "," })).toBe("1234.5");
  });

  it("returns nothing for text that is not a number in that format", () => {
    expect(normalizeNumber("abc", { decimal: ".", thousands: "," })).toBeUndefined();
    expect(normalizeNumber("1.2.3", { decimal: ".", thousands: "" })).toBeUndefined();
    expect(normalizeNumber("1,5", { decimal: ".", thousands: "" })).toBeUndefined();
  });
});

describe("spreadsheet and CRM quirks", () => {
  const us = { decimal: ".", thousands: "," } as const;
  it("reads a leading apostrophe (text-stored numbers) and Pipedrive's quoted dollars", () => {
    expect(normalizeNumber("'-5", { decimal: ".", thousands: "" })).toBe("-5");
    expect(normalizeNumber("'0042", us)).toBe("0042");
    expect(normalizeNumber("$3,000", us)).toBe("3000");
    expect(normalizeNumber("-$1,250.50", us)).toBe("-1250.50");
    expect(normalizeNumber("'abc", us)).toBeUndefined();
  });

  it("reads 2.0 as 2 for a whole-number target only", () => {
    expect(normalizeNumber("2.0", { ...us, integer: true })).toBe("2");
    expect(normalizeNumber("2.00", { ...us, integer: true })).toBe("2");
    expect(normalizeNumber("2.5", { ...us, integer: true })).toBe("2.5");
    expect(normalizeNumber("2.0", us)).toBe("2.0");
  });
});
