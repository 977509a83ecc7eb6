import { describe, expect, it } from "vitest";
import { isPossiblePhone, normalizePhone, phoneKeys } from "./normalize-phone.js";

describe("normalizePhone", () => {
  it("reads international forms with + and 00", () => {
    expect(normalizePhone("+20 621 904 462", "EG")).toBe("+20621904462");
    expect(normalizePhone("0020-621-904462", "EG")).toBe("+20621904462");
    expect(normalizePhone("00966-359-836784", "SA")).toBe(normalizePhone("+966359836784", "SA"));
  });

  it("reads the US 001- form as +1", () => {
    expect(normalizePhone("001-154-2660942", "US")).toBe("+11542660942");
    expect(normalizePhone("+11542660942", "US")).toBe("+11542660942");
  });

  it("reads national forms with the customer's country and drops the trunk 0", () => {
    expect(normalizePhone("09392694985", "IR")).toBe(normalizePhone("0098-939-2694985", "IR"));
    expect(normalizePhone("0174652559", "GB")).toBe("+44174652559");
    expect(normalizePhone("(650) 716-5948", "US")).toBe("+16507165948");
    expect(normalizePhone("1-650-716-5948", "US")).toBe("+16507165948");
  });

  it("reads Persian digits", () => {
    expect(normalizePhone("۰۹۱۲۳۴۵۶۷۸۹", "IR")).toBe("+989123456789");
    expect(normalizePhone("٠٥٠١٢٣٤٥٦٧", "SA")).toBe("+966501234567");
  });

  it("keeps both readings of an ambiguous 00 national form", () => {
    expect(phoneKeys("0072683342", "GB")).toContain(normalizePhone("+44 072 683 342", "GB"));
    expect(phoneKeys("", "GB")).toEqual([]);
  });

  it("tells possible numbers from impossible ones", () => {
    expect(isPossiblePhone("+1 212 555 0100", "US")).toBe(true);
    expect(isPossiblePhone("12", "US")).toBe(false);
  });
});
