import { localDayOf, startOfDay } from "../calendar/calendar-days.js";
import { grainOfLabel, normalizeLabel } from "../calendar/period-span.js";
import type { Period, PeriodOptions } from "../calendar/period-types.js";
import { parsePeriodLabel, periodContaining, periodsBetween, previousPeriod } from "../calendar/periods.js";
import { CrmKpiError } from "../core/errors.js";
import type { CalendarId } from "../core/model/settings.js";

/** A report period; `partial` when it ends after the data's as-of day (docs/calendars.md "Partial periods"). */
export interface RangePeriod extends Period {
  readonly partial?: true;
}

/** The instants of the data: first customer record, last recorded event. */
export interface DataSpan {
  readonly firstMs: number;
  readonly lastMs: number;
}

/**
 * Something the user should know about the range (stderr in the CLI,
 * `rangeWarnings` in the API). `messageKey` is a periods-area message and
 * `params` its placeholders; `message` is the English sentence.
 */
export interface ReportWarning {
  readonly code: "range_outside_data" | "year_of_other_calendar";
  readonly messageKey: "periods.warning.rangeOutsideData" | "periods.warning.otherCalendarYear";
  readonly params: Readonly<Record<string, string>>;
  readonly message: string;
}

export interface ResolvedRange {
  readonly periods: RangePeriod[];
  readonly warnings: ReportWarning[];
  /**
   * The report's as-of instant: the end of its last period, but no later
   * than the end of the data's as-of day. Goal notes are judged here.
   */
  readonly asOfMs: number | null;
}

/**
 * The end of the data's as-of day: local midnight after the last recorded
 * event. A period is complete when it ends at or before this instant.
 *
 * @example completeUntilMs({ firstMs, lastMs: Date.UTC(2025, 11, 31, 23, 31) }, "UTC") // 2026-01-01T00:00Z
 */
export function completeUntilMs(span: DataSpan, timeZone: string): number {
  return startOfDay(localDayOf(span.lastMs, timeZone) + 1, timeZone);
}

/**
 * The report's periods. `from`/`to` labels win; without `to` the range ends
 * at the data's last complete period (the partial one only when no complete
 * period is in range), without `from` it starts at the data's first period.
 * Periods ending after the as-of day are marked `partial`; a range wholly
 * outside the data gets a warning naming the data's range.
 */
export function resolveReportRange(
  span: DataSpan | undefined,
  options: PeriodOptions,
  request: { readonly from?: string | undefined; readonly to?: string | undefined },
): ResolvedRange {
  if (!span && (!request.from || !request.to)) return { periods: [], warnings: [], asOfMs: null };
  const fromMs = request.from ? parsePeriodLabel(request.from, options).startMs : (span?.firstMs ?? 0);
  const toMs = request.to
    ? parsePeriodLabel(request.to, options).endMs - 1
    : defaultEndMs(span as DataSpan, fromMs, options);
  if (toMs < fromMs) {
    throw new CrmKpiError("unknown_period", "--to is before --from", {
      from: request.from ?? "",
      to: request.to ?? "",
    });
  }
  const until = span ? completeUntilMs(span, options.timeZone) : Number.POSITIVE_INFINITY;
  const periods: RangePeriod[] = periodsBetween(fromMs, toMs, options).map((p) =>
    p.endMs > until ? { ...p, partial: true } : p,
  );
  const last = periods.at(-1);
  return {
    periods,
    warnings: span ? rangeWarnings(span, periods, options, request) : [],
    asOfMs: last ? Math.min(last.endMs, until) : null,
  };
}

/** The last instant of the data's last complete period at or after `fromMs` (else of the partial one). */
function defaultEndMs(span: DataSpan, fromMs: number, options: PeriodOptions): number {
  const holding = periodContaining(span.lastMs, options);
  const complete =
    holding.endMs <= completeUntilMs(span, options.timeZone) ? holding : previousPeriod(holding, options);
  if (complete.endMs - 1 >= fromMs) return complete.endMs - 1;
  return Math.max(holding.endMs - 1, periodContaining(fromMs, options).endMs - 1);
}

function rangeWarnings(
  span: DataSpan,
  periods: readonly RangePeriod[],
  options: PeriodOptions,
  request: { readonly from?: string | undefined; readonly to?: string | undefined },
): ReportWarning[] {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return [];
  const outside = last.endMs <= span.firstMs || first.startMs > span.lastMs;
  const day = { grain: "day", calendar: options.calendar, timeZone: options.timeZone } as const;
  const params = {
    from: first.label,
    to: last.label,
    dataFrom: periodContaining(span.firstMs, day).label,
    dataTo: periodContaining(span.lastMs, day).label,
    dataFromPeriod: periodContaining(span.firstMs, options).label,
    dataToPeriod: periodContaining(span.lastMs, options).label,
    calendar: options.calendar,
  };
  const warnings: ReportWarning[] = [];
  if (outside)
    warnings.push({
      code: "range_outside_data",
      messageKey: "periods.warning.rangeOutsideData",
      params,
      message: `The range ${params.from} to ${params.to} lies wholly outside the data, which runs from ${params.dataFrom} to ${params.dataTo} in the ${params.calendar} calendar (${params.dataFromPeriod} to ${params.dataToPeriod}).`,
    });
  // A year label implausible for the calendar is worth a word even when the range touches the data.
  for (const label of [request.from, request.to]) {
    const year = label === undefined ? undefined : yearOfLabel(label);
    const other = year === undefined ? undefined : calendarOfYear(year, options.calendar);
    if (year === undefined || other === undefined) continue;
    warnings.push({
      code: "year_of_other_calendar",
      messageKey: "periods.warning.otherCalendarYear",
      params: { year: String(year), calendar: options.calendar, other },
      message: `The year ${year} is implausible in the ${options.calendar} calendar; it looks like a year of the ${other} calendar (--calendar ${other}).`,
    });
    break;
  }
  return warnings;
}

function yearOfLabel(label: string): number | undefined {
  if (grainOfLabel(label) === undefined) return undefined;
  const match = /^(?:FY)?(\d{4})/.exec(normalizeLabel(label));
  return match ? Number(match[1]) : undefined;
}

/**
 * The calendar a year looks like when it is implausible in `calendar`:
 * business data of today is Gregorian 1700–2299, Jalali and Hijri 1100–1699
 * (Jalali 1404 and Hijri 1447 are 2025).
 */
export function calendarOfYear(year: number, calendar: CalendarId): string | undefined {
  const gregorianLike = year >= 1700 && year < 2300;
  const lunarOrSolarHijri = year >= 1100 && year < 1700;
  // Jalali 1430 is AD 2051, Hijri 1430 AD 2009: later years are more likely Hijri.
  if (calendar === "gregorian") {
    if (!lunarOrSolarHijri) return undefined;
    return year >= 1430 ? "islamic-umalqura" : "persian";
  }
  return gregorianLike ? "gregorian" : undefined;
}
