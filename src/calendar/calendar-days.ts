import {
  type Calendar,
  CalendarDate,
  GregorianCalendar,
  IslamicUmalquraCalendar,
  PersianCalendar,
} from "@internationalized/date";
import type { CalendarId } from "../core/model/settings.js";
import { localDateOf, startOfLocalDay } from "./zoned-time.js";

/**
 * Dates as "local day numbers": days since 1970-01-01 of the local calendar
 * date (not of an instant). Periods are computed on day numbers, which makes
 * calendar arithmetic zone-free; only the edges become instants.
 */
export type LocalDay = number;

/** A date in one calendar: month 1..12, day 1..31. */
export interface CalendarFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

const calendars: Record<CalendarId, Calendar> = {
  gregorian: new GregorianCalendar(),
  persian: new PersianCalendar(),
  "islamic-umalqura": new IslamicUmalquraCalendar(),
};

const gregorian = calendars.gregorian;
const JULIAN_DAY_OF_EPOCH = gregorian.toJulianDay(new CalendarDate(gregorian, 1970, 1, 1));

// Conversions are pure, so a bounded memo per calendar keeps long period
// ranges and repeated bucketing instant.
const CACHE_LIMIT = 100_000;
const fieldsCache = new Map<string, CalendarFields>();
const dayStartCache = new Map<string, number>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The calendar date of a local day number. */
export function fieldsOfDay(day: LocalDay, calendar: CalendarId): CalendarFields {
  if (calendar === "gregorian") {
    const date = new Date(day * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const key = `${calendar}|${day}`;
  const hit = fieldsCache.get(key);
  if (hit) return hit;
  const date = calendars[calendar].fromJulianDay(day + JULIAN_DAY_OF_EPOCH);
  return remember(fieldsCache, key, { year: date.year, month: date.month, day: date.day });
}

/** The local day number of a calendar date; the fields must be valid (see `isValidDate`). */
export function dayOfFields(year: number, month: number, day: number, calendar: CalendarId): LocalDay {
  if (calendar === "gregorian") return dayOfGregorian(year, month, day);
  const cal = calendars[calendar];
  return cal.toJulianDay(new CalendarDate(cal, year, month, day)) - JULIAN_DAY_OF_EPOCH;
}

function dayOfGregorian(year: number, month: number, day: number): LocalDay {
  const date = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC maps years 0..99 to 1900..1999, so set the year explicitly.
  date.setUTCFullYear(year);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Days in a month of a calendar (Jalali Esfand: 29, or 30 in a leap year). */
export function daysInMonth(year: number, month: number, calendar: CalendarId): number {
  const cal = calendars[calendar];
  return cal.getDaysInMonth(new CalendarDate(cal, year, month, 1));
}

/** Whether year-month-day names a real date in the calendar (years 1..9999). */
export function isValidDate(year: number, month: number, day: number, calendar: CalendarId): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month, calendar);
}

/** Year and month `count` months after (or before, if negative) a given month. All our calendars have 12. */
export function addMonths(year: number, month: number, count: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Day of week of a local day: 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: LocalDay): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** ISO date text (Gregorian) of a local day: `2024-03-20`. */
export function isoDateOfDay(day: LocalDay): string {
  const { year, month, day: d } = fieldsOfDay(day, "gregorian");
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(d)}`;
}

/** The local day (in `timeZone`) an instant falls on. */
export function localDayOf(epochMs: number, timeZone: string): LocalDay {
  const [y, m, d] = localDateOf(epochMs, timeZone).split("-").map(Number) as [number, number, number];
  return dayOfGregorian(y, m, d);
}

/** The instant local midnight starts a local day in `timeZone` (the first instant of the day if midnight is skipped). */
export function startOfDay(day: LocalDay, timeZone: string): number {
  const key = `${timeZone}|${day}`;
  const hit = dayStartCache.get(key);
  if (hit !== undefined) return hit;
  return remember(dayStartCache, key, startOfLocalDay(isoDateOfDay(day), timeZone));
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
