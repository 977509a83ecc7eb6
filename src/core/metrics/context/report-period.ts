/** Periods of the report, computed by the calendar module (UTC instants, local dates). */
export interface ReportPeriod {
  readonly label: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Local calendar dates (ISO) of the first day and of the day after the last. */
  readonly startDate: string;
  readonly endDate: string;
  /** P−1: the period before, same length in the same calendar. */
  readonly prevStartMs: number;
  readonly prevEndMs: number;
  /**
   * Months in the period, for rates read per month (mrr_ltv): 1 for a month
   * of any calendar, 3 for a quarter, 12 for a year. Absent: its length in
   * mean Gregorian months (30.4375 days).
   */
  readonly months?: number;
}

export interface ReportInput {
  readonly periods: readonly ReportPeriod[];
  /**
   * The report's customer dimensions (--by), when it has any: relations keyed
   * by them (`window_stats_by`) and the RFM columns of `customers` use them.
   */
  readonly by?: readonly string[];
  /**
   * Customer dimensions computed outside SQL (propensity deciles), held in the
   * temporary table CUSTOMER_SCORES_TABLE (`customer_id` and one column each)
   * that the caller fills before the prelude runs: `customers` joins it.
   */
  readonly scoreDimensions?: readonly string[];
}
