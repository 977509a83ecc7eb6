import { assertUnreachable, CrmKpiError } from "../core/errors.js";
import { type CalendarId, WEEKDAYS } from "../core/model/settings.js";
import {
  addMonths,
  dayOfFields,
  fieldsOfDay,
  isValidDate,
  type LocalDay,
  pad2,
  weekdayOfDay,
} from "./calendar-days.js";
import type { Grain, PeriodOptions } from "./period-types.js";

/** A period as local day numbers `[startDay, endDay)` plus its label. */
export interface Span {
  readonly startDay: LocalDay;
  readonly endDay: LocalDay;
  readonly label: string;
}

/** Options with defaults applied and checked once. */
export interface Rules {
  readonly grain: Grain;
  readonly calendar: CalendarId;
  readonly timeZone: string;
  /** 0 = Monday .. 6 = Sunday. */
  readonly weekStart: number;
  /** Calendar the week-year is counted in: Gregorian for ISO weeks. */
  readonly weekCalendar: CalendarId;
  /** Days of a week that must fall in a year for the week to count as that year's (ISO 4, ours 1). */
  readonly minDaysInFirstWeek: number;
  readonly fiscalStart: number;
  /** Stable cache key of the options that shape periods. */
  readonly key: string;
}

export function resolveRules(o: PeriodOptions): Rules {
  const weekStartName = o.weekStart ?? "monday";
  const weekStart = WEEKDAYS.indexOf(weekStartName);
  if (weekStart < 0) {
    throw new CrmKpiError(
      "bad_argument",
      `Unknown week start "${weekStartName}"; use one of ${WEEKDAYS.join(", ")}.`,
      {
        value: weekStartName,
      },
    );
  }
  const iso = o.isoWeeks ?? (o.calendar === "gregorian" && weekStart === 0);
  if (iso && weekStart !== 0) {
    throw new CrmKpiError(
      "bad_argument",
      `ISO weeks start on Monday, but the week start is ${weekStartName}; set week_start to monday or turn ISO weeks off.`,
      { value: weekStartName },
    );
  }
  const fiscalStart = o.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(fiscalStart) || fiscalStart < 1 || fiscalStart > 12) {
    throw new CrmKpiError(
      "bad_argument",
      `The fiscal year start month must be a whole number from 1 to 12, not ${fiscalStart}.`,
      { value: String(fiscalStart) },
    );
  }
  return {
    grain: o.grain,
    calendar: o.calendar,
    timeZone: o.timeZone,
    weekStart,
    weekCalendar: iso ? "gregorian" : o.calendar,
    minDaysInFirstWeek: iso ? 4 : 1,
    fiscalStart,
    key: `${o.grain}|${o.calendar}|${o.timeZone}|${weekStart}|${iso}|${fiscalStart}`,
  };
}

const year4 = (year: number): string => String(year).padStart(4, "0");

/** The period holding a local day. */
export function spanAtDay(day: LocalDay, r: Rules): Span {
  const cal = r.calendar;
  switch (r.grain) {
    case "day": {
      const f = fieldsOfDay(day, cal);
      return { startDay: day, endDay: day + 1, label: `${year4(f.year)}-${pad2(f.month)}-${pad2(f.day)}` };
    }
    case "week":
      return weekSpan(day, r);
    case "month": {
      const f = fieldsOfDay(day, cal);
      return monthsSpan(f.year, f.month, 1, cal, `${year4(f.year)}-${pad2(f.month)}`);
    }
    case "quarter": {
      const f = fieldsOfDay(day, cal);
      const q = Math.ceil(f.month / 3);
      return monthsSpan(f.year, q * 3 - 2, 3, cal, `${year4(f.year)}-Q${q}`);
    }
    case "year": {
      const f = fieldsOfDay(day, cal);
      return monthsSpan(f.year, 1, 12, cal, year4(f.year));
    }
    case "fiscal_year":
    case "fiscal_quarter": {
      const f = fieldsOfDay(day, cal);
      const startYear = f.month >= r.fiscalStart ? f.year : f.year - 1;
      const fy = fiscalYearLabel(startYear, r.fiscalStart);
      if (r.grain === "fiscal_year") return monthsSpan(startYear, r.fiscalStart, 12, cal, `FY${year4(fy)}`);
      const q = Math.floor(((((f.month - r.fiscalStart) % 12) + 12) % 12) / 3) + 1;
      const start = addMonths(startYear, r.fiscalStart, (q - 1) * 3);
      return monthsSpan(start.year, start.month, 3, cal, `FY${year4(fy)}-Q${q}`);
    }
    default:
      return assertUnreachable(r.grain);
  }
}

/**
 * A fiscal year is named by the calendar year it ends in: with start month 4,
 * April 2024 – March 2025 is FY2025. With start month 1 it is the calendar year.
 */
function fiscalYearLabel(startYear: number, startMonth: number): number {
  return startMonth === 1 ? startYear : startYear + 1;
}

