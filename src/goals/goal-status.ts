import { type GoalDirection, type GoalMode, meetsTarget } from "./goal.js";

export const GOAL_STATUSES = ["on_track", "at_risk", "off_track", "achieved", "missed"] as const;
/** METRICS.md §8. */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Why a goal has its status; each has a message (`goals.reason.<reason>`). */
export type StatusReason =
  | "target_met"
  | "deadline_passed"
  | "projection_meets"
  | "projection_close"
  | "projection_short"
  | "over_budget"
  | "no_projection";

export interface StatusInput {
  readonly mode: GoalMode;
  readonly direction: GoalDirection;
  readonly target: number;
  readonly baseline: number | null;
  readonly current: number | null;
  readonly projection: number | null;
  readonly deadlinePassed: boolean;
}

/** A projection missing the target by at most this share of the way is `at_risk`, not `off_track`. */
export const AT_RISK_SHARE = 0.1;

/**
 * The status of METRICS.md §8. After the deadline a goal is `achieved` or
 * `missed`. Before it only a cumulative at-least goal whose total already
 * reached the target is `achieved` (a count cannot fall back); a level goal
 * (a rate, a score, a stock) can still drift, and a cumulative at-most
 * budget is settled by the deadline. Otherwise the projection decides: it
 * meets the target (`on_track`), misses it by at most 10 % of the way
 * (`at_risk`), or by more (`off_track`). Without a projection a level goal
 * meeting its target now is `on_track`, any other goal `at_risk`: nobody can
 * say it is on track.
 */
export function judgeStatus(input: StatusInput): { status: GoalStatus; reason: StatusReason } {
  const goal = { target: input.target, direction: input.direction };
  const met = input.current !== null && meetsTarget(input.current, goal);
  if (input.deadlinePassed) {
    return met
      ? { status: "achieved", reason: "target_met" }
      : { status: "missed", reason: "deadline_passed" };
  }
  const budget = input.mode === "cumulative" && input.direction === "at-most";
  if (met && input.mode === "cumulative" && !budget) return { status: "achieved", reason: "target_met" };
  if (budget && input.current !== null && !met) return { status: "off_track", reason: "over_budget" };
  if (input.projection === null) {
    return met && input.mode === "level"
      ? { status: "on_track", reason: "target_met" }
      : { status: "at_risk", reason: "no_projection" };
  }
  if (meetsTarget(input.projection, goal)) return { status: "on_track", reason: "projection_meets" };
  const start = input.mode === "cumulative" ? 0 : (input.baseline ?? input.current ?? 0);
  const way = Math.abs(input.target - start) || Math.abs(input.target) || 1;
  const gap = Math.abs(input.target - input.projection);
  return gap <= AT_RISK_SHARE * way
    ? { status: "at_risk", reason: "projection_close" }
    : { status: "off_track", reason: "projection_short" };
}

/**
 * Share of the way from the baseline to the target (0 at the baseline, 1 at
 * the target; beyond 1 when exceeded, negative when moving away).
 */
export function shareOfTheWay(
  mode: GoalMode,
  baseline: number | null,
  current: number | null,
  target: number,
): number | null {
  const start = mode === "cumulative" ? 0 : baseline;
  if (start === null || current === null) return null;
  if (target === start) return current === target ? 1 : 0;
  return (current - start) / (target - start);
}
