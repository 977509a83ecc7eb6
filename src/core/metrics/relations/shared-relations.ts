import type { DatasetSettings } from "../../model/settings.js";
import type { CompiledQuery } from "../../sql/compiled-query.js";
import { MONEY_SQL_TYPE, type SqlDialect } from "../../sql/dialect.js";
import { timestampText } from "../../sql/timestamp-text.js";
import { MetricContext } from "../context/metric-context.js";
import {
  CUSTOMER_SCORES_TABLE,
  type SharedRelationName,
  sharedRelationTable,
} from "../context/relation-names.js";
import type { ReportInput } from "../context/report-period.js";
import { signedOrderAmount } from "../fragments/money-rows.js";
import { openEnd, periodJoin } from "../fragments/sql-helpers.js";
import { customerRfmSelect, RFM_DIMENSIONS } from "./customer-rfm.js";
import { stageEntriesSql } from "./deal-stage-history.js";
import { windowStatsBySegmentSelect } from "./window-segments.js";
import { purchaseSpansSelect, windowBaseSql, windowOrdersSelect, windowStatsSelect } from "./window-stats.js";

/**
 * Report-wide relations, materialized once per report as temporary tables.
 * Each is plain SQL over the canonical tables and the ones before it.
 *
 * Instants: a customer is "active at t" when evaluated just before t
 * (METRICS.md, exact readings), so every rule becomes a span (lo, hi]:
 * active at t ⇔ lo < t ≤ hi. Subscription terms give (start_at, min(end_at,
 * canceled_at)]; purchases give (e, e + inactivity] per event e, merged
 * into islands and cut at acquired_at.
 */

/** The mean Gregorian month, 365.25 / 12 days. */
const MEAN_MONTH_MS = (365.25 / 12) * 86_400_000;

interface SharedRelation {
  readonly dependsOn: readonly SharedRelationName[];
  select(ctx: MetricContext, input: ReportInput): string;
}