function monthsSpan(year: number, month: number, count: number, cal: CalendarId, label: string): Span {
  const end = addMonths(year, month, count);
  return {
    startDay: dayOfFields(year, month, 1, cal),
    endDay: dayOfFields(end.year, end.month, 1, cal),
    label,
  };
}

function startOfWeek(day: LocalDay, r: Rules): LocalDay {
  return day - ((weekdayOfDay(day) - r.weekStart + 7) % 7);
}

/** Start of week 1 of a week-year: the first week with at least `minDaysInFirstWeek` days in that year. */
function firstWeekStart(year: number, r: Rules): LocalDay {
  return startOfWeek(dayOfFields(year, 1, 1, r.weekCalendar) + r.minDaysInFirstWeek - 1, r);
}

/**
 * Weeks are labelled `YYYY-Www`. A week belongs to the year holding at least
 * `minDaysInFirstWeek` of its days: ISO weeks need 4 (the Thursday rule), so
 * 2021-01-03 is in 2020-W53; other weeks need 1, i.e. week 1 is the week
 * holding the first day of the year and a week is named by the year of its
 * last day.
 */
function weekSpan(day: LocalDay, r: Rules): Span {
  const start = startOfWeek(day, r);
  const year = fieldsOfDay(start + 7 - r.minDaysInFirstWeek, r.weekCalendar).year;
  const week = (start - firstWeekStart(year, r)) / 7 + 1;
  return { startDay: start, endDay: start + 7, label: `${year4(year)}-W${pad2(week)}` };
}

const LABEL_PATTERNS: ReadonlyArray<readonly [Grain, RegExp, string]> = [
  ["day", /^(\d{4})-(\d{2})-(\d{2})$/, "YYYY-MM-DD, e.g. 2024-03-05"],
  ["week", /^(\d{4})-W(\d{2})$/, "YYYY-Www, e.g. 2024-W05"],
  ["month", /^(\d{4})-(\d{2})$/, "YYYY-MM, e.g. 2024-03"],
  ["quarter", /^(\d{4})-Q([1-4])$/, "YYYY-Qn, e.g. 2024-Q1"],
  ["year", /^(\d{4})$/, "YYYY, e.g. 2024"],
  ["fiscal_quarter", /^FY(\d{4})-Q([1-4])$/, "FYYYYY-Qn, e.g. FY2025-Q1"],
  ["fiscal_year", /^FY(\d{4})$/, "FYYYYY, e.g. FY2025"],
];

/** Label text with local digits turned to ASCII and letters upper-cased: `۱۴۰۳-q۱` -> `1403-Q1`. */
export function normalizeLabel(label: string): string {
  return label
    .trim()
    .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .toUpperCase();
}

/** The grain a label is written in (`2024-Q1` -> quarter), or undefined for text that is no period label. */
export function grainOfLabel(label: string): Grain | undefined {
  const text = normalizeLabel(label);
  return LABEL_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The span a label names, or undefined if it names no real period of the rules' grain. */
export function spanOfLabel(label: string, r: Rules): Span | undefined {
  const text = normalizeLabel(label);
  const entry = LABEL_PATTERNS.find(([grain]) => grain === r.grain);
  const numbers = entry?.[1].exec(text)?.slice(1).map(Number);
  if (!numbers) return undefined;
  const [a = 0, b = 1, c = 1] = numbers;
  let startDay: LocalDay;
  switch (r.grain) {
    case "day":
      if (!isValidDate(a, b, c, r.calendar)) return undefined;
      startDay = dayOfFields(a, b, c, r.calendar);
      break;
    case "week":
      if (!isValidDate(a, 1, 1, r.weekCalendar) || b < 1) return undefined;
      startDay = firstWeekStart(a, r) + (b - 1) * 7;
      break;
    case "month":
    case "year":
      if (!isValidDate(a, b, 1, r.calendar)) return undefined;
      startDay = dayOfFields(a, b, 1, r.calendar);
      break;
    case "quarter":
      startDay = isValidDate(a, 1, 1, r.calendar) ? dayOfFields(a, b * 3 - 2, 1, r.calendar) : Number.NaN;
      break;
    case "fiscal_year":
    case "fiscal_quarter": {
      const start = addMonths(r.fiscalStart === 1 ? a : a - 1, r.fiscalStart, (b - 1) * 3);
      if (!isValidDate(start.year, start.month, 1, r.calendar)) return undefined;
      startDay = dayOfFields(start.year, start.month, 1, r.calendar);
      break;
    }
    default:
      return assertUnreachable(r.grain);
  }
  if (Number.isNaN(startDay)) return undefined;
  // Rebuilding the label rejects week 53 of a 52-week year and similar.
  const span = spanAtDay(startDay, r);
  return span.label === text && span.startDay === startDay ? span : undefined;
}

/** How a label of a grain is written, for error messages. */
export function labelFormatOf(grain: Grain): string {
  return LABEL_PATTERNS.find(([g]) => g === grain)?.[2] ?? grain;
}
