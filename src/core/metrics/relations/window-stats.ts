import type { Grouping } from "../context/grouping.js";
import type { MetricContext } from "../context/metric-context.js";
import { durationDays } from "../definition/duration-param.js";
import { signedOrderAmount } from "../fragments/money-rows.js";
import { openEnd } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §3 window statistics over W = [end − window, end), one row per
 * period, materialized once per report (shared relation `window_stats`) so
 * the seven value metrics do not each join every period to a year of orders.
 * Its parts are shared relations too, as `window_stats_by` (per customer
 * segment, window-segments.ts) reads the same ones:
 *
 * - `window_orders`, one row per order: revenue and #orders are summed per
 *   bucket between period markers, W being a run of whole buckets; buyers
 *   (distinct customers with an order in W) count through per-order spans.
 * - `window_base`: customers active at the window start (spans) and whether
 *   they are no longer active at the period end (churned).
 */

const DAY_SECONDS = 86_400;
export const WINDOW_PARAM_NAME = "window";
export const WINDOW_DEFAULT = "365d";

export function windowDays(ctx: MetricContext): number {
  return durationDays(ctx, WINDOW_PARAM_NAME, WINDOW_DEFAULT);
}

/** The start of W for period alias `p`. */
export function windowStart(ctx: MetricContext, period = "p"): string {
  return ctx.dialect.addSeconds(`${period}.end_at`, ctx.bind(-windowDays(ctx) * DAY_SECONDS));
}

/**
 * The `window_base` relation: customers active at the start of W per period
 * (idx, customer_id), flagged `churned` when not active at the period end
 * (spans: active at t ⇔ lo < t ≤ hi).
 */
export function windowBaseSql(ctx: MetricContext): string {
  const ws = windowStart(ctx);
  return `SELECT DISTINCT p.idx, s.customer_id, (ca.customer_id IS NULL) AS churned
    FROM ${ctx.rel("periods")} p
    JOIN ${ctx.rel("customer_spans")} s ON s.lo < ${ws} AND ${ws} <= ${openEnd(ctx, "s.hi")}
    LEFT JOIN ${ctx.rel("customer_active")} ca ON ca.customer_id = s.customer_id AND ca.t = p.end_at`;
}

/**
 * The `window_orders` relation, one row per order: customer_id, amount
 * (signed, base currency), and
 *
 * - bucket: the markers (every period end and window start) cut time into
 *   buckets [marker, next marker); an order's bucket is the latest marker at
 *   or before it (markers sort before the orders at their instant), NULL
 *   before the first. W is the run of buckets end − window ≤ bucket < end.
 * - lo, hi: the span (lo, hi] of ends at which this order is its customer's
 *   latest before `end` and still inside W, i.e. (e, min(next order,
 *   e + window)]; hi is NULL without a customer. A customer's spans are
 *   disjoint, so the spans holding `end` count the customers with an order in W.
 */
export function windowOrdersSelect(ctx: MetricContext): string {
  const p = ctx.rel("periods");
  const events = `
    SELECT o.ordered_at AS t, 1 AS k, o.customer_id, ${signedOrderAmount(ctx)} AS amount FROM orders o
    UNION ALL SELECT t, 0, NULL, NULL FROM (SELECT p.end_at AS t FROM ${p} p UNION SELECT ${windowStart(ctx)} FROM ${p} p) m`;
  const next = "LEAD(t) OVER (PARTITION BY customer_id ORDER BY t)";
  const reach = ctx.dialect.addSeconds("t", ctx.bind(windowDays(ctx) * DAY_SECONDS));
  return `SELECT customer_id, amount, bucket, lo, hi FROM (
      SELECT customer_id, amount, k, t AS lo,
             MAX(CASE WHEN k = 0 THEN t END) OVER (ORDER BY t, k ROWS UNBOUNDED PRECEDING) AS bucket,
             CASE WHEN customer_id IS NOT NULL THEN LEAST(${openEnd(ctx, next)}, ${reach}) END AS hi
      FROM (${events}) ev
    ) x WHERE k = 1`;
}

/**
 * The `purchase_spans` relation (repeat_purchase_rate): spans of period ends
 * (lo, hi] per customer, over purchases (refund rows are no purchase): kind 0
 * "bought in W" while a purchase t is the latest before end and inside W,
 * (t, min(next, t + window)]; kind 1 "bought twice in W" while (t, next) is
 * the latest pair and t is inside W, (next, min(next after, t + window)]. A
 * customer's spans of one kind are disjoint, so the spans holding `end` count
 * each customer once, as the buyers above are counted. Tied purchases have
 * the same instant, so their order changes no span (the sort needs no
 * tie-break); a tied pair's span is empty and is left out, as are the other
 * empty ones. One sort of the orders serves both kinds.
 */
