import { describe, expect, it } from "vitest";
import { CALENDARS } from "../core/model/settings.js";
import {
  formatPeriodLabel,
  localizeDigits,
  nextPeriod,
  parsePeriodLabel,
  periodContaining,
} from "./index.js";
import { GRAINS, LANGS, type PeriodOptions } from "./period-types.js";

const gMonth: PeriodOptions = { grain: "month", calendar: "gregorian", timeZone: "UTC" };
const jMonth: PeriodOptions = { grain: "month", calendar: "persian", timeZone: "Asia/Tehran" };

describe("localizeDigits", () => {
  it("writes Persian and Arabic-Indic digits and leaves en and zh alone", () => {
    expect(localizeDigits("1403-01 (x9)", "fa")).toBe("۱۴۰۳-۰۱ (x۹)");
    expect(localizeDigits("2024-03", "ar")).toBe("٢٠٢٤-٠٣");
    expect(localizeDigits("2024-03", "en")).toBe("2024-03");
    expect(localizeDigits("2024年3月", "zh")).toBe("2024年3月");
  });
});

describe("formatPeriodLabel", () => {
  it("names months as people write them", () => {
    const march = parsePeriodLabel("2024-03", gMonth);
    expect(formatPeriodLabel(march, gMonth, "en")).toBe("March 2024");
    expect(formatPeriodLabel(march, gMonth, "zh")).toBe("2024年3月");
    expect(formatPeriodLabel(march, gMonth, "ar")).toBe("مارس ٢٠٢٤");
    expect(formatPeriodLabel(parsePeriodLabel("1403-01", jMonth), jMonth, "fa")).toBe("فروردین ۱۴۰۳");
    expect(formatPeriodLabel(parsePeriodLabel("1403-12", jMonth), jMonth, "fa")).toBe("اسفند ۱۴۰۳");
    const hijri: PeriodOptions = { grain: "month", calendar: "islamic-umalqura", timeZone: "Asia/Riyadh" };
    expect(formatPeriodLabel(parsePeriodLabel("1445-09", hijri), hijri, "ar")).toBe("رمضان ١٤٤٥");
  });

  it("names days, quarters, weeks and fiscal years", () => {
    const day = { ...jMonth, grain: "day" } as const;
    expect(formatPeriodLabel(parsePeriodLabel("1403-01-05", day), day, "fa")).toBe("۵ فروردین ۱۴۰۳");
    const quarter = { ...gMonth, grain: "quarter" } as const;
    expect(formatPeriodLabel(parsePeriodLabel("2024-Q2", quarter), quarter, "en")).toBe("Q2 2024");
    expect(formatPeriodLabel(parsePeriodLabel("2024-Q2", quarter), quarter, "zh")).toBe("2024年第2季度");
    // The week-year, not the calendar year of the first day (2020-12-28).
    const week = { ...gMonth, grain: "week" } as const;
    expect(formatPeriodLabel(periodContaining(Date.UTC(2021, 0, 3), week), week, "en")).toBe("Week 53, 2020");
    const fy = { ...gMonth, grain: "fiscal_year", fiscalYearStartMonth: 4 } as const;
    expect(formatPeriodLabel(periodContaining(Date.UTC(2024, 5, 1), fy), fy, "fa")).toBe("سال مالی ۲۰۲۵");
  });

  it("gives every grain and calendar distinct labels in local digits in every language", () => {
    for (const calendar of CALENDARS) {
      for (const grain of GRAINS) {
        const o: PeriodOptions = { grain, calendar, timeZone: "Asia/Tehran", fiscalYearStartMonth: 7 };
        let p = periodContaining(Date.UTC(2024, 10, 20), o);
        const seen = new Map<string, Set<string>>(LANGS.map((lang) => [lang, new Set()]));
        for (let i = 0; i < 13; i++) {
          for (const lang of LANGS) {
            const text = formatPeriodLabel(p, o, lang);
            expect(text.trim()).not.toBe("");
            if (lang === "fa" || lang === "ar") expect(text).not.toMatch(/[0-9]/);
            seen.get(lang)?.add(text);
          }
          p = nextPeriod(p, o);
        }
        for (const lang of LANGS) expect(seen.get(lang)?.size, `${calendar} ${grain} ${lang}`).toBe(13);
      }
    }
  });
});
