import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CrmKpiError } from "../core/errors.js";
import { CALENDARS, WEEKDAYS } from "../core/model/settings.js";
import {
  grainOfLabel,
  nextPeriod,
  parseCalendarDate,
  parsePeriodLabel,
  periodContaining,
  periodsBetween,
  previousPeriod,
} from "./index.js";
import { GRAINS, type PeriodOptions } from "./period-types.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

const gMonth: PeriodOptions = { grain: "month", calendar: "gregorian", timeZone: "UTC" };
const jMonthTehran: PeriodOptions = { grain: "month", calendar: "persian", timeZone: "Asia/Tehran" };
const jMonthUtc: PeriodOptions = { grain: "month", calendar: "persian", timeZone: "UTC" };
const isoWeek: PeriodOptions = { grain: "week", calendar: "gregorian", timeZone: "UTC" };

function expectCode(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CrmKpiError);
    expect((error as CrmKpiError).code).toBe(code);
    return;
  }
  throw new Error(`expected a CrmKpiError ${code}`);
}

describe("Jalali months", () => {
  it("start at local midnight in Tehran and at UTC midnight in UTC", () => {
    const tehran = parsePeriodLabel("1403-01", jMonthTehran);
    // Tehran is UTC+03:30 (no DST since 2022).
    expect(tehran.startMs).toBe(utc("2024-03-20") - 3.5 * HOUR);
    expect(tehran.endMs).toBe(utc("2024-04-20") - 3.5 * HOUR);
    const inUtc = parsePeriodLabel("1403-01", jMonthUtc);
    expect(inUtc.startMs).toBe(utc("2024-03-20"));
    // 22:00 UTC on 19 March is already 1 Farvardin in Tehran, still Esfand in UTC.
    expect(periodContaining(utc("2024-03-19T22:00:00Z"), jMonthTehran).label).toBe("1403-01");
    expect(periodContaining(utc("2024-03-19T22:00:00Z"), jMonthUtc).label).toBe("1402-12");
  });

  it("gives Esfand its leap-year length", () => {
    const long = parsePeriodLabel("1403-12", jMonthUtc);
    const short = parsePeriodLabel("1402-12", jMonthUtc);
    expect((long.endMs - long.startMs) / DAY).toBe(30);
    expect((short.endMs - short.startMs) / DAY).toBe(29);
    expect(long.endMs).toBe(utc("2025-03-21"));
    expect(previousPeriod(parsePeriodLabel("1404-01", jMonthUtc), jMonthUtc).label).toBe("1403-12");
  });

  it("groups quarters and years of Jalali months", () => {
    const q = parsePeriodLabel("1403-Q1", { ...jMonthUtc, grain: "quarter" });
    expect([q.startMs, q.endMs]).toEqual([utc("2024-03-20"), utc("2024-06-21")]);
    const y = parsePeriodLabel("1403", { ...jMonthUtc, grain: "year" });
    expect((y.endMs - y.startMs) / DAY).toBe(366);
  });
});

