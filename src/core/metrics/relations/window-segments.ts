import type { MetricContext } from "../context/metric-context.js";
import type { Grouping } from "../definition/metric-definition.js";
import { signedOrderAmount } from "../fragments/money-rows.js";
import { windowBaseSql, windowStart } from "./window-stats.js";

/**
 * METRICS.md §3 window statistics per customer segment: the columns of the
 * `window_stats` relation (revenue, orders, buyers, at_start, churned) plus
 * `g0`…`gN`, one row per period and per combination of the grouping's
 * customer columns. A segment holds only orders of known customers
 * (METRICS.md "Values"); an empty value is its own `null` bucket, so a
 * dimension with one value for every customer reproduces the total.
 *
 * The total keeps its one-pass running sums (window-stats.ts); a segment is
 * a plain range join, grouped: the same rows, summed exactly (DECIMAL).
 */

/** `c."region" AS g0, …` over customer alias `alias`. */
function keyColumns(ctx: MetricContext, grouping: Grouping, alias: string): string {
  return grouping.keys.map((k, i) => `${alias}.${ctx.q(k)} AS g${i}`).join(", ");
}

/** ` AND a.g0 IS NOT DISTINCT FROM b.g0 …` */
function sameGroup(grouping: Grouping, a: string, b: string): string {
  return grouping.keys.map((_, i) => ` AND ${a}.g${i} IS NOT DISTINCT FROM ${b}.g${i}`).join("");
}

/** Every combination of the grouping's customer columns that some customer holds (`g0`…`gN`). */
export function customerDomainSql(ctx: MetricContext, grouping: Grouping): string {
  return `SELECT DISTINCT ${keyColumns(ctx, grouping, "c")} FROM ${ctx.rel("customers")} c`;
}

/** Window statistics per period and customer segment (see the module comment). */
export function windowStatsBySegmentSql(ctx: MetricContext, grouping: Grouping): string {
  const c = ctx.rel("customers");
  const groups = grouping.keys.map((_, i) => `, g${i}`).join("");
  const orders = `
    SELECT p.idx, o.customer_id, ${signedOrderAmount(ctx)} AS amount, ${keyColumns(ctx, grouping, "c")}
    FROM ${ctx.rel("periods")} p JOIN orders o ON o.ordered_at >= ${windowStart(ctx)} AND o.ordered_at < p.end_at
    JOIN ${c} c ON c.customer_id = o.customer_id`;
  const base = `
    SELECT wb.idx, wb.churned, ${keyColumns(ctx, grouping, "c")}
    FROM (${windowBaseSql(ctx)}) wb JOIN ${c} c ON c.customer_id = wb.customer_id`;
  return `
    WITH sums AS (
      SELECT idx${groups}, SUM(amount) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS buyers
      FROM (${orders}) wo GROUP BY idx${groups}
    ),
    base AS (
      SELECT idx${groups}, COUNT(*) AS at_start, SUM(CASE WHEN churned THEN 1 ELSE 0 END) AS churned
      FROM (${base}) b GROUP BY idx${groups}
    )
    SELECT p.idx${grouping.keys.map((_, i) => `, dom.g${i}`).join("")}, s.revenue, COALESCE(s.orders, 0) AS orders,
           COALESCE(s.buyers, 0) AS buyers, COALESCE(b.at_start, 0) AS at_start, COALESCE(b.churned, 0) AS churned
    FROM ${ctx.rel("periods")} p CROSS JOIN (${customerDomainSql(ctx, grouping)}) dom
    LEFT JOIN sums s ON s.idx = p.idx${sameGroup(grouping, "s", "dom")}
    LEFT JOIN base b ON b.idx = p.idx${sameGroup(grouping, "b", "dom")}`;
}
