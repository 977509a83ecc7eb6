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
}

export interface ReportInput {
  readonly periods: readonly ReportPeriod[];
  /**
   * The report's customer dimensions (--by), when it has any: relations keyed
   * by them (`window_stats_by`) and the RFM columns of `customers` use them.
   */
  readonly by?: readonly string[];
}
