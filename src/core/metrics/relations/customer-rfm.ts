import type { MetricContext } from "../context/metric-context.js";
import { durationDays } from "../definition/duration-param.js";

/**
 * RFM: recency, frequency and monetary value per customer, scored 1..5 by
 * quintile (5 best) and named by the R/F grid below. The as-of instant is
 * the end of the report's last period; the window (parameter `rfm_window`,
 * default 365 d) ends there.
 *
 * - Recency: days from the customer's last purchase (any time before as-of,
 *   refunds excluded) to as-of.
 * - Frequency: purchases (refunds excluded) in the window.
 * - Monetary: Σ signed order amounts in base currency in the window (a refund
 *   counts −|amount|, METRICS.md "Values").
 *
 * Scored: customers with a purchase before as-of; everyone else gets null
 * scores and a null segment. Each score is a rank-based quintile over the
 * scored customers, ordered worst to best: score = 1 + ⌊5 × (rank − 1) / n⌋,
 * where rank is SQL `RANK()` (equal values share the lowest rank of their
 * group) and n the number of scored customers. Equal values therefore get
 * equal scores, whatever their ids. A customer without a purchase in the
 * window gets F = 1 and M = 1, the lowest, whatever the others' values
 * (refunds can make their monetary negative; it still is the lowest score).
 */
export const RFM_SEGMENTS = [
  "champions",
  "loyal_customers",
  "potential_loyalists",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose_them",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_WINDOW_PARAM = { name: "rfm_window", default: "365d" } as const;

/** The RFM columns that are customer dimensions (`--by rfm_segment`): the report's customers hold them. */
export const RFM_DIMENSIONS = ["rfm_segment", "rfm_score"] as const;

/**
 * The R × F grid (rows: R score 5..1, columns: F score 1..5), the widely
 * published ten-segment RFM map with R1·F1 split off as `lost`
 * (see docs/customers.md for the source).
 */
export const RFM_GRID: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly RfmSegment[]>> = {
  5: ["new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions"],
  4: ["promising", "potential_loyalists", "potential_loyalists", "loyal_customers", "loyal_customers"],
  3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal_customers", "loyal_customers"],
  2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
  1: ["lost", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
};

/** The segment of an R and F score (1..5 each). */
export function rfmSegmentOf(r: number, f: number): RfmSegment | null {
  const row = RFM_GRID[r as 1 | 2 | 3 | 4 | 5];
  return row?.[f - 1] ?? null;
}

/** `CASE` over the grid: the segment of columns `r` and `f`, null when unscored. */
function segmentCase(ctx: MetricContext, r: string, f: string): string {
  const arms: string[] = [];
  for (const [rScore, row] of Object.entries(RFM_GRID)) {
    row.forEach((segment, i) => {
      arms.push(
        `WHEN ${r} = ${ctx.bind(Number(rScore))} AND ${f} = ${ctx.bind(i + 1)} THEN ${ctx.bind(segment)}`,
      );
    });
  }
  return `CASE ${arms.join(" ")} END`;
}

/**
 * One row per scored customer: `customer_id`, `last_order_at`,
 * `recency_days`, `frequency`, `monetary`, `rfm_r`, `rfm_f`, `rfm_m`,
 * `rfm_score` (text, e.g. `545`), `rfm_segment`. `asOf` is an SQL timestamp
 * expression.
 */
export function customerRfmSelect(ctx: MetricContext, asOf: string): string {
  const windowDays = durationDays(ctx, RFM_WINDOW_PARAM.name, RFM_WINDOW_PARAM.default);
  const refund = ctx.bind("refund");
  const windowStart = ctx.dialect.addSeconds("a.t", ctx.bind(-windowDays * 86_400));
  const inWindow = `o.ordered_at >= ${windowStart}`;
  const signed = `CASE WHEN o.type = ${refund} THEN -ABS(o.amount_base) ELSE o.amount_base END`;
  const purchase = `(o.type IS NULL OR o.type <> ${refund})`;
  const base = `
    SELECT o.customer_id, a.t AS as_of,
           MAX(CASE WHEN ${purchase} THEN o.ordered_at END) AS last_order_at,
           SUM(CASE WHEN ${purchase} AND ${inWindow} THEN 1 ELSE 0 END) AS frequency,
           COALESCE(SUM(CASE WHEN ${inWindow} THEN ${signed} END), 0) AS monetary
    FROM orders o JOIN customers c ON c.customer_id = o.customer_id
    CROSS JOIN (SELECT ${asOf} AS t) a
    WHERE o.ordered_at < a.t
    GROUP BY o.customer_id, a.t`;
  const recency = `FLOOR(${ctx.dialect.secondsBetween("b.last_order_at", "b.as_of")} / ${ctx.bind(86_400)})`;
  // Worst first, so 5 is the best fifth; RANK gives ties one rank, so no id decides a score.
  const quintile = (order: string) =>
    `CAST(1 + FLOOR(5 * (RANK() OVER (ORDER BY ${order}) - 1) / COUNT(*) OVER ()) AS INTEGER)`;
  const noPurchaseInWindow = "b.frequency = 0";
  const scored = `
    SELECT b.customer_id, b.last_order_at, ${recency} AS recency_days, b.frequency, b.monetary,
           ${quintile(`${recency} DESC`)} AS rfm_r,
           CASE WHEN ${noPurchaseInWindow} THEN 1 ELSE ${quintile("b.frequency")} END AS rfm_f,
           CASE WHEN ${noPurchaseInWindow} THEN 1 ELSE ${quintile("b.monetary")} END AS rfm_m
    FROM (${base}) b WHERE b.last_order_at IS NOT NULL`;
  return `
    SELECT s.*, CONCAT(CAST(s.rfm_r AS VARCHAR), CAST(s.rfm_f AS VARCHAR), CAST(s.rfm_m AS VARCHAR)) AS rfm_score,
           ${segmentCase(ctx, "s.rfm_r", "s.rfm_f")} AS rfm_segment
    FROM (${scored}) s`;
}
