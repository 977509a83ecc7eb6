import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { periodsBetween } from "../../../calendar/periods.js";
import { loadDatasetSettings } from "../../../report/dataset-settings.js";
import { periodOptions, withCalendarContext } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";
import { compileReport } from "../compiler/compile-report.js";
import { METRICS } from "../registry.js";

/**
 * `window_stats` computes revenue and #orders with running sums and buyers
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

async function windowStats(engine: Engine, params: Record<string, string>) {
  const settings = await loadDatasetSettings(engine);
  const options = periodOptions(settings, { grain: "month" });
  // 36 months of 2023–2025 (the orders' span).
  const periods = withCalendarContext(
    periodsBetween(Date.UTC(2023, 0, 1), Date.UTC(2025, 11, 31), options),
    options,
  );
  const metrics = METRICS.filter((m) => m.id === "customer_value");
  const plan = compileReport({ metrics, by: [], params, periods }, engine.dialect, settings);
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
  const days = Number((params.window ?? "365d").replace("d", ""));
  const ours = await engine.query({
    sql: "SELECT idx, CAST(revenue AS VARCHAR) AS revenue, orders, buyers FROM rpt_window_stats ORDER BY idx",
    params: [],
  });
  const plain = await engine.query({
    sql: `SELECT p.idx, CAST(SUM(CASE WHEN o.type = 'refund' THEN -ABS(o.amount_base) ELSE o.amount_base END) AS VARCHAR) AS revenue,
            COUNT(o.order_id) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
          FROM rpt_periods p LEFT JOIN orders o
            ON o.ordered_at >= p.end_at - to_seconds(CAST($1 AS DOUBLE)) AND o.ordered_at < p.end_at
          GROUP BY p.idx ORDER BY p.idx`,
    params: [days * 86_400],
  });
  return { ours, plain };
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
