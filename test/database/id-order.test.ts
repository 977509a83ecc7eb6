import { afterEach, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { mergeCustomers } from "../../src/quality/merge-customers.js";
import { listStuckDeals } from "../../src/report/lists.js";
import { listTopCustomers } from "../../src/report/top-customers.js";
import { TEST_ENGINES } from "../support/test-engines.js";
import { insertRows } from "../support/tiny-dataset.js";

/**
 * Ties break by id in code-point order on every engine, whatever collation
 * the database has: under en-US (the PostgreSQL test databases) `a10` sorts
 * before `B2`; by code point, as DuckDB sorts, `B2` comes first.
 */
describe.each(TEST_ENGINES)("ties between ids on $name", (testEngine) => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it("ranks customers of equal revenue by id, B2 before a10", async () => {
    engine = await testEngine.open();
    await insertRows(engine, {
      customers: ["a10", "B2", "b1"].map((customer_id) => ({ customer_id, created_at: "2024-01-01" })),
      orders: ["a10", "B2", "b1"].map((customer_id, i) => ({
        order_id: `o${i}`,
        customer_id,
        ordered_at: "2024-03-01 10:00:00",
        amount: "100",
      })),
    });
    const top = await listTopCustomers(engine, { sort: "value", asOf: "2024-06-30", top: 3 });
    expect(top.customers.map((c) => c.customerId)).toEqual(["B2", "a10", "b1"]);
  });

  it("lists stuck deals of equal age by id", async () => {
    engine = await testEngine.open();
    const deal = (deal_id: string) => ({
      deal_id,
      created_at: "2024-01-01 00:00:00",
      amount: "10",
      stage: "demo",
    });
    await insertRows(engine, {
      deals: ["a10", "B2"].map(deal),
      deal_stages: ["a10", "B2"].map((deal_id) => ({
        deal_id,
        stage: "demo",
        entered_at: "2024-01-01 00:00:00",
      })),
    });
    const stuck = await listStuckDeals(engine, { asOf: "2024-03-01", days: 10 });
    expect(stuck.rows.map((d) => d.dealId)).toEqual(["B2", "a10"]);
  });

  it("fills a survivor's empty fields from the merged record that sorts first by id", async () => {
    engine = await testEngine.open();
    await insertRows(engine, {
      customers: [
        { customer_id: "S", created_at: "2024-01-01" },
        { customer_id: "a10", created_at: "2024-02-01", city: "Tabriz" },
        { customer_id: "B2", created_at: "2024-02-01", city: "Shiraz" },
      ],
    });
    await mergeCustomers(engine, [{ customer_ids: ["S", "a10", "B2"] }], Date.UTC(2024, 5, 1));
    const rows = await engine.query({ sql: "SELECT customer_id, city FROM customers", params: [] });
    expect(rows).toEqual([{ customer_id: "S", city: "Shiraz" }]);
  });
});
