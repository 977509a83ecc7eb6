import type { MetricContext } from "../context/metric-context.js";
import { durationDays } from "../definition/duration-param.js";
import { signedOrderAmount } from "../fragments/money-rows.js";
import { openEnd } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §3 window statistics over W = [end − window, end), one row per
 * period, materialized once per report (shared relation `window_stats`) so
 * the seven value metrics do not each join every period to a year of orders.
 *
 * - revenue and #orders: running sums over orders and period markers in one
 *   ordered pass; the sum over W is cum(end) − cum(end − window), where
 *   cum(t) covers the orders before t (markers sort before orders at t).
 * - buyers (distinct customers with an order in W): a customer counts at
 *   `end` when its latest order before `end` is inside W (see buyerSpansSql).
 * - at_start / churned: customers active at the window start (spans) and
 *   those of them not active at the period end.
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
 * Customers active at the start of W per period, flagged `churned` when not
 * active at the period end (spans: active at t ⇔ lo < t ≤ hi).
 */
export function windowBaseSql(ctx: MetricContext): string {
  const ws = windowStart(ctx);
  return `SELECT DISTINCT p.idx, s.customer_id, (ca.customer_id IS NULL) AS churned
    FROM ${ctx.rel("periods")} p
    JOIN ${ctx.rel("customer_spans")} s ON s.lo < ${ws} AND ${ws} <= ${openEnd(ctx, "s.hi")}
    LEFT JOIN ${ctx.rel("customer_active")} ca ON ca.customer_id = s.customer_id AND ca.t = p.end_at`;
}

/** Orders and markers (end, end − window) summed in time order: t, cum_amount, cum_orders at each marker. */
function cumulativeAtMarkersSql(ctx: MetricContext): string {
  const p = ctx.rel("periods");
  const events = `
    SELECT o.ordered_at AS t, 1 AS k, ${signedOrderAmount(ctx)} AS amount, 1 AS n FROM orders o
    UNION ALL SELECT p.end_at, 0, NULL, NULL FROM ${p} p
    UNION ALL SELECT ${windowStart(ctx)}, 0, NULL, NULL FROM ${p} p`;
  return `SELECT t, MIN(cum_amount) AS cum_amount, MIN(cum_orders) AS cum_orders FROM (
      SELECT t, k, SUM(amount) OVER w AS cum_amount, SUM(n) OVER w AS cum_orders
      FROM (${events}) ev
      WINDOW w AS (ORDER BY t, k ROWS UNBOUNDED PRECEDING)
    ) c WHERE k = 0 GROUP BY t`;
}

/**
 * One span (lo, hi] per order with a customer: the ends at which this order is
 * the customer's latest before `end` and still inside W, i.e. (e, min(next
 * order, e + window)]. A customer's spans are disjoint, so the spans holding
 * `end` count the customers with an order in W.
 */
function buyerSpansSql(ctx: MetricContext): string {
  const next = `LEAD(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at)`;
  const reach = ctx.dialect.addSeconds("ordered_at", ctx.bind(windowDays(ctx) * DAY_SECONDS));
  return `SELECT ordered_at AS lo, LEAST(${openEnd(ctx, next)}, ${reach}) AS hi
    FROM orders WHERE customer_id IS NOT NULL`;
}

/** The `window_stats` relation: idx, revenue (NULL without orders), orders, buyers, at_start, churned. */
export function windowStatsSelect(ctx: MetricContext): string {
  const p = ctx.rel("periods");
  const cum = cumulativeAtMarkersSql(ctx);
  const amount = (alias: string) => `COALESCE(${alias}.cum_amount, 0)`;
  const count = (alias: string) => `COALESCE(${alias}.cum_orders, 0)`;
  return `
    WITH cum AS (${cum}),
    sums AS (
      SELECT p.idx, ${count("ce")} - ${count("cs")} AS orders, ${amount("ce")} - ${amount("cs")} AS revenue
      FROM ${p} p JOIN cum ce ON ce.t = p.end_at JOIN cum cs ON cs.t = ${windowStart(ctx)}
    ),
    buyers AS (
      SELECT p.idx, COUNT(*) AS buyers
      FROM ${p} p JOIN (${buyerSpansSql(ctx)}) b ON b.lo < p.end_at AND p.end_at <= b.hi
      GROUP BY p.idx
    ),
    base AS (
      SELECT idx, COUNT(*) AS at_start, SUM(CASE WHEN churned THEN 1 ELSE 0 END) AS churned
      FROM (${windowBaseSql(ctx)}) wb GROUP BY idx
    )
    SELECT p.idx, CASE WHEN s.orders > 0 THEN s.revenue END AS revenue, COALESCE(s.orders, 0) AS orders,
           COALESCE(b.buyers, 0) AS buyers, COALESCE(wb.at_start, 0) AS at_start, COALESCE(wb.churned, 0) AS churned
    FROM ${p} p
    LEFT JOIN sums s ON s.idx = p.idx
    LEFT JOIN buyers b ON b.idx = p.idx
    LEFT JOIN base wb ON wb.idx = p.idx`;
}
