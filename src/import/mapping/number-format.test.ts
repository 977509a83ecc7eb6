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