const RELATIONS: Record<SharedRelationName, SharedRelation> = {
  periods: {
    dependsOn: [],
    select(ctx, input) {
      const ts = (ms: number) => ctx.dialect.timestampParam(ctx.bind(timestampText(ms)));
      const date = (d: string) => `CAST(${ctx.bind(d)} AS DATE)`;
      const rows = input.periods.map(
        (p, i) =>
          `SELECT CAST(${ctx.bind(i)} AS INTEGER) AS idx, ${ctx.bind(p.label)} AS label, ${ts(p.startMs)} AS start_at, ${ts(p.endMs)} AS end_at, ` +
          `${date(p.startDate)} AS start_date, ${date(p.endDate)} AS end_date, ${ts(p.prevStartMs)} AS prev_start_at, ${ts(p.prevEndMs)} AS prev_end_at, ` +
          `CAST(${ctx.bind(p.months ?? (p.endMs - p.startMs) / MEAN_MONTH_MS)} AS DOUBLE PRECISION) AS months`,
      );
      return rows.join("\nUNION ALL\n");
    },
  },
  instants: {
    dependsOn: ["periods"],
    select: (ctx) => {
      const p = ctx.rel("periods");
      return `SELECT start_at AS t FROM ${p} UNION SELECT end_at AS t FROM ${p}`;
    },
  },
  customer_rfm: {
    dependsOn: ["periods"],
    // As of the end of the report's last period (customer-rfm.ts).
    select: (ctx) => customerRfmSelect(ctx, `(SELECT MAX(end_at) FROM ${ctx.rel("periods")})`),
  },
  customers: {
    dependsOn: ["periods"],
    // acquired_at: the explicit one wins; else the earliest of the first won
    // deal, the first order and the first term (METRICS.md §1). RFM columns
    // are customer dimensions (`--by rfm_segment`), computed only for a report
    // broken down by one of them: nothing else reads them from this relation.
    select(ctx, input) {
      const withRfm = (input.by ?? []).some((d) => (RFM_DIMENSIONS as readonly string[]).includes(d));
      const rfmColumns = withRfm ? RFM_DIMENSIONS.map((d) => `, rfm.${d}`).join("") : "";
      const rfmJoin = withRfm
        ? `LEFT JOIN (${customerRfmSelect(ctx, `(SELECT MAX(end_at) FROM ${ctx.rel("periods")})`)}) rfm ON rfm.customer_id = c.customer_id`
        : "";
      const scored = (input.scoreDimensions ?? []).filter((d) => (input.by ?? []).includes(d));
      const q = (name: string) => ctx.dialect.quoteIdentifier(name);
      const scoreColumns = scored.map((d) => `, sc.${q(d)}`).join("");
      const scoreJoin =
        scored.length > 0 ? `LEFT JOIN ${q(CUSTOMER_SCORES_TABLE)} sc ON sc.customer_id = c.customer_id` : "";
      return `
      SELECT c.*, COALESCE(c.acquired_at, LEAST(d.first_won, o.first_order, s.first_term)) AS acquired_eff,
             (s.first_term IS NOT NULL) AS has_terms${rfmColumns}${scoreColumns}
      FROM customers c
      ${rfmJoin}
      ${scoreJoin}
      LEFT JOIN (SELECT customer_id, MIN(closed_at) AS first_won FROM deals WHERE status = 'won' GROUP BY customer_id) d
        ON d.customer_id = c.customer_id
      LEFT JOIN (SELECT customer_id, MIN(ordered_at) AS first_order FROM orders GROUP BY customer_id) o
        ON o.customer_id = c.customer_id
      LEFT JOIN (SELECT customer_id, MIN(start_at) AS first_term FROM subscriptions GROUP BY customer_id) s
        ON s.customer_id = c.customer_id`;
    },
  },
  customer_spans: {
    dependsOn: ["customers"],
    select(ctx) {
      const c = ctx.rel("customers");
      const mode = ctx.settings.activity;
      const inactivity = ctx.days(ctx.settings.inactivity_days);
      // Which rule each customer follows: `auto` decides per customer.
      const subscriptionRule =
        mode === "subscription" ? "TRUE" : mode === "purchase" ? "FALSE" : "c.has_terms";
      const termSpans = `
        SELECT t.customer_id, t.start_at AS lo,
               CASE WHEN t.end_at IS NULL THEN t.canceled_at
                    WHEN t.canceled_at IS NULL THEN t.end_at
                    ELSE LEAST(t.end_at, t.canceled_at) END AS hi
        FROM subscriptions t JOIN ${c} c ON c.customer_id = t.customer_id
        WHERE c.acquired_eff IS NOT NULL AND ${subscriptionRule}`;
      const events = `
        SELECT o.customer_id, o.ordered_at AS e FROM orders o JOIN ${c} c ON c.customer_id = o.customer_id
        WHERE c.acquired_eff IS NOT NULL AND NOT (${subscriptionRule})
        UNION ALL
        SELECT c.customer_id, c.acquired_eff AS e FROM ${c} c
        WHERE c.acquired_eff IS NOT NULL AND NOT (${subscriptionRule})`;
      // Gaps and islands: an event farther than `inactivity` after the previous starts a new island.
      const islands = `
        SELECT customer_id, e, SUM(CASE WHEN prev_e IS NULL OR e > ${ctx.dialect.addSeconds("prev_e", inactivity)} THEN 1 ELSE 0 END)
                 OVER (PARTITION BY customer_id ORDER BY e ROWS UNBOUNDED PRECEDING) AS island
        FROM (SELECT customer_id, e, LAG(e) OVER (PARTITION BY customer_id ORDER BY e) AS prev_e FROM (${events}) ev) x`;
      const purchaseSpans = `
        SELECT i.customer_id, GREATEST(MIN(i.e), MIN(c.acquired_eff)) AS lo, ${ctx.dialect.addSeconds("MAX(i.e)", inactivity)} AS hi
        FROM (${islands}) i JOIN ${c} c ON c.customer_id = i.customer_id
        GROUP BY i.customer_id, i.island`;
      return `SELECT customer_id, lo, hi FROM (${termSpans}) ts
              UNION ALL
              SELECT customer_id, lo, hi FROM (${purchaseSpans}) ps WHERE lo < hi`;
    },
  },
  customer_active: {
    dependsOn: ["customer_spans", "instants"],
    select: (ctx) => `
      SELECT DISTINCT s.customer_id, i.t
      FROM ${ctx.rel("customer_spans")} s JOIN ${ctx.rel("instants")} i
        ON s.lo < i.t AND i.t <= ${openEnd(ctx, "s.hi")}`,
  },
  customer_mrr: {
    dependsOn: ["instants"],
    // MRR at t: terms with start_at < t ≤ min(end_at, canceled_at), amount per month.
    // Each term's monthly amount is rounded back to the money type before summing: a
    // DECIMAL quotient is a DOUBLE, whose parallel sum differs run to run in the last digits.
    select: (ctx) => `
      SELECT s.customer_id, i.t,
             SUM(CAST(s.amount_base / CASE s.interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END AS ${MONEY_SQL_TYPE})) AS mrr
      FROM subscriptions s JOIN ${ctx.rel("instants")} i
        ON s.start_at < i.t AND i.t <= LEAST(${openEnd(ctx, "s.end_at")}, ${openEnd(ctx, "s.canceled_at")})
      GROUP BY s.customer_id, i.t`,
  },
  period_customers: {
    dependsOn: ["periods", "customers", "customer_active"],
    // One row per (period, customer) that matters to §1: active at start or
    // end, or acquired in the period. Only acquired customers count. Each
    // part has at most one row per (period, customer) (customer_active is
    // distinct, customer_id a key), so full joins pair them without grouping.
    select(ctx) {
      const p = ctx.rel("periods");
      const a = ctx.rel("customer_active");
      const c = ctx.rel("customers");
      return `
        SELECT COALESCE(se.idx, q.idx) AS idx, COALESCE(se.customer_id, q.customer_id) AS customer_id,
               COALESCE(se.active_start, FALSE) AS active_start, COALESCE(se.active_end, FALSE) AS active_end,
               q.customer_id IS NOT NULL AS acquired_in
        FROM (
          SELECT COALESCE(s.idx, e.idx) AS idx, COALESCE(s.customer_id, e.customer_id) AS customer_id,
                 s.customer_id IS NOT NULL AS active_start, e.customer_id IS NOT NULL AS active_end
          FROM (SELECT p.idx, a.customer_id FROM ${p} p JOIN ${a} a ON a.t = p.start_at) s
          FULL JOIN (SELECT p.idx, a.customer_id FROM ${p} p JOIN ${a} a ON a.t = p.end_at) e
            ON e.idx = s.idx AND e.customer_id = s.customer_id
        ) se
        FULL JOIN (SELECT p.idx, c.customer_id FROM ${p} p JOIN ${c} c ON ${periodJoin(ctx, "c.acquired_eff")}) q
          ON q.idx = se.idx AND q.customer_id = se.customer_id`;
    },
  },
  period_mrr: {
    dependsOn: ["periods", "customer_mrr"],
    // §2 MRR movements: each customer's MRR at the start (s) and end (e) of P, and
    // whether a paid term began before P; customers with neither MRR are left out.
    // customer_mrr has one row per (customer, instant), so each side has at most
    // one row per (period, customer): a full join pairs them without grouping.
    select(ctx) {
      const at = (instant: "start_at" | "end_at") =>
        `SELECT p.idx, p.start_at, r.customer_id, r.mrr FROM ${ctx.rel("periods")} p JOIN ${ctx.rel("customer_mrr")} r ON r.t = p.${instant}`;
      return `
        SELECT COALESCE(s.idx, e.idx) AS idx, COALESCE(s.customer_id, e.customer_id) AS customer_id,
               COALESCE(s.mrr, 0) AS s, COALESCE(e.mrr, 0) AS e,
               COALESCE(fp.first_paid < COALESCE(s.start_at, e.start_at), FALSE) AS paid_before
        FROM (${at("start_at")}) s
        FULL JOIN (${at("end_at")}) e ON e.idx = s.idx AND e.customer_id = s.customer_id
        LEFT JOIN (SELECT customer_id, MIN(start_at) AS first_paid FROM subscriptions WHERE amount_base > 0 GROUP BY customer_id) fp
          ON fp.customer_id = COALESCE(s.customer_id, e.customer_id)`;
    },
  },
  window_orders: {
    dependsOn: ["periods"],
    // §3 each order's bucket between period markers and its buyer span (relations/window-stats.ts).
    select: (ctx) => windowOrdersSelect(ctx),
  },
  window_base: {
    dependsOn: ["periods", "customer_spans", "customer_active"],
    // §3 customers active at each window start, and whether they churned by the period end.
    select: (ctx) => windowBaseSql(ctx),
  },
  window_stats: {
    dependsOn: ["periods", "window_orders", "window_base"],
    // §3 revenue, orders, buyers and churn over the value window (relations/window-stats.ts).
    select: (ctx) => windowStatsSelect(ctx),
  },
  window_stats_by: {
    dependsOn: ["periods", "customers", "window_orders", "window_base"],
    // The same per segment of the report's customer dimensions (relations/window-segments.ts).
    select: (ctx, input) => windowStatsBySegmentSelect(ctx, input),
  },
  purchase_spans: {
    dependsOn: [],
    // §3 repeat purchases: each customer's spans of "bought in W" and "bought twice in W" (relations/window-stats.ts).
    select: (ctx) => purchaseSpansSelect(ctx),
  },
  period_orders: {
    dependsOn: ["periods", "customers", "first_orders"],
    select: (ctx) => periodOrdersSelect(ctx, "p.start_at", "p.end_at"),
  },
  previous_period_orders: {
    dependsOn: ["periods", "customers", "first_orders", "period_orders"],
    // The same for P−1 of each period (rates against the period before). P−1
    // is mostly a period of the report too (the one before): its rows are
    // copied from period_orders; only the other P−1 (the first one's) take a range join.
    select(ctx) {
      const p = ctx.rel("periods");
      const sameRange = (q: string) => `${q}.start_at = p.prev_start_at AND ${q}.end_at = p.prev_end_at`;
      return `
        SELECT p.idx, po.order_id, po.customer_id, po.ordered_at, po.type, po.amount_base, po.amount, po.acquired_eff, po.first_order
        FROM ${p} p
        JOIN (SELECT start_at, end_at, MIN(idx) AS idx FROM ${p} GROUP BY start_at, end_at) q ON ${sameRange("q")}
        JOIN ${ctx.rel("period_orders")} po ON po.idx = q.idx
        UNION ALL
        ${periodOrdersSelect(ctx, "p.prev_start_at", "p.prev_end_at", `(SELECT * FROM ${p} p WHERE NOT EXISTS (SELECT 1 FROM ${p} q WHERE ${sameRange("q")}))`)}`;
    },
  },
  period_customer_revenue: {
    dependsOn: ["period_orders"],
    // Net revenue per customer and period (orders without a customer form one NULL row), for rankings.
    select: (ctx) =>
      `SELECT idx, customer_id, SUM(amount) AS revenue FROM ${ctx.rel("period_orders")} GROUP BY idx, customer_id`,
  },
  first_orders: {
    dependsOn: [],
    // Each customer's first order by (ordered_at, order_id), any type (new revenue, window first_order);
    // orders without a customer count as one customer, as a window partition would.
    // Two hash aggregations instead of sorting every order (ordered_at and order_id are required).
    // The customer matches by `=` (a join on the distribution column that Citus and partitionwise
    // plans push down; IS NOT DISTINCT FROM is none), the orders without one in a branch of their own.
    select: (ctx) => {
      const first = ctx.dialect.binaryOrder("o.order_id");
      return `
      SELECT MIN(${first}) AS order_id
      FROM orders o JOIN (SELECT customer_id, MIN(ordered_at) AS first_at FROM orders GROUP BY customer_id) f
        ON f.customer_id = o.customer_id AND o.ordered_at = f.first_at
      GROUP BY o.customer_id
      UNION ALL
      SELECT MIN(${first}) FROM orders o
      WHERE o.customer_id IS NULL AND o.ordered_at = (SELECT MIN(ordered_at) FROM orders WHERE customer_id IS NULL)
      GROUP BY o.customer_id`;
    },
  },
  stage_entries: {
    dependsOn: [],
    // §4 stage entries with their exits, and the highest stage rank the deal entered afterwards.
    select: (ctx) => stageEntriesSql(ctx.dialect, { laterRank: true }),
  },
};

