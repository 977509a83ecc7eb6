import type { CalendarId } from "../core/model/settings.js";
import { dayOfFields, fieldsOfDay, localDayOf } from "./calendar-days.js";
import { localizeDigits } from "./localize-digits.js";
import { resolveRules, spanAtDay } from "./period-span.js";
import type { Grain, Lang, Period, PeriodOptions } from "./period-types.js";

/** The numbers a label is built from; `n` is the week or quarter number. */
interface LabelParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly n: number;
  readonly monthName: string;
}

type Template = (p: LabelParts) => string;

// Eras ("AP", "AH") are left out: a dataset has one calendar, and the short
// form reads better in tables and charts.
const TEMPLATES: Record<Lang, Record<Grain, Template>> = {
  en: {
    day: (p) => `${p.monthName} ${p.day}, ${p.year}`,
    week: (p) => `Week ${p.n}, ${p.year}`,
    month: (p) => `${p.monthName} ${p.year}`,
    quarter: (p) => `Q${p.n} ${p.year}`,
    year: (p) => `${p.year}`,
    fiscal_quarter: (p) => `FY${p.year} Q${p.n}`,
    fiscal_year: (p) => `FY${p.year}`,
  },
  fa: {
    day: (p) => `${p.day} ${p.monthName} ${p.year}`,
    week: (p) => `هفتهٔ ${p.n} ${p.year}`,
    month: (p) => `${p.monthName} ${p.year}`,
    quarter: (p) => `فصل ${p.n} ${p.year}`,
    year: (p) => `${p.year}`,
    fiscal_quarter: (p) => `فصل ${p.n} سال مالی ${p.year}`,
    fiscal_year: (p) => `سال مالی ${p.year}`,
  },
  ar: {
    day: (p) => `${p.day} ${p.monthName} ${p.year}`,
    week: (p) => `الأسبوع ${p.n} ${p.year}`,
    month: (p) => `${p.monthName} ${p.year}`,
    quarter: (p) => `الربع ${p.n} ${p.year}`,
    year: (p) => `${p.year}`,
    fiscal_quarter: (p) => `الربع ${p.n} من السنة المالية ${p.year}`,
    fiscal_year: (p) => `السنة المالية ${p.year}`,
  },
  zh: {
    day: (p) => `${p.year}年${p.month}月${p.day}日`,
    week: (p) => `${p.year}年第${p.n}周`,
    month: (p) => `${p.year}年${p.month}月`,
    quarter: (p) => `${p.year}年第${p.n}季度`,
    year: (p) => `${p.year}年`,
    fiscal_quarter: (p) => `${p.year}财年第${p.n}季度`,
    fiscal_year: (p) => `${p.year}财年`,
  },
};

const INTL_CALENDAR: Record<CalendarId, string> = {
  gregorian: "gregory",
  persian: "persian",
  "islamic-umalqura": "islamic-umalqura",
};

const monthNames = new Map<string, string>();

/** The month's name from ICU (`فروردین`, `Ramadan`, `March`). */
function monthNameOf(year: number, month: number, calendar: CalendarId, lang: Lang): string {
  const key = `${lang}|${calendar}|${month}`;
  let name = monthNames.get(key);
  if (name === undefined) {
    const middle = dayOfFields(year, month, 15, calendar);
    const format = new Intl.DateTimeFormat(`${lang}-u-ca-${INTL_CALENDAR[calendar]}`, {
      month: "long",
      timeZone: "UTC",
    });
    name = format.format(new Date(middle * 86_400_000 + 43_200_000));
    monthNames.set(key, name);
  }
  return name;
}

/**
 * A period's label for people, in their language and digits.
 *
 * @example formatPeriodLabel(p, { grain: "month", calendar: "persian", timeZone: "Asia/Tehran" }, "fa") // "فروردین ۱۴۰۳"
 * @example formatPeriodLabel(p, { grain: "month", calendar: "gregorian", timeZone: "UTC" }, "zh") // "2024年3月"
 */
export function formatPeriodLabel(p: Period, o: PeriodOptions, lang: Lang): string {
  const r = resolveRules(o);
  const startDay = localDayOf(p.startMs, r.timeZone);
  const span = spanAtDay(startDay, r);
  const f = fieldsOfDay(startDay, r.calendar);
  // Week-years and fiscal years differ from the start day's year, so the
  // year and the number come from the canonical label.
  const [, labelYear = "0", n = "0"] = /^(?:FY)?(\d+)(?:-[WQ]?(\d+))?/.exec(span.label) ?? [];
  const parts: LabelParts = {
    year: Number(labelYear),
    month: f.month,
    day: f.day,
    n: Number(n),
    monthName: r.grain === "day" || r.grain === "month" ? monthNameOf(f.year, f.month, r.calendar, lang) : "",
  };
  return localizeDigits(TEMPLATES[lang][r.grain](parts), lang);
}
