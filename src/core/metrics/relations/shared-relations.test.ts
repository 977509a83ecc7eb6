import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { periodsBetween } from "../../../calendar/periods.js";
import { loadDatasetSettings } from "../../../report/dataset-settings.js";
import { periodOptions, withCalendarContext } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";
import { compileReport } from "../compiler/compile-report.js";
import { MetricContext } from "../context/metric-context.js";
import { METRICS } from "../registry.js";
import { customerRfmSelect } from "./customer-rfm.js";

/**
 * Relations computed in a cheaper shape than their definition: each is
 * compared with the plain definition (range joins and grouped unions) on data
 * with edge cases: terms and orders on period boundaries, open and canceled
 * terms, customers acquired without activity, grains whose P−1 is no period
 * of the report.
 */

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** An instant in 2023–2024: a month start (a period boundary) a third of the time. */
function instant(next: () => number): string {
  const day = 86_400_000;
  const ms =
    next() < 0.33
      ? Date.UTC(2023, Math.floor(next() * 24), 1)
      : Date.UTC(2023, 0, 1) + Math.floor(next() * 730) * day + Math.floor(next() * 24) * 3_600_000;
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}

function dataset(seed: number) {
  const next = random(seed);
  const customers: TinyRow[] = Array.from({ length: 20 }, (_, i) => ({
    customer_id: `c${i}`,
    created_at: "2022-06-01 00:00:00",
    region: i % 3 === 0 ? null : `r${i % 3}`,
    // Some customers acquired explicitly, with or without activity afterwards.
    acquired_at: i % 5 === 0 ? instant(next) : null,
  }));
  const orders: TinyRow[] = Array.from({ length: 150 }, (_, i) => ({
    order_id: `o${i}`,
    customer_id: `c${Math.floor(next() * 20)}`,
    ordered_at: instant(next),
    amount: String(Math.round(next() * 10_000) / 100),
    type: next() < 0.15 ? "refund" : "purchase",
  }));
  // Ties: a second order of the same customer at the same instant; orders without a customer.
  for (const o of orders.slice(0, 15)) orders.push({ ...o, order_id: `${o.order_id}-tie` });
  for (const o of orders.slice(20, 24))
    orders.push({ ...o, order_id: `${o.order_id}-anon`, customer_id: null });
  const intervals = ["month", "quarter", "year"];
  const subscriptions: TinyRow[] = Array.from({ length: 40 }, (_, i) => {
    const start = instant(next);
    const end = next() < 0.3 ? null : instant(next);
    return {
      term_id: `t${i}`,
      subscription_id: `s${i}`,
      customer_id: `c${Math.floor(next() * 12)}`,
      amount: String(Math.round(next() * 50_000) / 100),
      interval: intervals[i % 3] ?? "month",
      start_at: start,
      end_at: end !== null && end <= start ? null : end,
      canceled_at: next() < 0.2 ? instant(next) : null,
    };
  });
  return { customers, orders, subscriptions };
}

async function buildRelations(engine: Engine, grain: "week" | "month" | "quarter", by: readonly string[]) {
  const settings = await loadDatasetSettings(engine);
  const options = periodOptions(settings, { grain });
  const periods = withCalendarContext(
    periodsBetween(Date.UTC(2023, 2, 1), Date.UTC(2024, 9, 31), options),
    options,
  );
  const plan = compileReport({ metrics: METRICS, by, params: {}, periods }, engine.dialect, settings);
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
  return plan;
}

/** Rows of `sql` as sorted text, so that two relations compare whatever their row order. */
async function rowsOf(engine: Engine, sql: string): Promise<string[]> {
  const rows = await engine.query({
    sql: `SELECT CAST(x AS VARCHAR) AS r FROM (${sql}) x ORDER BY r`,
    params: [],
  });
  return rows.map((r) => String(r.r));
}