/**
 * Orders of each period (idx) in [start, end): the order's columns, `amount`
 * (signed, base currency: a refund counts −|amount|), the customer's
 * `acquired_eff` (on the order row, so a filter on it does not make the
 * planner pair every customer with every period) and `first_order`, whether
 * it is its customer's first (one join here instead of a lookup per metric
 * and window). One range join per report instead of one per metric;
 * `periods` (alias `p`) may be a subset of them.
 */
function periodOrdersSelect(
  ctx: MetricContext,
  start: string,
  end: string,
  periods = ctx.rel("periods"),
): string {
  return `
    SELECT p.idx, o.order_id, o.customer_id, o.ordered_at, o.type, o.amount_base, ${signedOrderAmount(ctx)} AS amount, c.acquired_eff,
           fo.order_id IS NOT NULL AS first_order
    FROM ${periods} p JOIN orders o ON ${start === "p.start_at" ? periodJoin(ctx, "o.ordered_at") : `o.ordered_at >= ${start} AND o.ordered_at < ${end}`}
    LEFT JOIN ${ctx.rel("customers")} c ON c.customer_id = o.customer_id
    LEFT JOIN ${ctx.rel("first_orders")} fo ON fo.order_id = o.order_id`;
}

/** The relations `used` need, dependencies first. */
export function orderRelations(used: Iterable<SharedRelationName>): SharedRelationName[] {
  const ordered: SharedRelationName[] = [];
  const visit = (name: SharedRelationName) => {
    if (ordered.includes(name)) return;
    for (const dep of RELATIONS[name].dependsOn) visit(dep);
    ordered.push(name);
  };
  for (const name of used) visit(name);
  return ordered;
}

export function sharedRelationSelect(
  name: SharedRelationName,
  ctx: MetricContext,
  input: ReportInput,
): string {
  return RELATIONS[name].select(ctx, input);
}

/**
 * The statements that materialize `used` (and what they depend on) as
 * temporary tables, dependencies first: a report's prelude.
 */
export function relationStatements(
  used: Iterable<SharedRelationName>,
  input: ReportInput,
  dialect: SqlDialect,
  settings: DatasetSettings,
  metricParams: Readonly<Record<string, string>> = {},
): CompiledQuery[] {
  return orderRelations(used).flatMap((name) => {
    const ctx = new MetricContext(dialect, settings, metricParams);
    const select = sharedRelationSelect(name, ctx, input);
    const table = dialect.quoteIdentifier(sharedRelationTable(name));
    const statements = dialect.createTempTableAs(table, select);
    // The parameters belong to the statement that holds the SELECT.
    return statements.map((sql) => ({ sql, params: sql.includes(select) ? ctx.params.values : [] }));
  });
}
