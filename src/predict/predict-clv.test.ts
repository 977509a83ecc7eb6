import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatedOrderTables } from "../../test/support/btyd-simulation.js";
import { importTables } from "../../test/support/csv-dataset.js";
import { TEST_ENGINES } from "../../test/support/test-engines.js";
import type { TinyTables } from "../../test/support/tiny-dataset.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { clvDocument } from "./clv-document.js";
import { predictClv } from "./predict-clv.js";

/**
 * Tehran is UTC+3:30: 2024-01-15 22:00 UTC is already 2024-01-16 there, a
 * purchase day of its own. a: two orders on 2024-01-01 (one purchase day,
 * 10 + 20), repeat days 01-15 and 01-16, a refund (no purchase day), one
 * holdout day; b: one purchase; c: one repeat day; d: first buys after the
 * calibration end, so is not in it.
 */
const TINY: TinyTables = {
  customers: ["a", "b", "c", "d"].map((id) => ({ customer_id: id, created_at: "2024-01-01" })),
  orders: [
    { order_id: "a1", customer_id: "a", ordered_at: "2024-01-01T06:00:00Z", amount: "10" },
    { order_id: "a2", customer_id: "a", ordered_at: "2024-01-01T15:00:00Z", amount: "20" },
    { order_id: "a3", customer_id: "a", ordered_at: "2024-01-15T10:00:00Z", amount: "30" },
    { order_id: "a4", customer_id: "a", ordered_at: "2024-01-15T22:00:00Z", amount: "40" },
    { order_id: "a5", customer_id: "a", ordered_at: "2024-02-01T10:00:00Z", amount: "25", type: "refund" },
    { order_id: "a6", customer_id: "a", ordered_at: "2024-03-10T10:00:00Z", amount: "50" },
    { order_id: "b1", customer_id: "b", ordered_at: "2024-01-20T10:00:00Z", amount: "15" },
    { order_id: "c1", customer_id: "c", ordered_at: "2024-01-05T10:00:00Z", amount: "12" },
    { order_id: "c2", customer_id: "c", ordered_at: "2024-02-26T10:00:00Z", amount: "60", type: "upsell" },
    { order_id: "d1", customer_id: "d", ordered_at: "2024-03-05T10:00:00Z", amount: "99" },
  ],
};

async function openWith(open: () => Promise<Engine>, tables: TinyTables, timezone: string): Promise<Engine> {
  const engine = await open();
  await importTables(engine, tables, { timezone });
  return engine;
}

for (const { name, open } of TEST_ENGINES) {
  describe(`predictClv on ${name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openWith(open, TINY, "Asia/Tehran");
    });
    afterAll(() => engine.close());

    it("summarizes purchase days Fader–Hardie style: local days, same-day orders once, refunds out", async () => {
      const result = await predictClv(engine, { calibrationEnd: "2024-02-29" });
      const rows = result.model.customers.map((c) => [
        c.customerId,
        c.frequency,
        c.recencyWeeks * 7,
        c.ageWeeks * 7,
      ]);
      // a: first 01-01, repeats 01-15 and 01-16 (local), age to 02-29 = 59 days; b: 40 days; c: 55 days.
      expect(
        rows.map(([id, x, tx, T]) => [id, x, Math.round(tx as number), Math.round(T as number)]),
      ).toEqual([
        ["a", 2, 15, 59],
        ["b", 0, 0, 40],
        ["c", 1, 52, 55],
      ]);
      expect(result.model.customers.map((c) => c.averageValue)).toEqual([35, null, 60]);
      expect(result.model.customers.map((c) => c.holdoutPurchases)).toEqual([1, 0, 0]);
      expect(result.calibrationEnd).toBe("2024-02-29");
      expect(result.dataEnd).toBe("2024-03-10");
      expect(result.holdoutStart).toBe("2024-03-01");
      expect(result.model.holdout?.weeks).toBeCloseTo(10 / 7, 12);
    });

    it("calibrates on everything by default: no holdout, and the late customer joins", async () => {
      const result = await predictClv(engine);
      expect(result.calibrationEnd).toBe("2024-03-10");
      expect(result.model.holdout).toBeNull();
      expect(result.model.customers.map((c) => [c.customerId, c.frequency])).toEqual([
        ["a", 3],
        ["b", 0],
        ["c", 1],
        ["d", 0],
      ]);
      // P(alive) = 1 without a repeat purchase.
      expect(result.model.customers.find((c) => c.customerId === "b")?.pAlive).toBe(1);
    });

    it("says what to do when nothing can be fitted", async () => {
      const early = predictClv(engine, { calibrationEnd: "2023-12-31" });
      await expect(early).rejects.toBeInstanceOf(CrmKpiError);
      await expect(early).rejects.toMatchObject({
        code: "not_available",
        params: { messageKey: "predict.error.noCustomers" },
      });
      await expect(predictClv(engine, { calibrationEnd: "2024-01-10" })).rejects.toMatchObject({
        params: { messageKey: "predict.error.noRepeats" },
      });
      await expect(predictClv(engine, { horizon: "soon" })).rejects.toMatchObject({
        code: "bad_argument",
        params: { option: "--horizon" },
      });
      await expect(predictClv(engine, { discountRate: -1 })).rejects.toMatchObject({
        params: { option: "--discount-rate" },
      });
    });
  });
}

describe("predictClv on data simulated from the model", () => {
  const tables = simulatedOrderTables(600, 7);

  it("gives the same document on every engine, and predicts the holdout's purchases within 20 %", async () => {
    const docs = [];
    for (const { open } of TEST_ENGINES) {
      const engine = await openWith(open, tables, "UTC");
      docs.push(clvDocument(await predictClv(engine, { calibrationEnd: "2024-09-30" })));
      await engine.close();
    }
    const [first, ...others] = docs;
    for (const other of others) expect(other).toEqual(first);
    const holdout = first?.holdout;
    expect(holdout?.groups.map((g) => g.label)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(holdout?.groups.reduce((s, g) => s + g.customers, 0)).toBe(600);
    expect(Math.abs((holdout?.predicted ?? 0) / (holdout?.actual ?? 1) - 1)).toBeLessThan(0.2);
    // A customer's expected purchases grow with the horizon; CLV with them.
    const longer = await openWith(() => openDuckDB(":memory:"), tables, "UTC");
    const far = clvDocument(await predictClv(longer, { calibrationEnd: "2024-09-30", horizon: "2y" }));
    await longer.close();
    expect(far.summary.average_clv ?? 0).toBeGreaterThan(first?.summary.average_clv ?? 0);
  }, 60_000);
});
