import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { periodsBetween } from "../../../calendar/periods.js";
import { loadDatasetSettings } from "../../../report/dataset-settings.js";
import { periodOptions, withCalendarContext } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";
import { compileReport } from "../compiler/compile-report.js";
import { METRICS } from "../registry.js";

/**
 * `window_stats` (and `window_stats_by`, per segment) computes revenue and #orders with running sums and buyers
 * with per-order spans; these tests compare it with the plain definition (every
 * period joined to the orders of its window) on data full of edge cases:
 * orders exactly at a window start or a period end, several orders of a
 * customer at one instant, refunds, orders without a customer.
 */

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** Month starts of 2023–2025 and the same instants minus 365 days: the boundaries of every window. */
function boundaries(): string[] {
  const out: string[] = [];
  for (let y = 2023; y <= 2025; y++) {
    for (let m = 1; m <= 12; m++) {
      const start = Date.UTC(y, m - 1, 1);
      out.push(new Date(start).toISOString(), new Date(start - 365 * 86_400_000).toISOString());
    }
  }
  return out.map((iso) => iso.replace("T", " ").slice(0, 19));
}

function ordersFor(seed: number, count: number): TinyRow[] {
  const next = random(seed);
  const edges = boundaries().filter((t) => t >= "2023-01-01");
  const rows: TinyRow[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    // A third of the orders sit exactly on a boundary; the rest anywhere in 2023–2025.
    const at =
      r < 0.33
        ? (edges[Math.floor(next() * edges.length)] ?? "2024-01-01 00:00:00")
        : new Date(
            Date.UTC(2023, 0, 1) +
              Math.floor(next() * 3 * 365) * 86_400_000 +
              Math.floor(next() * 4) * 3_600_000,
          )
            .toISOString()
            .replace("T", " ")
            .slice(0, 19);
    const customer = next() < 0.1 ? null : `c${Math.floor(next() * 12)}`;
    rows.push({
      order_id: `o${i}`,
      customer_id: customer,
      ordered_at: at,
      amount: String(Math.round(next() * 10_000) / 100),
      type: next() < 0.15 ? "refund" : "purchase",
    });
    // Now and then a second order of the same customer at the same instant.
    if (next() < 0.1) rows.push({ ...rows[rows.length - 1], order_id: `o${i}b` });
  }
  return rows;
}

/** Builds the report-wide relations of customer_value (and clv: the window base) for 36 months of 2023–2025. */
async function buildRelations(engine: Engine, params: Record<string, string>, by: readonly string[] = []) {
  const settings = await loadDatasetSettings(engine);
  const options = periodOptions(settings, { grain: "month" });
  // 36 months of 2023–2025 (the orders' span).
  const periods = withCalendarContext(
    periodsBetween(Date.UTC(2023, 0, 1), Date.UTC(2025, 11, 31), options),
    options,
  );
  const metrics = METRICS.filter((m) => m.id === "customer_value" || m.id === "clv");
  const plan = compileReport({ metrics, by, params, periods }, engine.dialect, settings);
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
}

async function windowStats(engine: Engine, params: Record<string, string>) {
  await buildRelations(engine, params);
  const days = Number((params.window ?? "365d").replace("d", ""));
  const ours = await engine.query({
    sql: "SELECT idx, CAST(revenue AS VARCHAR) AS revenue, orders, buyers FROM rpt_window_stats ORDER BY idx",
    params: [],
  });
  const plain = await engine.query({
    sql: `SELECT p.idx, CAST(SUM(CASE WHEN o.type = 'refund' THEN -ABS(o.amount_base) ELSE o.amount_base END) AS VARCHAR) AS revenue,
            COUNT(o.order_id) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
          FROM rpt_periods p LEFT JOIN orders o
            ON o.ordered_at >= ${windowStart(engine)} AND o.ordered_at < p.end_at
          GROUP BY p.idx ORDER BY p.idx`,
    params: [days * 86_400],
  });
  return { ours, plain };
}

/** The start of a period's value window: its end less $1 seconds. */
function windowStart(engine: Engine): string {
  return engine.dialect.addSeconds("p.end_at", "-CAST($1 AS DOUBLE PRECISION)");
}

/** An ORDER BY over `keys` that sorts NULLs and text alike on every engine. */
function allColumns(keys: readonly string[]): string {
  return keys.map((k) => `${k} NULLS FIRST`).join(", ");
}

describe("window_stats", () => {
  for (const seed of [1, 2, 3]) {
    it(`matches the plain window join (seed ${seed})`, async () => {
      const engine = await tinyDataset({ orders: ordersFor(seed, 400) });
      const { ours, plain } = await windowStats(engine, {});
      expect(ours.length).toBeGreaterThan(30);
      expect(ours).toEqual(plain);
    });
  }

  it("matches with a window of 30 days", async () => {
    const engine = await tinyDataset({ orders: ordersFor(7, 300) });
    const { ours, plain } = await windowStats(engine, { window: "30d" });
    expect(ours).toEqual(plain);
  });
});