/** `name:TYPE` of each column of `sql`, in the engine's type names (information_schema works on every engine). */
async function columnTypes(engine: Engine, sql: string): Promise<string[]> {
  const probe = engine.dialect.quoteIdentifier("column_types_probe");
  for (const statement of engine.dialect.createTempTableAs(probe, `SELECT * FROM (${sql}) x LIMIT 0`)) {
    await engine.execute(statement);
  }
  const rows = await engine.query({
    sql: `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'column_types_probe' ORDER BY ordinal_position`,
    params: [],
  });
  await engine.execute(`DROP TABLE ${probe}`);
  return rows.map((r) => `${r.column_name}:${String(r.data_type).toUpperCase()}`);
}

const PLAIN_FIRST_ORDERS = `
  SELECT order_id FROM (
    SELECT order_id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at, order_id) AS rn FROM orders
  ) f WHERE f.rn = 1`;

const PLAIN_PREVIOUS_ORDERS = `
  SELECT p.idx, o.order_id, o.customer_id, o.ordered_at, o.type, o.amount_base,
         CASE WHEN o.type = 'refund' THEN -ABS(o.amount_base) ELSE o.amount_base END AS amount, c.acquired_eff,
         o.order_id IN (${PLAIN_FIRST_ORDERS}) AS first_order
  FROM rpt_periods p JOIN orders o ON o.ordered_at >= p.prev_start_at AND o.ordered_at < p.prev_end_at
  LEFT JOIN rpt_customers c ON c.customer_id = o.customer_id`;

/** Purchases ordered with a tie-break by order_id, every span kept but the empty ones (window 365 days). */
const PLAIN_PURCHASE_SPANS = `
  SELECT customer_id, k, lo, hi FROM (
    SELECT customer_id, 0 AS k, t AS lo, LEAST(COALESCE(n1, TIMESTAMP '9999-12-31 00:00:00'), t + INTERVAL '365 days') AS hi FROM b
    UNION ALL
    SELECT customer_id, 1, n1, LEAST(COALESCE(n2, TIMESTAMP '9999-12-31 00:00:00'), t + INTERVAL '365 days') FROM b WHERE n1 IS NOT NULL
  ) s WHERE lo < hi`;
const PLAIN_PURCHASES = `
  SELECT customer_id, ordered_at AS t,
         LEAD(ordered_at, 1) OVER (PARTITION BY customer_id ORDER BY ordered_at, order_id) AS n1,
         LEAD(ordered_at, 2) OVER (PARTITION BY customer_id ORDER BY ordered_at, order_id) AS n2
  FROM orders WHERE customer_id IS NOT NULL AND type <> 'refund'`;

const PLAIN_PERIOD_MRR = `
  SELECT x.idx, x.customer_id, SUM(x.s) AS s, SUM(x.e) AS e,
         COALESCE(MIN(fp.first_paid) < MIN(x.start_at), FALSE) AS paid_before
  FROM (
    SELECT p.idx, p.start_at, r.customer_id, r.mrr AS s, 0 AS e FROM rpt_periods p JOIN rpt_customer_mrr r ON r.t = p.start_at
    UNION ALL
    SELECT p.idx, p.start_at, r.customer_id, 0, r.mrr FROM rpt_periods p JOIN rpt_customer_mrr r ON r.t = p.end_at
  ) x
  LEFT JOIN (SELECT customer_id, MIN(start_at) AS first_paid FROM subscriptions WHERE amount_base > 0 GROUP BY customer_id) fp
    ON fp.customer_id = x.customer_id
  GROUP BY x.idx, x.customer_id`;

const PLAIN_PERIOD_CUSTOMERS = `
  SELECT x.idx, x.customer_id, MAX(x.at_start) = 1 AS active_start, MAX(x.at_end) = 1 AS active_end,
         MAX(x.acquired_in) = 1 AS acquired_in
  FROM (
    SELECT p.idx, a.customer_id, 1 AS at_start, 0 AS at_end, 0 AS acquired_in FROM rpt_periods p JOIN rpt_customer_active a ON a.t = p.start_at
    UNION ALL
    SELECT p.idx, a.customer_id, 0, 1, 0 FROM rpt_periods p JOIN rpt_customer_active a ON a.t = p.end_at
    UNION ALL
    SELECT p.idx, c.customer_id, 0, 0, 1 FROM rpt_periods p JOIN rpt_customers c ON c.acquired_eff >= p.start_at AND c.acquired_eff < p.end_at
  ) x
  GROUP BY x.idx, x.customer_id`;

