/**
 * Rows a metric's SQL returns, one per (metric id, period, group):
 * `metric` (its id or a sibling's: `_median`, `_p90`), `period_idx`,
 * `g0`…`gN` (the values of the grouping keys, in order), `value`,
 * `numerator`, `denominator`.
 */
export interface Grouping {
  /** Segment keys as they appear in the output (`region`, `survey`, `pipeline`+`stage`). */
  readonly keys: readonly string[];
  /**
   * `customer`: keys asked for with --by (customer columns, or the metric's
   * `ownDimensions`); `builtin`: a BuiltInBreakdown.
   */
  readonly source: "total" | "customer" | "builtin";
}
