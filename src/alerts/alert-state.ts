import type { GoalStatus } from "../goals/goal-status.js";
import type { AlertCondition } from "./alert-rule.js";

export const ALERT_STATES = ["ok", "firing"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** What a state change sends: a notice when an alert starts firing, and one when it resolves. */
export type AlertEvent = "fired" | "resolved";

/** What the data says about a condition now; `unknown` (no value yet, no goal) keeps the state as it is. */
export type Verdict = "firing" | "ok" | "unknown";

/** The numbers a metric condition is judged on: the last complete period and the one before. */
export interface MetricReading {
  readonly value: number | null;
  readonly previous: number | null;
}

/** Goal statuses that mean the goal needs attention. */
const AT_RISK: ReadonlySet<GoalStatus> = new Set(["at_risk", "off_track", "missed"]);

/**
 * Judges a metric condition on its reading. A change needs both values; a
 * relative change needs a previous value other than 0.
 *
 * @example judgeMetric({ kind: "threshold", op: "above", value: 0.03, … }, { value: 0.05, previous: null }) // "firing"
 */
export function judgeMetric(
  condition: Exclude<AlertCondition, { kind: "goal_at_risk" }>,
  reading: MetricReading,
): Verdict {
  const { value } = reading;
  if (value === null) return "unknown";
  if (condition.kind === "threshold") {
    const firing = condition.op === "above" ? value > condition.value : value < condition.value;
    return firing ? "firing" : "ok";
  }
  const delta = changeOf(condition.relative, reading);
  if (delta === null) return "unknown";
  const moved = condition.direction === "up" ? delta : -delta;
  return moved >= condition.amount ? "firing" : "ok";
}

/** Current minus previous (or its share of the previous value when `relative`); null when it cannot be said. */
export function changeOf(relative: boolean, reading: MetricReading): number | null {
  const { value, previous } = reading;
  if (value === null || previous === null) return null;
  if (!relative) return value - previous;
  return previous === 0 ? null : (value - previous) / Math.abs(previous);
}

/** Judges a goal condition on the goal's status. */
export function judgeGoal(status: GoalStatus | null): Verdict {
  if (status === null) return "unknown";
  return AT_RISK.has(status) ? "firing" : "ok";
}

/**
 * The state machine of an alert: a notice goes out once per change of state.
 * ok → firing sends `fired`; firing → firing sends nothing; firing → ok sends
 * `resolved`; ok → ok nothing; an unknown verdict changes nothing.
 *
 * @example nextState("ok", "firing") // { state: "firing", event: "fired" }
 */
export function nextState(
  state: AlertState,
  verdict: Verdict,
): { state: AlertState; event: AlertEvent | null } {
  if (verdict === "unknown") return { state, event: null };
  if (verdict === "firing") return { state: "firing", event: state === "firing" ? null : "fired" };
  return { state: "ok", event: state === "firing" ? "resolved" : null };
}
