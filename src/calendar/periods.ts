import { CrmKpiError } from "../core/errors.js";
import { localDayOf, startOfDay } from "./calendar-days.js";
import {
  grainOfLabel,
  labelFormatOf,
  type Rules,
  resolveRules,
  type Span,
  spanAtDay,
  spanOfLabel,
} from "./period-span.js";
import type { Period, PeriodOptions } from "./period-types.js";

// Bucketing rows asks for the same period many times in a row; remembering
// the last answer per options skips the zone lookup for those.
const lastPeriod = new Map<string, Period>();

function toPeriod(span: Span, r: Rules): Period {
  return {
    label: span.label,
    startMs: startOfDay(span.startDay, r.timeZone),
    endMs: startOfDay(span.endDay, r.timeZone),
  };
}

function checkInstant(epochMs: number, name: string): void {
  if (!Number.isFinite(epochMs)) {
    throw new CrmKpiError(
      "bad_argument",
      `${name} must be a finite epoch-millisecond instant, not ${epochMs}.`,
      {
        value: String(epochMs),
      },
    );
  }
}

/**
 * The period of the given grain that holds an instant.
 *
 * @example periodContaining(Date.UTC(2024, 2, 19, 21), { grain: "month", calendar: "persian", timeZone: "Asia/Tehran" })
 *   // { label: "1403-01", startMs: <2024-03-19T20:30Z>, endMs: <2024-04-19T20:30Z> }
 */
export function periodContaining(epochMs: number, o: PeriodOptions): Period {
  checkInstant(epochMs, "The instant");
  const r = resolveRules(o);
  const last = lastPeriod.get(r.key);
  if (last && last.startMs <= epochMs && epochMs < last.endMs) return last;
  const period = toPeriod(spanAtDay(localDayOf(epochMs, r.timeZone), r), r);
  if (lastPeriod.size > 1000) lastPeriod.clear();
  lastPeriod.set(r.key, period);
  return period;
}

/**
 * Every period touching `[fromMs, toMs]`, in order and without gaps: the
 * first holds `fromMs`, the last holds `toMs`.
 *
 * @example periodsBetween(Date.UTC(2024, 0, 1), Date.UTC(2024, 2, 31), { grain: "month", calendar: "gregorian", timeZone: "UTC" })
 *   // labels 2024-01, 2024-02, 2024-03
 */
export function periodsBetween(fromMs: number, toMs: number, o: PeriodOptions): Period[] {
  checkInstant(fromMs, "The range start");
  checkInstant(toMs, "The range end");
  if (toMs < fromMs) {
    throw new CrmKpiError(
      "bad_argument",
      `The range ends (${new Date(toMs).toISOString()}) before it starts (${new Date(fromMs).toISOString()}); swap the two dates.`,
    );
  }
  const r = resolveRules(o);
  const first = periodContaining(fromMs, o);
  const periods = [first];
  let day = spanAtDay(localDayOf(first.startMs, r.timeZone), r).endDay;
  let endMs = first.endMs;
  while (endMs <= toMs) {
    const span = spanAtDay(day, r);
    const period = toPeriod(span, r);
    periods.push(period);
    day = span.endDay;
    endMs = period.endMs;
  }
  return periods;
}

/**
 * The period a canonical label names. The label must be written in the grain
 * of the options (use `grainOfLabel` to learn it first); local digits are fine.
 *
 * @example parsePeriodLabel("1403-01", { grain: "month", calendar: "persian", timeZone: "Asia/Tehran" })
 */
export function parsePeriodLabel(label: string, o: PeriodOptions): Period {
  const r = resolveRules(o);
  const span = spanOfLabel(label, r);
  if (span) return toPeriod(span, r);
  const written = grainOfLabel(label);
  const hint =
    written && written !== r.grain
      ? `it is a ${written.replace("_", " ")} label, but the report is by ${r.grain.replace("_", " ")}`
      : "it names no such period";
  throw new CrmKpiError(
    "unknown_period",
    `"${label}" is not a ${r.grain.replace("_", " ")} of the ${r.calendar} calendar (${hint}); write it as ${labelFormatOf(r.grain)}.`,
    { label, grain: r.grain, calendar: r.calendar },
    { value: label },
  );
}

/** The period just before `p` (P−1): the previous Jalali month for a Jalali month. */
export function previousPeriod(p: Period, o: PeriodOptions): Period {
  return periodContaining(p.startMs - 1, o);
}

/** The period just after `p`. */
export function nextPeriod(p: Period, o: PeriodOptions): Period {
  return periodContaining(p.endMs, o);
}