describe("Gregorian months, quarters and fiscal years", () => {
  it("lists every month touching a range, both ends included", () => {
    const months = periodsBetween(utc("2024-01-15"), utc("2024-04-01"), gMonth);
    expect(months.map((p) => p.label)).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(periodsBetween(utc("2024-01-15"), utc("2024-03-31T23:59:59Z"), gMonth)).toHaveLength(3);
    expect(periodsBetween(utc("2024-02-10"), utc("2024-02-10"), gMonth).map((p) => p.label)).toEqual([
      "2024-02",
    ]);
  });

  it("rejects a range that ends before it starts", () => {
    expectCode(() => periodsBetween(utc("2024-02-10"), utc("2024-01-10"), gMonth), "bad_argument");
  });

  it("cuts quarters at Jan, Apr, Jul, Oct", () => {
    const quarter = { ...gMonth, grain: "quarter" } as const;
    expect(periodContaining(utc("2024-03-31T23:59:59Z"), quarter).label).toBe("2024-Q1");
    expect(periodContaining(utc("2024-04-01"), quarter).label).toBe("2024-Q2");
    expect(parsePeriodLabel("2024-Q4", quarter).endMs).toBe(utc("2025-01-01"));
  });

  it("names a fiscal year by the year it ends in", () => {
    const fy = { ...gMonth, grain: "fiscal_year", fiscalYearStartMonth: 4 } as const;
    expect(periodContaining(utc("2024-04-01"), fy).label).toBe("FY2025");
    expect(periodContaining(utc("2024-03-31T23:00:00Z"), fy).label).toBe("FY2024");
    const fy2025 = parsePeriodLabel("FY2025", fy);
    expect([fy2025.startMs, fy2025.endMs]).toEqual([utc("2024-04-01"), utc("2025-04-01")]);
    expect(parsePeriodLabel("FY2024", { ...fy, fiscalYearStartMonth: 1 }).startMs).toBe(utc("2024-01-01"));
  });

  it("splits fiscal years into fiscal quarters", () => {
    const fq = { ...gMonth, grain: "fiscal_quarter", fiscalYearStartMonth: 4 } as const;
    expect(periodContaining(utc("2024-05-10"), fq).label).toBe("FY2025-Q1");
    expect(periodContaining(utc("2025-02-10"), fq).label).toBe("FY2025-Q4");
    expect(parsePeriodLabel("FY2025-Q4", fq).startMs).toBe(utc("2025-01-01"));
  });

  it("starts Jalali fiscal years at the chosen Jalali month", () => {
    const fy = { ...jMonthUtc, grain: "fiscal_year", fiscalYearStartMonth: 4 } as const;
    const p = parsePeriodLabel("FY1403", fy);
    expect(periodContaining(p.startMs, { ...jMonthUtc }).label).toBe("1402-04");
    expect(periodContaining(p.endMs - 1, { ...jMonthUtc }).label).toBe("1403-03");
  });

  it("rejects a bad fiscal start month", () => {
    expectCode(
      () => periodContaining(0, { ...gMonth, grain: "fiscal_year", fiscalYearStartMonth: 13 }),
      "bad_argument",
    );
  });
});

describe("daylight saving time", () => {
  const ny: PeriodOptions = { grain: "month", calendar: "gregorian", timeZone: "America/New_York" };

  it("starts New York months at local midnight on both sides of DST", () => {
    const march = parsePeriodLabel("2024-03", ny);
    expect(march.startMs).toBe(utc("2024-03-01T05:00:00Z"));
    expect(march.endMs).toBe(utc("2024-04-01T04:00:00Z"));
    expect(march.endMs - march.startMs).toBe(31 * DAY - HOUR);
    const november = parsePeriodLabel("2024-11", ny);
    expect(november.endMs - november.startMs).toBe(30 * DAY + HOUR);
  });

  it("starts a day whose midnight is skipped at its first instant", () => {
    // Santiago springs forward at 00:00 on 2024-09-08, so that day starts at 01:00 (-03).
    const day = parsePeriodLabel("2024-09-08", {
      grain: "day",
      calendar: "gregorian",
      timeZone: "America/Santiago",
    });
    expect(day.startMs).toBe(utc("2024-09-08T04:00:00Z"));
    expect(day.endMs - day.startMs).toBe(23 * HOUR);
  });
});

