import type { SqlDialect } from "../../sql/dialect.js";
import type { MetricContext } from "../context/metric-context.js";

/**
 * Deal stage history as SQL (METRICS.md §4, exact readings), shared by
 * stage durations, stage conversion, pipeline value and stuck deals.
 */

/**
 * Every (pipeline, stage) with its rank in pipeline order: pipeline_stages
 * position first, then stages seen only in deal_stages in first-entered order.
 * Columns: pipeline, stage, stage_rank, probability.
 */
export function stageOrderSql(dialect: SqlDialect): string {
  return `
    SELECT x.pipeline, x.stage, ps.probability,
           ROW_NUMBER() OVER (PARTITION BY x.pipeline ORDER BY ps.position NULLS LAST, x.first_entered NULLS LAST, ${dialect.binaryOrder("x.stage")}) AS stage_rank
    FROM (
      SELECT pipeline, stage, MIN(first_entered) AS first_entered FROM (
        SELECT pipeline, stage, CAST(NULL AS TIMESTAMP) AS first_entered FROM pipeline_stages
        UNION ALL
        SELECT d.pipeline, s.stage, MIN(s.entered_at) FROM deal_stages s JOIN deals d ON d.deal_id = s.deal_id
        GROUP BY d.pipeline, s.stage
      ) u GROUP BY pipeline, stage
    ) x
    LEFT JOIN pipeline_stages ps ON ps.pipeline = x.pipeline AND ps.stage = x.stage`;
}

/**
 * One row per stage entry with its exit: the deal's next entry (any stage,
 * backwards too; ties ordered by stage position, then name) or, for the last
 * entry, the deal's closed_at (NULL while open). Columns: deal_id,
 * customer_id, owner_id, pipeline, stage, stage_rank, entered_at, seq (the
 * entry's place in the deal's history, from 1), exited_at and, with
 * `laterRank`, later_rank: the highest stage rank the deal entered after this
 * entry (NULL for the last), over the same ordered history.
 */
export function stageEntriesSql(dialect: SqlDialect, options: { readonly laterRank?: boolean } = {}): string {
  const laterRank = options.laterRank
    ? ", MAX(so.stage_rank) OVER (history ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later_rank"
    : "";
  return `
    SELECT s.deal_id, d.customer_id, d.owner_id, d.pipeline, s.stage, so.stage_rank, s.entered_at,
           ROW_NUMBER() OVER history AS seq,
           COALESCE(LEAD(s.entered_at) OVER history, d.closed_at) AS exited_at${laterRank}
    FROM deal_stages s
    JOIN deals d ON d.deal_id = s.deal_id
    LEFT JOIN pipeline_stages ps ON ps.pipeline = d.pipeline AND ps.stage = s.stage
    LEFT JOIN (${stageOrderSql(dialect)}) so ON so.pipeline = d.pipeline AND so.stage = s.stage
    WINDOW history AS (PARTITION BY s.deal_id ORDER BY s.entered_at, ps.position NULLS LAST, ${dialect.binaryOrder("s.stage")})`;
}

/** Deal `d` is open at instant `t`: created before it and not closed by then. */
export function openAt(t: string, d = "d"): string {
  return `${d}.created_at < ${t} AND (${d}.closed_at IS NULL OR ${d}.closed_at >= ${t})`;
}

/** Days (86,400 s) from `a` to `b`. */
export function daysBetweenInstants(ctx: MetricContext, a: string, b: string): string {
  return `(${ctx.dialect.secondsBetween(a, b)} / 86400.0)`;
}
