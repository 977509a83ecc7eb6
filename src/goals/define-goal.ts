import { parseCalendarDate } from "../calendar/parse-calendar-date.js";
import { GRAINS, type Grain } from "../calendar/period-types.js";
import { localDateOf } from "../calendar/zoned-time.js";
import { CrmKpiError } from "../core/errors.js";
import { findMetric } from "../core/metrics/registry.js";
import type { CalendarId, DatasetSettings } from "../core/model/settings.js";
import { defaultGoalDirection, GOAL_DIRECTIONS, type Goal, type GoalDirection } from "./goal.js";

/** A goal as a person writes it: on the command line or in goals.yaml. */
export interface GoalInput {
  readonly id?: string;
  readonly metric: string;
  readonly target: string | number;
  readonly direction?: string;
  /** `YYYY-MM-DD` in `calendar`; default: the as-of day. */
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
  /** "Today": the default start. */
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
  return {
    id: input.id?.trim() || context.id,
    metric,
    segment: input.segment && Object.keys(input.segment).length > 0 ? { ...input.segment } : null,
    target: parseTarget(input.target, metric),
    direction: directionOf(input.direction, metric),
    start: input.start ? date("start", input.start) : localDateOf(context.asOfMs, zone),
    deadline: input.deadline ? date("deadline", input.deadline) : null,
    owner: input.owner?.trim() || null,
    why: input.why?.trim() || null,
    grain: grainOf(input.grain),
    calendar,
  };
}

function parseTarget(raw: string | number, metric: string): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
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
  return percent && findMetric(metric)?.unit === "fraction" ? value / 100 : value;
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
