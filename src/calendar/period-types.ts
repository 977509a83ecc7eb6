import type { CalendarId, Weekday } from "../core/model/settings.js";

export const GRAINS = ["day", "week", "month", "quarter", "year", "fiscal_quarter", "fiscal_year"] as const;
/** How long a report period is. `fiscal_*` follow `fiscalYearStartMonth`. */
export type Grain = (typeof GRAINS)[number];

/** A report period: `[startMs, endMs)` as UTC epoch milliseconds, with its canonical label. */
export interface Period {
  readonly label: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface PeriodOptions {
  readonly grain: Grain;
  readonly calendar: CalendarId;
  /** IANA zone; periods start at local midnight here. */
  readonly timeZone: string;
  /** First day of a week; default monday. */
  readonly weekStart?: Weekday;
  /**
   * ISO 8601 weeks (Monday start, week 1 holds the year's first Thursday,
   * Gregorian week-year). Default: true for the Gregorian calendar with a
   * Monday week start, false otherwise.
   */
  readonly isoWeeks?: boolean;
  /** Month (1..12, in the dataset calendar) the fiscal year starts; default 1. */
  readonly fiscalYearStartMonth?: number;
}

export const LANGS = ["en", "fa", "ar", "zh"] as const;
export type Lang = (typeof LANGS)[number];
