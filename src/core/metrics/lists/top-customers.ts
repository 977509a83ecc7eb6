import type { DatasetSettings } from "../../model/settings.js";
import type { CompiledQuery } from "../../sql/compiled-query.js";
import type { SqlDialect } from "../../sql/dialect.js";
import { timestampText } from "../../sql/timestamp-text.js";
import { MetricContext } from "../context/metric-context.js";
import type { ReportPeriod } from "../context/report-period.js";
import { durationDays } from "../definition/duration-param.js";
import { RFM_WINDOW_PARAM } from "../relations/customer-rfm.js";
import { relationStatements } from "../relations/shared-relations.js";

/** `value`: revenue in the window first; `rfm`: R + F + M first, then revenue in the window. */
export type TopCustomersSort = "value" | "rfm";

export interface TopCustomersSpec {
  readonly top: number;
  readonly sort: TopCustomersSort;
  /** The instant RFM, lifetime revenue and MRR are taken at (exclusive). */
  readonly asOfMs: number;
  /** Duration text (`365d`, `6m`); default 365 d. */
  readonly window?: string;
}

export interface TopCustomersPlan {
  readonly prelude: readonly CompiledQuery[];
  readonly query: CompiledQuery;
  readonly windowDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Compiles the top-customers list: pure, SQL and bound values only. The
 * report-wide relations are built for one period, the window ending at
 * as-of, so the RFM columns are exactly those `--by rfm_segment` uses.
 * Columns: customer_id, name, company, segment, rfm_r, rfm_f, rfm_m,
 * rfm_score, rfm_segment, recency_days, window_revenue, lifetime_revenue,
 * orders (lifetime purchases), last_order_at, mrr (NULL when the data has
 * no subscriptions at all: MRR is not available, not 0).
 */
export function compileTopCustomers(
  spec: TopCustomersSpec,
  dialect: SqlDialect,
  settings: DatasetSettings,
): TopCustomersPlan {
  const params = { [RFM_WINDOW_PARAM.name]: spec.window ?? RFM_WINDOW_PARAM.default };
  const ctx = new MetricContext(dialect, settings, params);
  const windowDays = durationDays(ctx, RFM_WINDOW_PARAM.name, RFM_WINDOW_PARAM.default);
  const startMs = spec.asOfMs - windowDays * DAY_MS;
  const period: ReportPeriod = {
    label: "window",
    startMs,
    endMs: spec.asOfMs,
    startDate: isoDate(startMs),
    endDate: isoDate(spec.asOfMs),
    prevStartMs: startMs - windowDays * DAY_MS,
    prevEndMs: startMs,
  };
  const asOf = dialect.timestampParam(ctx.bind(timestampText(spec.asOfMs)));
  const refund = ctx.bind("refund");
  const signed = `CASE WHEN o.type = ${refund} THEN -ABS(o.amount_base) ELSE o.amount_base END`;
  const purchase = `(o.type IS NULL OR o.type <> ${refund})`;
  const lifetime = `
    SELECT o.customer_id, SUM(${signed}) AS lifetime_revenue, SUM(CASE WHEN ${purchase} THEN 1 ELSE 0 END) AS orders,
           MAX(CASE WHEN ${purchase} THEN o.ordered_at END) AS last_order_at
    FROM orders o WHERE o.ordered_at < ${asOf} GROUP BY o.customer_id`;
  const byId = ctx.dialect.binaryOrder("c.customer_id");
  const order =
    spec.sort === "value"
      ? `window_revenue DESC, lifetime_revenue DESC, ${byId}`
      : `(r.rfm_r + r.rfm_f + r.rfm_m) DESC NULLS LAST, window_revenue DESC, ${byId}`;
  const sql = `
    SELECT c.customer_id, c.name, c.company, c.segment, r.rfm_r, r.rfm_f, r.rfm_m, r.rfm_score, r.rfm_segment,
           r.recency_days, COALESCE(r.monetary, 0) AS window_revenue, COALESCE(l.lifetime_revenue, 0) AS lifetime_revenue,
           COALESCE(l.orders, 0) AS orders, l.last_order_at,
           CASE WHEN EXISTS (SELECT 1 FROM subscriptions) THEN COALESCE(m.mrr, 0) END AS mrr
    FROM customers c
    LEFT JOIN ${ctx.rel("customer_rfm")} r ON r.customer_id = c.customer_id
    LEFT JOIN (${lifetime}) l ON l.customer_id = c.customer_id
    LEFT JOIN ${ctx.rel("customer_mrr")} m ON m.customer_id = c.customer_id AND m.t = ${asOf}
    ORDER BY ${order}
    LIMIT ${ctx.bind(spec.top)}`;
  const prelude = relationStatements(ctx.used, { periods: [period] }, dialect, settings, params);
  return { prelude, query: { sql, params: ctx.params.values }, windowDays };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