export function purchaseSpansSelect(ctx: MetricContext): string {
  const reach = ctx.dialect.addSeconds("t", ctx.bind(windowDays(ctx) * DAY_SECONDS));
  const over = "OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at)";
  return `WITH b AS MATERIALIZED (
      SELECT o.customer_id, o.ordered_at AS t, LEAD(o.ordered_at, 1) ${over} AS n1, LEAD(o.ordered_at, 2) ${over} AS n2
      FROM orders o WHERE o.customer_id IS NOT NULL AND o.type <> ${ctx.bind("refund")})
    SELECT customer_id, k, lo, hi FROM (
      SELECT customer_id, 0 AS k, t AS lo, LEAST(${openEnd(ctx, "n1")}, ${reach}) AS hi FROM b
      UNION ALL
      SELECT customer_id, 1 AS k, n1 AS lo, LEAST(${openEnd(ctx, "n2")}, ${reach}) AS hi FROM b WHERE n1 IS NOT NULL
    ) s WHERE lo < hi`;
}

/** ` JOIN customers c …` and the segment columns `, c."region" AS g0 …` for `grouping`, or nothing for the total. */
function segmentOf(ctx: MetricContext, grouping: Grouping | undefined, customerId: string) {
  const keys = grouping?.keys.map((key) => `c.${ctx.q(key)}`) ?? [];
  return {
    join: grouping ? ` JOIN ${ctx.rel("customers")} c ON c.customer_id = ${customerId}` : "",
    columns: keys.map((k, i) => `, ${k} AS g${i}`).join(""),
    groupBy: keys.map((k) => `, ${k}`).join(""),
  };
}

/**
 * Revenue (Σ amount, DECIMAL: exact) and #orders over W per period `idx`
 * (and segment `g0`…`gN` of the order's customer for `grouping`: orders of
 * unknown customers then drop out). Periods without orders have no row.
 */
export function windowSumsSql(ctx: MetricContext, grouping?: Grouping): string {
  const s = segmentOf(ctx, grouping, "b.customer_id");
  const buckets = `SELECT b.bucket${s.columns}, SUM(b.amount) AS amount, COUNT(*) AS n
    FROM ${ctx.rel("window_orders")} b${s.join} WHERE b.bucket IS NOT NULL GROUP BY b.bucket${s.groupBy}`;
  const g = (grouping?.keys ?? []).map((_, i) => `, b.g${i}`).join("");
  return `SELECT p.idx${g}, SUM(b.n) AS orders, SUM(b.amount) AS revenue
    FROM ${ctx.rel("periods")} p JOIN (${buckets}) b ON b.bucket >= ${windowStart(ctx)} AND b.bucket < p.end_at
    GROUP BY p.idx${g}`;
}

/** Distinct customers with an order in W per period `idx` (and segment for `grouping`). */
export function windowBuyersSql(ctx: MetricContext, grouping?: Grouping): string {
  const s = segmentOf(ctx, grouping, "b.customer_id");
  const g = (grouping?.keys ?? []).map((_, i) => `, b.g${i}`).join("");
  // Spans are tagged with their segment before the range join, which multiplies them.
  const spans = `SELECT b.lo, b.hi${s.columns} FROM ${ctx.rel("window_orders")} b${s.join} WHERE b.lo < b.hi`;
  return `SELECT p.idx${g}, COUNT(*) AS buyers
    FROM (${spans}) b JOIN ${ctx.rel("periods")} p ON b.lo < p.end_at AND p.end_at <= b.hi
    GROUP BY p.idx${g}`;
}

/** Customers active at the window start and those of them churned per period `idx` (and segment for `grouping`). */
export function windowBaseCountsSql(ctx: MetricContext, grouping?: Grouping): string {
  const s = segmentOf(ctx, grouping, "wb.customer_id");
  return `SELECT wb.idx${s.columns}, COUNT(*) AS at_start, SUM(CASE WHEN wb.churned THEN 1 ELSE 0 END) AS churned
    FROM ${ctx.rel("window_base")} wb${s.join}
    GROUP BY wb.idx${s.groupBy}`;
}

/** The `window_stats` relation: idx, revenue (NULL without orders), orders, buyers, at_start, churned. */
export function windowStatsSelect(ctx: MetricContext): string {
  const p = ctx.rel("periods");
  return `
    SELECT p.idx, CASE WHEN s.orders > 0 THEN s.revenue END AS revenue, COALESCE(s.orders, 0) AS orders,
           COALESCE(b.buyers, 0) AS buyers, COALESCE(wb.at_start, 0) AS at_start, COALESCE(wb.churned, 0) AS churned
    FROM ${p} p
    LEFT JOIN (${windowSumsSql(ctx)}) s ON s.idx = p.idx
    LEFT JOIN (${windowBuyersSql(ctx)}) b ON b.idx = p.idx
    LEFT JOIN (${windowBaseCountsSql(ctx)}) wb ON wb.idx = p.idx`;
}
