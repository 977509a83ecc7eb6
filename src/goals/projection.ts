/**
 * How a projection to the deadline was made:
 * - `linear_pace`: cumulative goals; the total so far, continued at the same
 *   pace per day until the deadline;
 * - `history_mean`: cumulative goals too young for a pace (less than one
 *   period since the start); the total so far plus the mean per-period value
 *   of the last complete periods for the time left;
 * - `least_squares`: level goals; a least-squares line through the values of
 *   the last complete periods (at most `TREND_PERIODS`), read at the deadline's period;
 * - `final`: the deadline passed; the value at the deadline;
 * - `none`: not enough history for any of these.
 */
export type ProjectionMethod = "linear_pace" | "history_mean" | "least_squares" | "final" | "none";

export interface Projection {
  readonly value: number | null;
  readonly method: ProjectionMethod;
  /** How many periods (level, history_mean) the projection rests on; days for linear_pace. */
  readonly basis: number;
}

/** Periods a trend looks back. */
export const TREND_PERIODS = 6;

export interface CumulativeProjectionInput {
  readonly current: number;
  /** Milliseconds from the start to the as-of instant (or the deadline, when it passed). */
  readonly elapsedMs: number;
  /** Milliseconds from the as-of instant to the deadline's end. */
  readonly remainingMs: number;
  /** Mean length of one period of the goal's grain. */
  readonly periodMs: number;
  /** Per-period values of the last complete periods, in time order. */
  readonly history: readonly (number | null)[];
}

const DAY_MS = 86_400_000;

/**
 * Projects a cumulative total to the deadline.
 *
 * @example projectCumulative({ current: 6, elapsedMs: 180 * DAY, remainingMs: 180 * DAY, periodMs: 30 * DAY, history: [] })
 * // { value: 12, method: "linear_pace", basis: 180 }
 */
export function projectCumulative(input: CumulativeProjectionInput): Projection {
  const remaining = Math.max(0, input.remainingMs);
  if (input.elapsedMs >= input.periodMs && input.elapsedMs > 0) {
    const value = input.current + (input.current / input.elapsedMs) * remaining;
    return { value, method: "linear_pace", basis: Math.round(input.elapsedMs / DAY_MS) };
  }
  const recent = input.history.filter((v): v is number => v !== null).slice(-TREND_PERIODS);
  if (recent.length === 0) return { value: null, method: "none", basis: 0 };
  const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
  return {
    value: input.current + (mean * remaining) / input.periodMs,
    method: "history_mean",
    basis: recent.length,
  };
}

/**
 * Projects a level metric to the deadline's period with a least-squares line
 * through the last `TREND_PERIODS` known values. `points` are (period index,
 * value); `at` is the deadline's period index on the same axis. One point
 * gives no trend: the projection is null.
 *
 * @example projectLevel([[0, 0.05], [1, 0.04], [2, 0.03]], 5) // { value: 0, method: "least_squares", basis: 3 }
 */
export function projectLevel(
  points: readonly (readonly [number, number | null])[],
  at: number,
  bounds?: { readonly min?: number; readonly max?: number },
): Projection {
  const known = points.filter((p): p is readonly [number, number] => p[1] !== null).slice(-TREND_PERIODS);
  if (known.length < 2) return { value: null, method: "none", basis: known.length };
  const n = known.length;
  const meanX = known.reduce((a, [x]) => a + x, 0) / n;
  const meanY = known.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of known) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  let value = meanY + slope * (at - meanX);
  if (bounds?.min !== undefined) value = Math.max(bounds.min, value);
  if (bounds?.max !== undefined) value = Math.min(bounds.max, value);
  return { value, method: "least_squares", basis: n };
}