describe("weeks", () => {
  it("labels ISO weeks around the new year", () => {
    expect(periodContaining(utc("2021-01-03"), isoWeek).label).toBe("2020-W53");
    expect(periodContaining(utc("2021-01-04"), isoWeek).label).toBe("2021-W01");
    expect(periodContaining(utc("2024-12-30"), isoWeek).label).toBe("2025-W01");
    expect(periodContaining(utc("2024-02-01"), isoWeek).label).toBe("2024-W05");
    expect(parsePeriodLabel("2020-W53", isoWeek).startMs).toBe(utc("2020-12-28"));
  });

  it("rejects a week 53 the year does not have", () => {
    expectCode(() => parsePeriodLabel("2021-W53", isoWeek), "unknown_period");
    expectCode(() => parsePeriodLabel("2021-W00", isoWeek), "unknown_period");
  });

  it("makes week 1 of other week starts the week holding the year's first day", () => {
    const sunday: PeriodOptions = { ...isoWeek, weekStart: "sunday" };
    expect(periodContaining(utc("2024-01-01"), sunday).label).toBe("2024-W01");
    expect(parsePeriodLabel("2024-W01", sunday).startMs).toBe(utc("2023-12-31"));
    expect(periodContaining(utc("2023-12-30"), sunday).label).toBe("2023-W52");
  });

  it("counts Jalali weeks from Saturday in Jalali years", () => {
    const jWeek: PeriodOptions = {
      grain: "week",
      calendar: "persian",
      timeZone: "UTC",
      weekStart: "saturday",
    };
    // 1403-01-01 is Wednesday 2024-03-20; its week starts Saturday 2024-03-16.
    const first = periodContaining(utc("2024-03-20"), jWeek);
    expect(first.label).toBe("1403-W01");
    expect(first.startMs).toBe(utc("2024-03-16"));
    expect(previousPeriod(first, jWeek).label).toMatch(/^1402-W5[23]$/);
  });

  it("refuses ISO weeks that do not start on Monday", () => {
    expectCode(
      () => periodContaining(0, { ...isoWeek, weekStart: "sunday", isoWeeks: true }),
      "bad_argument",
    );
  });
});

describe("labels", () => {
  const cases: Array<[string, PeriodOptions]> = [
    ["2024-03-05", { ...gMonth, grain: "day" }],
    ["1403-12-30", { ...jMonthTehran, grain: "day" }],
    ["2024-W05", isoWeek],
    ["2024-03", gMonth],
    ["1403-01", jMonthTehran],
    ["1445-09", { grain: "month", calendar: "islamic-umalqura", timeZone: "Asia/Riyadh" }],
    ["2024-Q1", { ...gMonth, grain: "quarter" }],
    ["1403-Q4", { ...jMonthTehran, grain: "quarter" }],
    ["2024", { ...gMonth, grain: "year" }],
    ["FY2025", { ...gMonth, grain: "fiscal_year", fiscalYearStartMonth: 4 }],
    ["FY2025-Q2", { ...gMonth, grain: "fiscal_quarter", fiscalYearStartMonth: 7 }],
  ];

  it.each(cases)("round-trips %s through a period", (label, o) => {
    const p = parsePeriodLabel(label, o);
    expect(p.label).toBe(label);
    expect(p.endMs).toBeGreaterThan(p.startMs);
    expect(periodContaining(p.startMs, o)).toEqual(p);
    expect(periodContaining(p.endMs - 1, o).label).toBe(label);
    expect(grainOfLabel(label)).toBe(o.grain);
  });

  it("reads local digits and lower-case letters", () => {
    expect(parsePeriodLabel("۱۴۰۳-۰۱", jMonthTehran).label).toBe("1403-01");
    expect(parsePeriodLabel("٢٠٢٤-q١", { ...gMonth, grain: "quarter" }).label).toBe("2024-Q1");
  });

  it("rejects labels of another grain or of no real period", () => {
    for (const bad of ["2024-13", "2024-00", "2024-Q1", "March 2024", "", "2024-3"]) {
      expectCode(() => parsePeriodLabel(bad, gMonth), "unknown_period");
    }
    expectCode(() => parsePeriodLabel("1404-12-30", { ...jMonthTehran, grain: "day" }), "unknown_period");
    expect(grainOfLabel("hello")).toBeUndefined();
  });

  it("finds the month of 1 Ramadan 1445", () => {
    const o: PeriodOptions = { grain: "month", calendar: "islamic-umalqura", timeZone: "UTC" };
    const ramadan = periodContaining(utc("2024-03-11T12:00:00Z"), o);
    expect(ramadan.label).toBe("1445-09");
    expect(ramadan.startMs).toBe(utc("2024-03-11"));
    expect(ramadan.endMs).toBe(utc("2024-04-10"));
  });
});

