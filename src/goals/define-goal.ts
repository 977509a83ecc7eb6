import { parseCalendarDate } from "../calendar/parse-calendar-date.js";
import { GRAINS, type Grain } from "../calendar/period-types.js";
import { periodContaining } from "../calendar/periods.js";
import { localDateOf, startOfLocalDay } from "../calendar/zoned-time.js";
import { CrmKpiError } from "../core/errors.js";
import { findMetric } from "../core/metrics/registry.js";
import type { CalendarId, DatasetSettings } from "../core/model/settings.js";
import {
  defaultGoalDirection,
  GOAL_DIRECTIONS,
  GOAL_TARGET_LIMIT,
  type Goal,
  type GoalDirection,
} from "./goal.js";

/** A goal as a person writes it: on the command line or in goals.yaml. */
export interface GoalInput {
  readonly id?: string;
  readonly metric: string;
  readonly target: string | number;
  readonly direction?: string;
  /**
   * `YYYY-MM-DD` in `calendar`; default: the as-of day, or the first day of
   * the deadline's year when the deadline is before the as-of day.
   */
  readonly start?: string;
  readonly deadline?: string;
  readonly segment?: Readonly<Record<string, string>>;
  readonly owner?: string;
  readonly why?: string;
  readonly grain?: string;
  readonly calendar?: CalendarId;
}

export interface DefineGoalContext {
  readonly id: string;
  readonly settings: DatasetSettings;
  /** "Today" (an instant in the as-of day, or its end): the default start. */
  readonly asOfMs: number;
}

/**
 * Turns what a person wrote into a goal: dates parsed in the goal's calendar
 * and the dataset zone, target as a number (`3%` of a fraction metric is
 * 0.03), direction defaulting to the metric's direction of good. Errors are
 * `goal_invalid` naming the key (`deadline`). Whether the goal is SMART is
 * `evaluateGoal`'s business, not this function's.
 *
 * @example defineGoal({ metric: "new_customers", target: "12", deadline: "2024-12-31" }, { id: "g1", settings, asOfMs })
 */
export function defineGoal(input: GoalInput, context: DefineGoalContext): Goal {
  const calendar = input.calendar ?? context.settings.calendar;
  const zone = context.settings.timezone;
  const metric = input.metric.trim();
  const date = (key: "start" | "deadline", text: string): string => {
    try {
      return localDateOf(parseCalendarDate(String(text), calendar, zone), zone);
    } catch (error) {
      throw invalid(key, String(text), error instanceof Error ? error.message : String(error));
    }
  };
  const deadline = input.deadline ? date("deadline", input.deadline) : null;
  return {
    id: input.id?.trim() || context.id,
    metric,
    segment: input.segment && Object.keys(input.segment).length > 0 ? { ...input.segment } : null,
    target: parseTarget(input.target, metric),
    direction: directionOf(input.direction, metric),
    start: input.start ? date("start", input.start) : defaultStart(deadline, context.asOfMs, calendar, zone),
    deadline,
    owner: input.owner?.trim() || null,
    why: input.why?.trim() || null,
    grain: grainOf(input.grain),
    calendar,
  };
}

/**
 * The as-of day; a deadline already behind it ("12 new customers by
 * 2024-12-31" written down on data of 2025) is a goal for the deadline's
 * year, so it starts on that year's first day in the goal's calendar.
 */
function defaultStart(deadline: string | null, asOfMs: number, calendar: CalendarId, zone: string): string {
  // asOfMs may be the end of the as-of day (midnight after it): step back into the day.
  const asOfDay = localDateOf(asOfMs - 1, zone);
  if (deadline === null || asOfDay <= deadline) return asOfDay;
  const year = periodContaining(startOfLocalDay(deadline, zone), { grain: "year", calendar, timeZone: zone });
  return localDateOf(year.startMs, zone);
}

function parseTarget(raw: string | number, metric: string): number {
  if (typeof raw === "number" && Number.isFinite(raw)) {
    if (Math.abs(raw) >= GOAL_TARGET_LIMIT) throw targetTooLarge(String(raw));
    return raw;
  }
  const text = String(raw)
    .trim()
    .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u066B]/g, ".")
    .replace(/[\s,\u066C]/g, "");
  const percent = /[%\u066A]$/.test(text);
  const value = Number(percent ? text.slice(0, -1) : text);
  if (text === "" || !Number.isFinite(value)) {
    throw invalid("target", String(raw), `the target "${raw}" is not a number; write it like 12, 0.03 or 3%`);
  }
  // "3 %" of a fraction metric (churn) is 0.03, the unit reports use.
  const target = percent && findMetric(metric)?.unit === "fraction" ? value / 100 : value;
  if (Math.abs(target) >= GOAL_TARGET_LIMIT) throw targetTooLarge(String(raw));
  return target;
}

/** A target the goals table cannot hold exactly. */
export function targetTooLarge(raw: string): CrmKpiError {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return new CrmKpiError(
    "goal_invalid",
    `the target ${shown} is too large: a target has at most 12 digits before the decimal point`,
    { key: "target", detail: "too large", messageKey: "periods.error.targetTooLarge", target: shown },
    { column: "target", value: shown },
  );
}

function directionOf(raw: string | undefined, metric: string): GoalDirection {
  if (raw !== undefined) {
    const text = raw.trim().replace("_", "-");
    if ((GOAL_DIRECTIONS as readonly string[]).includes(text)) return text as GoalDirection;
    throw invalid("direction", raw, `the direction "${raw}" is neither at-least nor at-most`);
  }
  const fallback = defaultGoalDirection(metric);
  if (fallback) return fallback;
  if (!findMetric(metric)) return "at-least"; // The M of SMART reports the unknown metric.
  throw invalid(
    "direction",
    "",
    `the metric ${metric} has no direction of good; add --direction at-least or --direction at-most`,
  );
}

function grainOf(raw: string | undefined): Grain {
  if (raw === undefined) return "month";
  if ((GRAINS as readonly string[]).includes(raw)) return raw as Grain;
  throw invalid("grain", raw, `the grain "${raw}" is not one of ${GRAINS.join(", ")}`);
}

function invalid(key: string, value: string, message: string): CrmKpiError {
  return new CrmKpiError("goal_invalid", message, { key, detail: message }, { column: key, value });
}
