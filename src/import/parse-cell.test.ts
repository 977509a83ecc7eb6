import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  multiplyDecimal,
  normalizeDigits,
  type ParsedDecimal,
  type ParsedTime,
  parseDate,
  parseDecimal,
  parseInteger,
  parseNumber,
  parseTimestamp,
  toScaled,
} from "./parse-cell.js";

const iso = (text: string, zone = "UTC") => {
  const out: ParsedTime = { micros: 0, localDay: 0, utcText: null };
  const reason = parseTimestamp(text, zone, out);
  return reason === null ? new Date(out.micros / 1000).toISOString() : null;
};

describe("parseTimestamp", () => {
  it("reads offsets and Z as instants", () => {
    expect(iso("2024-03-05T14:30:00+03:30")).toBe("2024-03-05T11:00:00.000Z");
    expect(iso("2024-03-05T14:30:00Z")).toBe("2024-03-05T14:30:00.000Z");
    expect(iso("2024-03-05T14:30:00-0500")).toBe("2024-03-05T19:30:00.000Z");
    expect(iso("2024-03-05 14:30:00.25")).toBe("2024-03-05T14:30:00.250Z");
  });

  it("reads a time without offset as wall clock in the dataset zone", () => {
    expect(iso("2024-03-05T14:30:00", "Asia/Tehran")).toBe("2024-03-05T11:00:00.000Z");
    expect(iso("2024-03-05", "Asia/Tehran")).toBe("2024-03-04T20:30:00.000Z");
  });

  it("moves a time in a DST gap forward", () => {
    // 02:30 does not exist in New York on 2024-03-10; it becomes 03:30 EDT
    expect(iso("2024-03-10T02:30:00", "America/New_York")).toBe("2024-03-10T07:30:00.000Z");
  });

  it("keeps microseconds", () => {
    const out: ParsedTime = { micros: 0, localDay: 0, utcText: null };
    expect(parseTimestamp("2024-01-01T00:00:00.123456Z", "UTC", out)).toBeNull();
    expect(out.micros % 1_000_000).toBe(123456);
  });

  it("gives the local day of an instant in the dataset zone", () => {
    const out: ParsedTime = { micros: 0, localDay: 0, utcText: null };
    parseTimestamp("2024-03-05T22:00:00Z", "Asia/Tehran", out);
    expect(new Date(out.localDay * 86_400_000).toISOString().slice(0, 10)).toBe("2024-03-06");
  });

  it("reads Persian and Arabic-Indic digits", () => {
    expect(iso("۲۰۲۴-۰۳-۰۵T۱۴:۳۰:۰۰Z")).toBe("2024-03-05T14:30:00.000Z");
    expect(iso("٢٠٢٤-٠٣-٠٥")).toBe("2024-03-05T00:00:00.000Z");
  });

  it.each([
    "2024-02-30",
    "2024-13-01",
    "2024/03/05",
    "yesterday",
    "2024-08-1",
    "31/12/2024",
    "2024-03-05T25:00:00",
  ])("rejects %s", (text) => {
    expect(iso(text)).toBeNull();
  });
});

describe("numbers", () => {
  const dec = (text: string) => {
    const out: ParsedDecimal = { text: "", intDigits: 0, fracDigits: 0 };
    return parseDecimal(text, out) === null ? out : null;
  };

  it("keeps exact decimal text", () => {
    expect(dec("0012.50")).toEqual({ text: "12.50", intDigits: 2, fracDigits: 2 });
    expect(dec("-.5")?.text).toBe("-0.5");
    expect(dec("۱۲.۵")?.text).toBe("12.5");
  });

  it.each(["12,50", "1,234.50", "abc", "n/a", "", ".", "1e5"])("rejects %s", (text) => {
    expect(dec(text)).toBeNull();
  });

  it("reads integers and digits", () => {
    expect(parseInteger("١٩٨٥")).toBe(1985);
    expect(parseInteger("nineteen-eighty")).toBeNaN();
    expect(normalizeDigits("abc")).toBe("abc");
  });

  it("reads dates strictly", () => {
    const out: ParsedTime = { micros: 0, localDay: 0, utcText: null };
    expect(parseDate("2024-02-29", out)).toBe("2024-02-29");
    expect(parseDate("2023-02-29", out)).toBeNull();
  });
});

