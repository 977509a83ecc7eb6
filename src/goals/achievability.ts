import { type GoalDirection, type GoalMode, goalSign } from "./goal.js";

export type AchievabilityClass = "realistic" | "ambitious" | "unrealistic" | "unknown";

export interface AchievabilityInput {
  readonly mode: GoalMode;
  readonly direction: GoalDirection;
  readonly target: number;
  /** Level goals: the value at the start. Cumulative goals start from 0. */
  readonly baseline: number | null;
  /** Periods of the goal's grain between the start and the deadline (fractional for partial periods). */
  readonly periods: number;
  /** The metric's values in the complete periods before, in time order (nulls are skipped). */
  readonly history: readonly (number | null)[];
  /** The metric's possible values (metric-domain.ts): a level goal's paces are capped to stay inside. */
  readonly domain?: { readonly min?: number; readonly max?: number };
}

export interface Achievability {
  readonly class: AchievabilityClass;
  /** Cumulative: the value needed per period; level: the change needed per period. */
  readonly neededPerPeriod: number | null;
  /** The median of the history's per-period values (cumulative) or changes (level), in the goal's direction. */
  readonly typicalChange: number | null;
  /** The best per-period value or change in history, in the goal's direction. */
  readonly bestChange: number | null;
  /** How many per-period values or changes the comparison used. */
  readonly historyPeriods: number;
}

/**
 * The A of SMART (METRICS.md §8): the pace the goal needs, compared with
 * the history of the metric. At or below the typical pace the goal is
 * `realistic`, up to the best pace seen `ambitious`, beyond it
 * `unrealistic`; without history it is `unknown`.
 *
 * @example judgeAchievability({ mode: "cumulative", direction: "at-least", target: 12, baseline: 0, periods: 12, history: [1, 2, 0] })
 * // { class: "realistic", neededPerPeriod: 1, typicalChange: 1, bestChange: 2, historyPeriods: 3 }
 */
export function judgeAchievability(input: AchievabilityInput): Achievability {
  const values = input.history.filter((v): v is number => v !== null && Number.isFinite(v));
  const steps = input.mode === "cumulative" ? values : values.slice(1).map((v, i) => v - (values[i] ?? v));
  const start = input.mode === "cumulative" ? 0 : input.baseline;
  const neededPerPeriod =
    start === null || input.periods <= 0 ? null : (input.target - start) / input.periods;
  if (steps.length === 0 || neededPerPeriod === null) {
    return {
      class: "unknown",
      neededPerPeriod,
      typicalChange: null,
      bestChange: null,
      historyPeriods: steps.length,
    };
  }
  // Compare in the goal's direction: for `at-most`, a fall is progress.
  const sign = goalSign(input.direction);
  // From the baseline a level metric can move at most to its domain's edge:
  // churn at 1.2 % cannot fall 2.5 points, whatever history once saw.
  const room = levelRoom(input, sign);
  const signed = steps.map((s) => Math.min(sign * s, room)).sort((a, b) => a - b);
  const best = signed.at(-1) ?? 0;
  const typical = median(signed);
  const needed = sign * neededPerPeriod;
  const alreadyThere = input.mode === "level" && needed <= 0;
  const cls: AchievabilityClass =
    alreadyThere || needed <= typical ? "realistic" : needed <= best ? "ambitious" : "unrealistic";
  return {
    class: cls,
    neededPerPeriod,
    typicalChange: sign * typical,
    bestChange: sign * best,
    historyPeriods: steps.length,
  };
}

/** How far a level metric can move per period in the goal's direction before leaving its domain. */
function levelRoom(input: AchievabilityInput, sign: 1 | -1): number {
  if (input.mode !== "level" || input.baseline === null) return Number.POSITIVE_INFINITY;
  const edge = sign > 0 ? input.domain?.max : input.domain?.min;
  return edge === undefined ? Number.POSITIVE_INFINITY : Math.max(0, sign * (edge - input.baseline));
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
