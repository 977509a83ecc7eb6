import type { MetricContext } from "../context/metric-context.js";
import { daysBetweenInstants, openAt, stageEntriesSql } from "../relations/deal-stage-history.js";

export interface StuckDealsOptions {
  /** A fixed threshold in days (86,400 s); absent: the stage's p90 duration. */
  readonly days?: number;
}

/**
 * SQL listing the deals stuck at instant `at` (METRICS.md §4 `stuck_deals`):
 * deals open at `at` whose time in their current stage exceeds that stage's
 * p90 duration, or `days`. The p90 reads only stage exits before `at`, so a
 * past date gives the list as it was then. Deals without stage history are
 * not listed (no stage to compare). Columns: deal_id, customer_id, owner_id,
 * pipeline, stage, entered_at, days_in_stage, threshold_days; longest first.
 *
 * @example stuckDealsSql(ctx, ctx.dialect.timestampParam(ctx.bind("2024-04-01 00:00:00")), { days: 30 })
 */
export function stuckDealsSql(ctx: MetricContext, at: string, options: StuckDealsOptions = {}): string {
  const threshold =
    options.days === undefined ? "t.p90" : `CAST(${ctx.bind(options.days)} AS DOUBLE PRECISION)`;
  return `
    WITH entries AS (${stageEntriesSql(ctx.dialect)}),
    current_stage AS (
      SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.deal_id ORDER BY e.entered_at DESC, e.stage_rank DESC) AS rn
      FROM entries e JOIN deals d ON d.deal_id = e.deal_id
      WHERE ${openAt(at)} AND e.entered_at < ${at} AND (e.exited_at IS NULL OR e.exited_at >= ${at})
    ),
    thresholds AS (
      SELECT pipeline, stage, ${ctx.dialect.percentileCont(0.9, daysBetweenInstants(ctx, "entered_at", "exited_at"))} AS p90
      FROM entries WHERE exited_at < ${at}
      GROUP BY pipeline, stage
    )
    SELECT deal_id, customer_id, owner_id, pipeline, stage, entered_at, days_in_stage, threshold_days FROM (
      SELECT c.deal_id, c.customer_id, c.owner_id, c.pipeline, c.stage, c.entered_at,
             ${daysBetweenInstants(ctx, "c.entered_at", at)} AS days_in_stage, ${threshold} AS threshold_days
      FROM current_stage c LEFT JOIN thresholds t
        ON t.pipeline IS NOT DISTINCT FROM c.pipeline AND t.stage = c.stage
      WHERE c.rn = 1
    ) s
    WHERE days_in_stage > threshold_days
    ORDER BY days_in_stage DESC, ${ctx.dialect.binaryOrder("deal_id")}`;
}