/**
 * Customers c0…c11 in three regions and a null one; c12 is ordered for but
 * unknown (its orders are in no segment), and orders without a customer are
 * in none either.
 */
function customersFor(): TinyRow[] {
  const regions = ["north", "south", "east", null];
  return Array.from({ length: 12 }, (_, i) => ({
    customer_id: `c${i}`,
    created_at: "2022-06-01 00:00:00",
    region: regions[i % regions.length] ?? null,
    segment: i % 3 === 0 ? "smb" : "enterprise",
  }));
}

/** The plain per-segment definition: every period and segment joined to the orders of its window and its base. */
async function plainBySegment(engine: Engine, keys: readonly string[], days: number) {
  const start = windowStart(engine);
  const g = keys.map((k, i) => `c."${k}" AS g${i}`).join(", ");
  const names = keys.map((_, i) => `g${i}`);
  const same = (a: string, b: string) =>
    names.map((n) => ` AND ${a}.${n} IS NOT DISTINCT FROM ${b}.${n}`).join("");
  return engine.query({
    sql: `WITH dom AS (SELECT DISTINCT ${g} FROM rpt_customers c),
      wo AS (
        SELECT p.idx, ${g}, CASE WHEN o.type = 'refund' THEN -ABS(o.amount_base) ELSE o.amount_base END AS amount, o.customer_id
        FROM rpt_periods p JOIN orders o ON o.ordered_at >= ${start} AND o.ordered_at < p.end_at
        JOIN rpt_customers c ON c.customer_id = o.customer_id),
      sums AS (SELECT idx, ${names.join(", ")}, SUM(amount) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS buyers
        FROM wo GROUP BY idx, ${names.join(", ")}),
      base AS (
        SELECT x.idx, ${names.join(", ")}, COUNT(*) AS at_start, SUM(CASE WHEN x.churned THEN 1 ELSE 0 END) AS churned
        FROM (
          SELECT DISTINCT p.idx, s.customer_id, ${g},
                 NOT EXISTS (SELECT 1 FROM rpt_customer_active a WHERE a.customer_id = s.customer_id AND a.t = p.end_at) AS churned
          FROM rpt_periods p JOIN rpt_customer_spans s
            ON s.lo < ${start} AND (s.hi IS NULL OR ${start} <= s.hi)
          JOIN rpt_customers c ON c.customer_id = s.customer_id
        ) x GROUP BY x.idx, ${names.map((n) => `x.${n}`).join(", ")})
      SELECT p.idx, ${names.map((n) => `dom.${n}`).join(", ")}, CAST(s.revenue AS VARCHAR) AS revenue,
             COALESCE(s.orders, 0) AS orders, COALESCE(s.buyers, 0) AS buyers,
             COALESCE(b.at_start, 0) AS at_start, COALESCE(b.churned, 0) AS churned
      FROM rpt_periods p CROSS JOIN dom
      LEFT JOIN sums s ON s.idx = p.idx${same("s", "dom")}
      LEFT JOIN base b ON b.idx = p.idx${same("b", "dom")}
      ORDER BY ${allColumns(["p.idx", ...names.map((n) => `dom.${n}`)])}`,
    params: [days * 86_400],
  });
}

async function windowStatsBy(engine: Engine, keys: readonly string[]) {
  const names = keys.map((_, i) => `g${i}`).join(", ");
  return engine.query({
    sql: `SELECT idx, ${names}, CAST(revenue AS VARCHAR) AS revenue, orders, buyers, at_start, churned
          FROM rpt_window_stats_by ORDER BY ${allColumns(["idx", ...keys.map((_, i) => `g${i}`)])}`,
    params: [],
  });
}

describe("window_stats_by", () => {
  for (const [seed, keys] of [
    [4, ["region"]],
    [5, ["region", "segment"]],
  ] as const) {
    it(`matches the plain per-segment join, by ${keys.join(", ")} (seed ${seed})`, async () => {
      const orders = ordersFor(seed, 400).map((o, i) => (i % 37 === 0 ? { ...o, customer_id: "c12" } : o));
      // A short inactivity, so customers churn between orders.
      const engine = await tinyDataset({ customers: customersFor(), orders }, { inactivity_days: 60 });
      await buildRelations(engine, {}, keys);
      const ours = await windowStatsBy(engine, keys);
      const plain = await plainBySegment(engine, keys, 365);
      // 36 periods × every combination customers hold (the null region included).
      expect(ours.length).toBe(36 * (keys.length === 1 ? 4 : 8));
      expect(ours.some((r) => Number(r.churned) > 0)).toBe(true);
      expect(ours).toEqual(plain);
    });
  }

  it("matches with a window of 30 days", async () => {
    const engine = await tinyDataset(
      { customers: customersFor(), orders: ordersFor(8, 300) },
      { inactivity_days: 20 },
    );
    await buildRelations(engine, { window: "30d" }, ["region"]);
    expect(await windowStatsBy(engine, ["region"])).toEqual(await plainBySegment(engine, ["region"], 30));
  });
});