describe("parseCalendarDate", () => {
  it("reads a Jalali date as local midnight", () => {
    expect(parseCalendarDate("1404-12-29", "persian", "Asia/Tehran")).toBe(utc("2026-03-20") - 3.5 * HOUR);
    expect(parseCalendarDate("۱۴۰۳-۰۱-۰۱", "persian", "UTC")).toBe(utc("2024-03-20"));
    expect(parseCalendarDate("2024-03-05", "gregorian", "America/New_York")).toBe(
      utc("2024-03-05T05:00:00Z"),
    );
    expect(parseCalendarDate("1445-09-01", "islamic-umalqura", "UTC")).toBe(utc("2024-03-11"));
  });

  it("rejects dates the calendar does not have", () => {
    for (const [text, calendar] of [
      ["1404-12-30", "persian"],
      ["2023-02-29", "gregorian"],
      ["2024/03/05", "gregorian"],
      ["1403-13-01", "persian"],
    ] as const) {
      expectCode(() => parseCalendarDate(text, calendar, "UTC"), "bad_argument");
    }
  });
});

describe("long ranges", () => {
  // Speed is measured by `npm run bench`, never asserted in tests.
  it("lists 36 months and 1,100 days", () => {
    const o: PeriodOptions = { grain: "day", calendar: "persian", timeZone: "Asia/Tehran" };
    // Tehran days 2021-01-01 .. 2024-01-05 inclusive: 3 × 365 + 5.
    const days = periodsBetween(utc("2021-01-01"), utc("2024-01-05"), o);
    const months = periodsBetween(utc("2021-01-01"), utc("2023-12-31"), { ...o, grain: "month" });
    expect(days).toHaveLength(1100);
    // 1399-10 .. 1402-10.
    expect(months).toHaveLength(37);
    expect([months[0]?.label, months.at(-1)?.label]).toEqual(["1399-10", "1402-10"]);
  });
});

// Zones with DST, half-hour offsets, a skipped midnight and a 13:45 offset.
const ZONES = [
  "UTC",
  "Asia/Tehran",
  "America/New_York",
  "America/Santiago",
  "Asia/Kolkata",
  "Pacific/Chatham",
];

const optionsArb: fc.Arbitrary<PeriodOptions> = fc
  .record({
    grain: fc.constantFrom(...GRAINS),
    calendar: fc.constantFrom(...CALENDARS),
    timeZone: fc.constantFrom(...ZONES),
    weekStart: fc.constantFrom(...WEEKDAYS),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  })
  .map((o) => ({ ...o, isoWeeks: o.weekStart === "monday" && o.calendar === "gregorian" }));

const instantArb = fc.integer({ min: utc("1990-01-01"), max: utc("2040-01-01") });

describe("tiling (property)", () => {
  it("puts every instant in exactly one period, between gapless neighbours", () => {
    fc.assert(
      fc.property(instantArb, optionsArb, (t, o) => {
        const p = periodContaining(t, o);
        expect(p.startMs).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(p.endMs);
        const before = previousPeriod(p, o);
        const after = nextPeriod(p, o);
        expect(before.endMs).toBe(p.startMs);
        expect(after.startMs).toBe(p.endMs);
        expect(new Set([before.label, p.label, after.label]).size).toBe(3);
        expect(parsePeriodLabel(p.label, o)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it("lists periods that tile a range without gaps or overlaps", () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 120 * DAY }), optionsArb, (from, length, o) => {
        const to = from + length;
        const periods = periodsBetween(from, to, o);
        expect(periods[0]?.startMs).toBeLessThanOrEqual(from);
        expect(periods.at(-1)?.endMs).toBeGreaterThan(to);
        for (let i = 1; i < periods.length; i++) {
          expect(periods[i]?.startMs).toBe(periods[i - 1]?.endMs);
        }
        const probe = from + Math.floor(length / 3);
        expect(periods.filter((p) => p.startMs <= probe && probe < p.endMs)).toHaveLength(1);
        expect(new Set(periods.map((p) => p.label)).size).toBe(periods.length);
      }),
      { numRuns: 150 },
    );
  });
});
