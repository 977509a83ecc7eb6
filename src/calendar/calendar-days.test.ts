import { describe, expect, it } from "vitest";
import type { CalendarId } from "../core/model/settings.js";
import {
  addMonths,
  dayOfFields,
  daysInMonth,
  fieldsOfDay,
  isValidDate,
  weekdayOfDay,
} from "./calendar-days.js";

const dayOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

const icuFormats = new Map<string, Intl.DateTimeFormat>();

/** What Node's ICU says the date of a UTC day is in a calendar. */
function icuFields(day: number, calendar: string): { year: number; month: number; day: number } {
  let format = icuFormats.get(calendar);
  if (!format) {
    format = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
      timeZone: "UTC",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    icuFormats.set(calendar, format);
  }
  const parts = format.formatToParts(new Date(day * 86_400_000 + 43_200_000));
  const get = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? "NaN", 10);
  return { year: get("year"), month: get("month"), day: get("day") };
}

describe("Jalali dates", () => {
  it("puts Nowruz on the known Gregorian days", () => {
    expect(dayOfFields(1403, 1, 1, "persian")).toBe(dayOfIso("2024-03-20"));
    expect(dayOfFields(1404, 1, 1, "persian")).toBe(dayOfIso("2025-03-21"));
    expect(fieldsOfDay(dayOfIso("2024-03-19"), "persian")).toEqual({ year: 1402, month: 12, day: 29 });
  });

  it("gives Esfand 30 days in leap 1403 and 29 in 1402", () => {
    expect(daysInMonth(1403, 12, "persian")).toBe(30);
    expect(daysInMonth(1402, 12, "persian")).toBe(29);
    expect(isValidDate(1404, 12, 30, "persian")).toBe(false);
    expect([1, 6, 7, 11].map((m) => daysInMonth(1403, m, "persian"))).toEqual([31, 31, 30, 30]);
  });

  it("agrees with ICU's persian calendar on every month start from 1300 to 1499", () => {
    for (let year = 1300; year < 1500; year++) {
      for (let month = 1; month <= 12; month++) {
        const start = dayOfFields(year, month, 1, "persian");
        expect(icuFields(start, "persian")).toEqual({ year, month, day: 1 });
        const before = icuFields(start - 1, "persian");
        const prev = addMonths(year, month, -1);
        expect(before).toEqual({ ...prev, day: daysInMonth(prev.year, prev.month, "persian") });
      }
    }
  });
});

describe("Umm al-Qura dates", () => {
  it("starts Ramadan 1445 on 2024-03-11", () => {
    expect(dayOfFields(1445, 9, 1, "islamic-umalqura")).toBe(dayOfIso("2024-03-11"));
    expect(fieldsOfDay(dayOfIso("2024-04-10"), "islamic-umalqura")).toEqual({
      year: 1445,
      month: 10,
      day: 1,
    });
  });

  it("agrees with ICU on month starts from 1420 to 1460", () => {
    for (let year = 1420; year <= 1460; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(icuFields(dayOfFields(year, month, 1, "islamic-umalqura"), "islamic-umalqura")).toEqual({
          year,
          month,
          day: 1,
        });
      }
    }
  });
});

describe("day arithmetic", () => {
  it("round-trips days through every calendar", () => {
    const calendars: CalendarId[] = ["gregorian", "persian", "islamic-umalqura"];
    for (const calendar of calendars) {
      for (let day = dayOfIso("1999-12-25"); day < dayOfIso("2000-03-10"); day++) {
        const f = fieldsOfDay(day, calendar);
        expect(dayOfFields(f.year, f.month, f.day, calendar)).toBe(day);
      }
    }
  });

  it("numbers weekdays from Monday", () => {
    expect(weekdayOfDay(dayOfIso("2024-03-18"))).toBe(0);
    expect(weekdayOfDay(dayOfIso("2021-01-03"))).toBe(6);
    expect(weekdayOfDay(dayOfIso("1969-12-31"))).toBe(2);
  });

  it("adds months across years both ways", () => {
    expect(addMonths(2024, 11, 3)).toEqual({ year: 2025, month: 2 });
    expect(addMonths(2024, 1, -1)).toEqual({ year: 2023, month: 12 });
    expect(addMonths(1403, 4, -12)).toEqual({ year: 1402, month: 4 });
  });

  it("keeps Gregorian years below 100 literal", () => {
    expect(fieldsOfDay(dayOfFields(50, 2, 3, "gregorian"), "gregorian")).toEqual({
      year: 50,
      month: 2,
      day: 3,
    });
  });
});
