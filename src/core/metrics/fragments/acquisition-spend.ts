import { MONEY_SQL_TYPE } from "../../sql/dialect.js";
import type { MetricContext } from "../context/metric-context.js";
import { periodJoin } from "./sql-helpers.js";

/**
 * The spend arithmetic of METRICS.md §3 that `cac`, `cac_payback_months`,
 * `ltv_to_cac` and campaign cost share.
 *
 * A spend row covers local days [span_start, span_end): a `date` row is that
 * one day, a period row runs from `period_start` to `period_end` (exclusive).
 * A report period receives amount_base × (days it shares with the span) /
 * (days of the span), so a monthly bill cut by a Jalali month is spread
 * evenly per day.
 */

/**
 * One row per (report period, spend row) that overlap: `idx`, `channel`,
 * `category`, `campaign_id`, `record_id` (`spend.csv:12`), `amount` (the
 * share of the row in the period, base currency), `detail`.
 *
 * @example `SELECT idx, SUM(amount) FROM (${spendRowsSql(ctx)}) s GROUP BY idx`
 */
export function spendRowsSql(ctx: MetricContext): string {
  const date = ctx.q("date");
  const days = (a: string, b: string) => ctx.dialect.daysBetween(a, b);
  // Rows whose span is empty or backwards (period_end ≤ period_start) carry no days to spread;
  // data quality reports them.
  const spans = `
    SELECT s.*, COALESCE(s.${date}, s.period_start) AS span_start,
           CASE WHEN s.${date} IS NOT NULL THEN s.${date} + 1 ELSE COALESCE(s.period_end, s.period_start + 1) END AS span_end
    FROM spend s WHERE s.${date} IS NOT NULL OR s.period_start IS NOT NULL`;
  const recordId = `COALESCE(s._file || ':' || CAST(s._line AS VARCHAR), CAST(s.span_start AS VARCHAR) || ' ' || s.category || ' ' || COALESCE(s.channel, ''))`;
  return `
    SELECT p.idx, s.channel, s.category, s.campaign_id, ${recordId} AS record_id,
           CAST(s.amount_base * ${days("GREATEST(s.span_start, p.start_date)", "LEAST(s.span_end, p.end_date)")}
             / ${days("s.span_start", "s.span_end")} AS ${MONEY_SQL_TYPE}) AS amount,
           s.category || ' ' || COALESCE(s.channel, '-') || ' ' || CAST(s.span_start AS VARCHAR) || '..' || CAST(s.span_end AS VARCHAR) AS detail
    FROM ${ctx.rel("periods")} p
    JOIN (${spans}) s ON s.span_start < p.end_date AND s.span_end > p.start_date AND s.span_end > s.span_start`;
}

export interface SpendOptions {
  /** Also group by `channel`; rows without a channel are left out (they count only in the total). */
  readonly byChannel?: boolean;
}

/**
 * Sales + marketing spend per report period: columns `idx`, `spend` (base
 * currency), plus `channel` with `byChannel`. Only periods (and channels)
 * that some spend row overlaps have a row: LEFT JOIN it and COALESCE to 0.
 *
 * @example `SELECT p.idx, COALESCE(sp.spend, 0) FROM rpt_periods p LEFT JOIN (${spendPerPeriodSql(ctx)}) sp ON sp.idx = p.idx`
 */
export function spendPerPeriodSql(ctx: MetricContext, options: SpendOptions = {}): string {
  const rows = spendRowsSql(ctx);
  return options.byChannel
    ? `SELECT idx, channel, SUM(amount) AS spend FROM (${rows}) sr WHERE channel IS NOT NULL GROUP BY idx, channel`
    : `SELECT idx, SUM(amount) AS spend FROM (${rows}) sr GROUP BY idx`;
}

/**
 * N(P), customers with acquired_at in P: columns `idx`, `n`, plus `channel`
 * (their acquisition_channel, never null) with `byChannel`.
 */
export function newCustomersPerPeriodSql(ctx: MetricContext, options: SpendOptions = {}): string {
  const channel = options.byChannel ? ", c.acquisition_channel AS channel" : "";
  const where = options.byChannel ? " WHERE c.acquisition_channel IS NOT NULL" : "";
  return `SELECT p.idx${channel}, COUNT(*) AS n
    FROM ${ctx.rel("periods")} p JOIN ${ctx.rel("customers")} c
      ON ${periodJoin(ctx, "c.acquired_eff")}${where}
    GROUP BY p.idx${channel ? ", c.acquisition_channel" : ""}`;
}

/** Channels of a per-channel cac: those of spend and of customers, no null bucket. */
export function channelsSql(ctx: MetricContext): string {
  return `SELECT channel FROM spend WHERE channel IS NOT NULL
    UNION SELECT acquisition_channel AS channel FROM ${ctx.rel("customers")} WHERE acquisition_channel IS NOT NULL`;
}
