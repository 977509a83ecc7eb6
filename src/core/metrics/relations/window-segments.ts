import type { MetricContext } from "../context/metric-context.js";
import type { ReportInput } from "../context/report-period.js";
import type { Grouping } from "../definition/metric-definition.js";
import { windowBaseCountsSql, windowBuyersSql, windowSumsSql } from "./window-stats.js";

/**
 * METRICS.md §3 window statistics per customer segment, materialized once
 * per report as the shared relation `window_stats_by`: the columns of
 * `window_stats` (revenue, orders, buyers, at_start, churned) plus `g0`…`gN`,
 * the report's customer dimensions (--by) in order, one row per period and
 * per combination of them that some customer holds. A segment holds only
 * orders of known customers (METRICS.md "Values"); an empty value is its own
 * `null` bucket, so a dimension with one value for every customer reproduces
 * the total.
 *
 * Computed from the parts window_stats is computed from (window-stats.ts),
 * each row tagged with the segment of its customer. Sums stay DECIMAL, so
 * they are exact whatever the evaluation order.
 */

/** `c."region" AS g0, …` over customer alias `alias`. */
function keyColumns(ctx: MetricContext, grouping: Grouping, alias: string): string {
  return grouping.keys.map((k, i) => `${alias}.${ctx.q(k)} AS g${i}`).join(", ");
}

/** ` AND a.g0 IS NOT DISTINCT FROM b.g0 …` */
function sameGroup(grouping: Grouping, a: string, b: string): string {
  return grouping.keys.map((_, i) => ` AND ${a}.g${i} IS NOT DISTINCT FROM ${b}.g${i}`).join("");
}

/** `, a.g0, a.g1` (or `, g0, g1` without an alias). */
function groupList(grouping: Grouping, alias?: string): string {
  return grouping.keys.map((_, i) => `, ${alias ? `${alias}.` : ""}g${i}`).join("");
}

/** Every combination of the grouping's customer columns that some customer holds (`g0`…`gN`). */
export function customerDomainSql(ctx: MetricContext, grouping: Grouping): string {
  return `SELECT DISTINCT ${keyColumns(ctx, grouping, "c")} FROM ${ctx.rel("customers")} c`;
}

/**
 * The customer grouping `window_stats_by` is keyed by: the report's --by.
 * The value metrics have no `breakdownWithin`, so their customer grouping is
 * exactly these keys (compile-report.ts groupingsOf; explain passes the
 * grouping's keys as `by`).
 */
export function reportCustomerGrouping(input: ReportInput): Grouping {
  const keys = input.by ?? [];
  if (keys.length === 0) throw new Error("window_stats_by needs the report's customer dimensions (by)");
  return { keys, source: "customer" };
}

/** The `window_stats_by` relation (see the module comment). */
export function windowStatsBySegmentSelect(ctx: MetricContext, input: ReportInput): string {
  const grouping = reportCustomerGrouping(input);
  const p = ctx.rel("periods");
  return `
    WITH dom AS (${customerDomainSql(ctx, grouping)})
    SELECT p.idx${groupList(grouping, "dom")}, CASE WHEN s.orders > 0 THEN s.revenue END AS revenue,
           CAST(COALESCE(s.orders, 0) AS BIGINT) AS orders, COALESCE(bu.buyers, 0) AS buyers,
           COALESCE(wb.at_start, 0) AS at_start, COALESCE(wb.churned, 0) AS churned
    FROM ${p} p CROSS JOIN dom
    LEFT JOIN (${windowSumsSql(ctx, grouping)}) s ON s.idx = p.idx${sameGroup(grouping, "s", "dom")}
    LEFT JOIN (${windowBuyersSql(ctx, grouping)}) bu ON bu.idx = p.idx${sameGroup(grouping, "bu", "dom")}
    LEFT JOIN (${windowBaseCountsSql(ctx, grouping)}) wb ON wb.idx = p.idx${sameGroup(grouping, "wb", "dom")}`;
}