describe("shared relations equal their plain definitions", () => {
  for (const [seed, grain] of [
    [7, "month"],
    [2, "week"],
    [3, "quarter"],
  ] as const) {
    it(`previous_period_orders, period_mrr, period_customers, first_orders, purchase_spans (seed ${seed}, ${grain})`, async () => {
      const engine = await tinyDataset(dataset(seed), { inactivity_days: 45 });
      await buildRelations(engine, grain, []);
      for (const [table, plain] of [
        ["rpt_previous_period_orders", PLAIN_PREVIOUS_ORDERS],
        ["rpt_period_mrr", PLAIN_PERIOD_MRR],
        ["rpt_period_customers", PLAIN_PERIOD_CUSTOMERS],
        ["rpt_first_orders", PLAIN_FIRST_ORDERS],
        ["rpt_purchase_spans", `WITH b AS (${PLAIN_PURCHASES}) ${PLAIN_PURCHASE_SPANS}`],
      ] as const) {
        const ours = await rowsOf(engine, `SELECT * FROM ${table}`);
        expect(ours.length, table).toBeGreaterThan(10);
        expect(ours, table).toEqual(await rowsOf(engine, plain));
        expect(await columnTypes(engine, `SELECT * FROM ${table}`), table).toEqual(
          await columnTypes(engine, plain),
        );
      }
      // The data covers every case each relation tells apart.
      const flags = await engine.query({
        sql: `SELECT BOOL_OR(active_start AND NOT active_end) AS left_, BOOL_OR(active_end AND NOT active_start) AS joined,
                     BOOL_OR(acquired_in AND NOT active_start AND NOT active_end) AS acquired_only,
                     (SELECT BOOL_OR(s = 0) AND BOOL_OR(e = 0) AND BOOL_OR(paid_before) AND BOOL_OR(NOT paid_before)
                      FROM rpt_period_mrr) AS mrr_cases
              FROM rpt_period_customers`,
        params: [],
      });
      expect(flags[0]).toEqual({ left_: true, joined: true, acquired_only: true, mrr_cases: true });
    });
  }
});

describe("customers", () => {
  it("holds the RFM columns only for a report broken down by one of them, equal to customer_rfm's", async () => {
    const engine = await tinyDataset(dataset(4));
    await buildRelations(engine, "month", ["region"]);
    const columns = await columnTypes(engine, "SELECT * FROM rpt_customers");
    expect(columns.some((c) => c.startsWith("region:"))).toBe(true);
    expect(columns.filter((c) => c.startsWith("rfm_"))).toEqual([]);

    const plan = await buildRelations(engine, "month", ["rfm_segment"]);
    expect(plan.prelude.some((s) => s.sql.includes('"rpt_customer_rfm"'))).toBe(false);
    const ours = await rowsOf(engine, "SELECT customer_id, rfm_segment, rfm_score FROM rpt_customers");
    expect(ours.filter((r) => !r.includes("rfm_segment: NULL")).length).toBeGreaterThan(10);
    // customer_rfm as of the same instant: the end of the report's last period.
    const ctx = new MetricContext(engine.dialect, await loadDatasetSettings(engine), {});
    const rfm = customerRfmSelect(ctx, "(SELECT MAX(end_at) FROM rpt_periods)");
    const plain = await engine.query({
      sql: `SELECT CAST(x AS VARCHAR) AS r FROM (
              SELECT c.customer_id, r.rfm_segment, r.rfm_score FROM customers c LEFT JOIN (${rfm}) r ON r.customer_id = c.customer_id
            ) x ORDER BY r`,
      params: ctx.params.values,
    });
    expect(ours).toEqual(plain.map((r) => String(r.r)));
  });
});
