import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../test/support/test-engines.js";
import type { Engine } from "../core/engine.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { generateDataset } from "../generator/index.js";
import { importDataset } from "../import/import-dataset.js";
import { runPropensity } from "./propensity-predict.js";

let dir: string;
let duck: Engine;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crm-kpi-propensity-"));
  await generateDataset(dir, { scale: 0.25, seed: 5 });
  duck = await openDuckDB(":memory:");
  await importDataset(duck, dir);
}, 120_000);

afterAll(async () => {
  await duck?.close();
  await rm(dir, { recursive: true, force: true });
});

const AS_OF = "2025-06-30";

describe("runPropensity", () => {
  it("scores every active customer, ranked, with a backtest and three drivers each", async () => {
    const result = await runPropensity(duck, { target: "churn", asOf: AS_OF });
    expect(result.asOf).toBe(AS_OF);
    expect(result.customers.length).toBeGreaterThan(50);
    const scores = result.customers.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.customers.map((c) => c.rank)).toEqual(scores.map((_, i) => i + 1));
    expect(result.customers.every((c) => c.drivers.length === 3)).toBe(true);
    expect(result.customers[0]?.decile).toBe(1);
    expect(result.backtest?.testSnapshot).toBe("2025-04-01");
    expect(result.backtest?.auc).toBeGreaterThan(0);
    expect(result.model.converged).toBe(true);
  }, 60_000);

  it("gives the same result twice", async () => {
    const a = await runPropensity(duck, { target: "upsell", asOf: AS_OF });
    const b = await runPropensity(duck, { target: "upsell", asOf: AS_OF });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  }, 60_000);

  it("never reads past the as-of date: rows added after it change nothing", async () => {
    const before = {
      churn: await runPropensity(duck, { target: "churn", asOf: AS_OF }),
      upsell: await runPropensity(duck, { target: "upsell", asOf: AS_OF }),
    };
    const later = await runPropensity(duck, { target: "churn", asOf: "2025-09-30" });
    expect(JSON.stringify(later)).not.toBe(JSON.stringify(before.churn));
    const victim = before.churn.customers[0]?.customerId ?? "";
    const ts = (iso: string) => `CAST('${iso}' AS TIMESTAMP)`;
    // Every kind of later fact: new rows for known and new customers, and bounds set after the as-of day.
    const statements = [
      `INSERT INTO customers (customer_id, name, created_at, acquired_at) VALUES ('ZNEW', 'Later', ${ts("2025-07-01 00:00:00")}, ${ts("2025-07-01 00:00:00")})`,
      `INSERT INTO orders (order_id, customer_id, ordered_at, amount, amount_base, currency, type) VALUES ('ZO1', '${victim}', ${ts("2025-07-01 00:00:00")}, 5000, 5000, 'USD', 'upsell')`,
      `INSERT INTO tickets (ticket_id, customer_id, created_at, resolved_at, status) VALUES ('ZK1', '${victim}', ${ts("2025-07-02 08:00:00")}, ${ts("2025-07-03 08:00:00")}, 'resolved')`,
      `INSERT INTO survey_responses (response_id, survey, customer_id, sent_at, responded_at, score) VALUES ('ZR1', 'nps', '${victim}', ${ts("2025-07-02 00:00:00")}, ${ts("2025-07-02 01:00:00")}, 0)`,
      `INSERT INTO subscriptions (term_id, subscription_id, customer_id, plan, amount, amount_base, currency, ${duck.dialect.quoteIdentifier("interval")}, start_at) VALUES ('ZT1', 'ZS1', '${victim}', 'enterprise', 9000, 9000, 'USD', 'month', ${ts("2025-07-01 00:00:00")})`,
      `INSERT INTO deals (deal_id, customer_id, type, status, created_at, closed_at) VALUES ('ZD1', '${victim}', 'upsell', 'won', ${ts("2025-06-01 00:00:00")}, ${ts("2025-07-05 00:00:00")})`,
      `UPDATE subscriptions SET canceled_at = ${ts("2025-07-15 00:00:00")} WHERE customer_id = '${victim}' AND canceled_at IS NULL AND (end_at IS NULL OR end_at > ${ts("2025-07-15 00:00:00")})`,
      `UPDATE tickets SET resolved_at = ${ts("2025-07-20 00:00:00")} WHERE resolved_at IS NULL AND created_at < ${ts("2025-06-30 00:00:00")}`,
    ];
    for (const sql of statements) await duck.execute(sql);
    try {
      expect(JSON.stringify(await runPropensity(duck, { target: "churn", asOf: AS_OF }))).toBe(
        JSON.stringify(before.churn),
      );
      expect(JSON.stringify(await runPropensity(duck, { target: "upsell", asOf: AS_OF }))).toBe(
        JSON.stringify(before.upsell),
      );
    } finally {
      // Later tests see the generated data only.
      for (const [table, key] of [
        ["customers", "customer_id"],
        ["orders", "order_id"],
        ["tickets", "ticket_id"],
        ["survey_responses", "response_id"],
        ["subscriptions", "term_id"],
        ["deals", "deal_id"],
      ])
        await duck.execute(`DELETE FROM ${table} WHERE ${key} LIKE 'Z%'`);
    }
  }, 120_000);

  // PGlite always, a PostgreSQL server too when CRM_KPI_TEST_PG names one (test/support/test-engines.ts).
  for (const other of TEST_ENGINES.filter((e) => e.name !== "DuckDB")) {
    it(`gives the same bytes on ${other.name} as on DuckDB`, async () => {
      const engine = await other.open();
      try {
        await importDataset(engine, dir);
        const [a, b] = [
          await runPropensity(duck, { target: "churn", asOf: AS_OF }),
          await runPropensity(engine, { target: "churn", asOf: AS_OF }),
        ];
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      } finally {
        await engine.close();
      }
    }, 240_000);
  }

  it("says what to do when the history holds no outcome to learn from", async () => {
    await expect(runPropensity(duck, { target: "churn", asOf: "2023-01-20" })).rejects.toMatchObject({
      code: "not_available",
      params: { messageKey: "propensity.error.noOutcomes" },
    });
    await expect(runPropensity(duck, { target: "churn", windowDays: 0 })).rejects.toMatchObject({
      code: "bad_argument",
    });
  }, 60_000);
});
