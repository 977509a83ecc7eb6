import type { Grain } from "../calendar/period-types.js";
import { findMetric } from "../core/metrics/registry.js";
import type { CalendarId } from "../core/model/settings.js";

export const GOAL_DIRECTIONS = ["at-least", "at-most"] as const;
/** `at-least`: the goal is met when the value is ≥ target; `at-most`: ≤ target. */
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/**
 * `cumulative`: the metric's values add up from the start date ("12 new
 * customers by Dec 31"); `level`: the metric's value in one period is compared
 * with the target ("churn at most 3 % a month").
 */
export type GoalMode = "cumulative" | "level";

/** A stored goal (METRICS.md §8). Dates are ISO local dates (`2024-12-31`) in the dataset zone. */
export interface Goal {
  readonly id: string;
  readonly metric: string;
  /** Dimension → value (`{ region: "north" }`, `{ rep_id: "r1" }`); null = the whole business. */
  readonly segment: Readonly<Record<string, string>> | null;
  readonly target: number;
  readonly direction: GoalDirection;
  readonly start: string;
  /** Inclusive: the goal is judged at the end of this day. Null fails the T of SMART. */
  readonly deadline: string | null;
  readonly owner: string | null;
  /** Why the goal matters (the R of SMART). */
  readonly why: string | null;
  /** The period of a level goal's value ("a month"), and of the history the goal is judged against. */
  readonly grain: Grain;
  /** The calendar the goal's dates are shown in. */
  readonly calendar: CalendarId;
}

/**
 * Targets are stored exactly (DECIMAL) and judged as doubles: at most 12
 * integer digits, as the API's goal schema allows.
 */
export const GOAL_TARGET_LIMIT = 1e12;

/** Count and sum metrics that are stocks at an instant, not flows over a period: they do not add up. */
const STOCK_METRICS: ReadonlySet<string> = new Set([
  "mrr",
  "arr",
  "paying_customers",
  "pipeline_value",
  "open_tickets",
]);

/** Whether a goal on `metricId` accumulates from its start (count and sum flows) or compares one period's value. */
export function goalModeOf(metricId: string): GoalMode {
  const metric = findMetric(metricId);
  if (!metric || metric.id !== metricId) return "level";
  const flows = (metric.kind === "count" || metric.kind === "sum") && !STOCK_METRICS.has(metric.id);
  return flows ? "cumulative" : "level";
}

/** The direction a goal takes when none is given: the metric's own direction of good. */
export function defaultGoalDirection(metricId: string): GoalDirection | undefined {
  const direction = findMetric(metricId)?.direction;
  if (direction === "up") return "at-least";
  if (direction === "down") return "at-most";
  return undefined;
}

/** True when `value` meets the goal's target. */
export function meetsTarget(value: number, goal: Pick<Goal, "target" | "direction">): boolean {
  return goal.direction === "at-least" ? value >= goal.target : value <= goal.target;
}

/** +1 when more is better for the goal, −1 when less is. */
export function goalSign(direction: GoalDirection): 1 | -1 {
  return direction === "at-least" ? 1 : -1;
}