describe("multiplyDecimal", () => {
  it("multiplies exactly", () => {
    expect(multiplyDecimal("12.50", toScaled("1.057443"), 12)).toBe("13.21803750");
    expect(multiplyDecimal("0.1", toScaled("0.2"), 12)).toBe("0.02");
    expect(multiplyDecimal("-70.56", toScaled("1.1"), 12)).toBe("-77.616");
    expect(multiplyDecimal("123456789012345678.99", toScaled("3"), 12)).toBe("370370367037037036.97");
  });

  it("rounds half away from zero beyond the storage scale", () => {
    expect(multiplyDecimal("1.0000005", toScaled("0.000001"), 12)).toBe("0.000001000001");
    expect(multiplyDecimal("-1.0000005", toScaled("0.000001"), 12)).toBe("-0.000001000001");
  });
});

/** Persian digits take the full (regex) path; ASCII ones may take the fast path. */
const persian = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

describe("fast paths", () => {
  const digits = (min: number, max: number) =>
    fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) => d.join(""));

  it("read decimals as the full path does", () => {
    const shape = fc
      .tuple(fc.constantFrom("", "-", "+"), digits(0, 26), fc.constantFrom("", "."), digits(0, 4))
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(shape, (text) => {
        const fast: ParsedDecimal = { text: "", intDigits: 0, fracDigits: 0 };
        const full: ParsedDecimal = { text: "", intDigits: 0, fracDigits: 0 };
        expect(parseDecimal(text, fast)).toBe(parseDecimal(persian(text), full));
        expect(fast).toEqual(full);
      }),
      { numRuns: 2000 },
    );
  });

  it("read plain ISO timestamps as the full path does, in any zone", () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
    const shape = fc
      .tuple(digits(4, 4), two(13), two(32), fc.constantFrom("T", " "), two(25), two(61), two(61))
      .map(([y, mo, d, sep, h, mi, s]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}`);
    fc.assert(
      fc.property(shape, fc.constantFrom("UTC", "Asia/Tehran", "America/New_York"), (text, zone) => {
        const fast: ParsedTime = { micros: 0, localDay: 0, utcText: null };
        const full: ParsedTime = { micros: 0, localDay: 0, utcText: null };
        expect(parseTimestamp(text, zone, fast)).toBe(parseTimestamp(persian(text), zone, full));
        expect([fast.micros, fast.localDay]).toEqual([full.micros, full.localDay]);
        expect(fast.utcText).toBe(full.utcText === null ? null : text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("Arabic separators", () => {
  const out: ParsedDecimal = { text: "", intDigits: 0, fracDigits: 0 };
  const dec = (text: string) => (parseDecimal(text, out) === null ? out.text : null);

  it("reads the Arabic decimal separator (U+066B) with Persian or Arabic-Indic digits", () => {
    expect(dec("۱۲۳٫۵")).toBe("123.5");
    expect(dec("١٢٣٫٥")).toBe("123.5");
    expect(parseNumber("۱۲۳٫۵")).toBe(123.5);
  });

  it("reads the Arabic thousands separator (U+066C) between groups of three", () => {
    expect(dec("۱٬۲۳۴")).toBe("1234");
    expect(dec("-١٬٢٣٤٬٥٦٧٫٨٩")).toBe("-1234567.89");
    expect(parseInteger("۱٬۲۳۴")).toBe(1234);
    expect(parseNumber("1٬234")).toBe(1234);
  });

  it("refuses separators in the wrong places", () => {
    expect(dec("۱٬۲۳")).toBeNull();
    expect(dec("۱٫۲٫۳")).toBeNull();
    expect(Number.isNaN(parseInteger("۱٫۵"))).toBe(true);
  });
});
