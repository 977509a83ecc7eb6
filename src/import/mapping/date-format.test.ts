import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDateFormat, toGregorian } from "./date-format.js";

describe("date formats", () => {
  it("reads day-first, month-first and ISO-like patterns into canonical ISO text", () => {
    expect(compileDateFormat("dd/MM/yyyy").parse("05/03/2024")).toBe("2024-03-05");
    expect(compileDateFormat("dd/MM/yyyy").parse("5/3/2024")).toBe("2024-03-05");
    expect(compileDateFormat("M/d/yyyy H:mm").parse("3/5/2024 9:07")).toBe("2024-03-05T09:07:00");
    expect(compileDateFormat("yyyy-MM-dd HH:mm:ss").parse("2018-02-26 19:58:54")).toBe("2018-02-26T19:58:54");
    expect(compileDateFormat("dd.MM.yy").parse("31.12.99")).toBe("1999-12-31");
    expect(compileDateFormat("d MMM yyyy").parse("7 Sep 2023")).toBe("2023-09-07");
    expect(compileDateFormat("MM/dd/yyyy hh:mm a").parse("01/02/2024 12:15 AM")).toBe("2024-01-02T00:15:00");
    expect(compileDateFormat("MM/dd/yyyy hh:mm a").parse("01/02/2024 01:15 pm")).toBe("2024-01-02T13:15:00");
    expect(compileDateFormat("yyyyMMdd'T'HHmm").parse("20240102T0930")).toBe("2024-01-02T09:30:00");
  });

  it("returns nothing for values that do not match or are no real date", () => {
    const f = compileDateFormat("dd/MM/yyyy");
    expect(f.parse("2024-03-05")).toBeUndefined();
    expect(f.parse("31/02/2024")).toBeUndefined();
    expect(f.parse("29/02/2023")).toBeUndefined();
    expect(f.parse("29/02/2024")).toBe("2024-02-29");
    expect(compileDateFormat("yyyy-MM-dd HH:mm").parse("2024-01-01 24:00")).toBeUndefined();
  });

  it("converts Jalali (persian) dates, also written in Persian digits", () => {
    const jalali = compileDateFormat("yyyy/MM/dd", "persian");
    expect(jalali.parse("1403/01/15")).toBe("2024-04-03");
    expect(jalali.parse("۱۴۰۳/۰۱/۰۱")).toBe("2024-03-20");
    // 1403 is a leap year in the Jalali calendar, 1402 is not.
    expect(jalali.parse("1403/12/30")).toBe("2025-03-20");
    expect(jalali.parse("1402/12/30")).toBeUndefined();
    expect(compileDateFormat("yyyy/MM/dd HH:mm", "persian").parse("1403/01/15 08:30")).toBe(
      "2024-04-03T08:30:00",
    );
  });

  it("agrees with Intl's persian and islamic-umalqura calendars on any day", () => {
    const days = fc.integer({
      min: Date.UTC(1990, 0, 1) / 86_400_000,
      max: Date.UTC(2060, 0, 1) / 86_400_000,
    });
    for (const calendar of ["persian", "islamic-umalqura"] as const) {
      const parts = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
        timeZone: "UTC",
        year: "numeric",
        month: "numeric",
        day: "numeric",
      });
      fc.assert(
        fc.property(days, (day) => {
          const date = new Date(day * 86_400_000);
          const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
          const year = Number.parseInt(String(p.year ?? p.relatedYear), 10);
          const iso = date.toISOString().slice(0, 10);
          expect(toGregorian(year, Number(p.month), Number(p.day), calendar)).toBe(iso);
        }),
        { numRuns: 300 },
      );
    }
  });

  it("rejects unusable patterns with a hint", () => {
    expect(() => compileDateFormat("dd/MM")).toThrow(/needs a year/);
    expect(() => compileDateFormat("dd/MM/yyyy Q")).toThrow(/unknown letter "Q"/);
    expect(() => compileDateFormat("dd/MM/yyyy hh:mm")).toThrow(/hh together with a/);
  });
});

describe("date formats of CRM exports", () => {
  it("reads Freshdesk and Salesforce report day-first times", () => {
    const freshdesk = compileDateFormat("dd/MM/yyyy H:mm");
    expect(freshdesk.parse("14/02/2025 9:05")).toBe("2025-02-14T09:05:00");
    expect(freshdesk.parse("14/02/2025 17:45")).toBe("2025-02-14T17:45:00");
    expect(compileDateFormat("dd/MM/yyyy, HH:mm").parse("14/02/2025, 17:45")).toBe("2025-02-14T17:45:00");
  });

  it("keeps the instant of an offset or a zone name", () => {
    expect(compileDateFormat("yyyy-MM-dd'T'HH:mm:ssXXX").parse("2025-02-14T10:22:31-05:00")).toBe(
      "2025-02-14T10:22:31-05:00",
    );
    expect(compileDateFormat("yyyy-MM-dd HH:mm:ssX").parse("2025-02-14 10:22:31+0530")).toBe(
      "2025-02-14T10:22:31+05:30",
    );
    expect(compileDateFormat("yyyy-MM-dd'T'HH:mm:ssXXX").parse("2025-02-14T10:22:31Z")).toBe(
      "2025-02-14T10:22:31Z",
    );
    expect(compileDateFormat("yyyy-MM-dd HH:mm:ss z").parse("2025-02-14 15:24:31 UTC")).toBe(
      "2025-02-14T15:24:31Z",
    );
    expect(compileDateFormat("yyyy-MM-dd HH:mm:ss z").parse("2025-02-14 15:24:31 PST")).toBeUndefined();
  });

  it("places a wall-clock time in a given zone", () => {
    expect(compileDateFormat("yyyy-MM-dd HH:mm:ss", "gregorian", "UTC").parse("2024-06-07 02:38:54")).toBe(
      "2024-06-07T02:38:54Z",
    );
    expect(
      compileDateFormat("yyyy-MM-dd HH:mm", "gregorian", "America/New_York").parse("2024-07-01 09:00"),
    ).toBe("2024-07-01T09:00:00-04:00");
    expect(() => compileDateFormat("yyyy-MM-dd", "gregorian", "UTC")).toThrow(/zone applies/);
    expect(() => compileDateFormat("yyyy-MM-dd HH:mm", "gregorian", "Mars/Base")).toThrow(
      /unknown time zone/,
    );
    expect(() => compileDateFormat("yyyy-MM-dd XXX")).toThrow(/needs a time/);
  });
});
