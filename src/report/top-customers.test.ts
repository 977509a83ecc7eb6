import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { insertRows, type TinyRow, type TinyTables, tinyDataset } from "../../test/support/tiny-dataset.js";
import { runCli } from "../cli/run-cli.js";
import { captureIo } from "../cli/test-io.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { listTopCustomers } from "./top-customers.js";

let seq = 0;
const order = (customer: string, at: string, amount: number, fields: TinyRow = {}): TinyRow => {
  seq += 1;
  return { order_id: `o${seq}`, customer_id: customer, ordered_at: at, amount: String(amount), ...fields };
};

/**
 * big: one large order long ago (lifetime value, little in the window);
 * steady: many recent small orders; mid: one recent medium order; quiet: never bought.
 */
const TABLES: TinyTables = {
  customers: [
    {
      customer_id: "big",
      name: "Big Co buyer",
      company: "Big Co",
      segment: "enterprise",
      created_at: "2022-01-01",
    },
    {
      customer_id: "steady",
      name: "Steady",
      company: "Steady Ltd",
      segment: "smb",
      created_at: "2022-01-01",
    },
    { customer_id: "mid", name: "Mid", created_at: "2022-01-01" },
    { customer_id: "quiet", name: "Quiet", created_at: "2022-01-01" },
  ],
  orders: [
    order("big", "2022-02-01 10:00:00", 10_000),
    order("big", "2024-01-15 10:00:00", 100),
    ...[1, 2, 3, 4, 5, 6].map((d) => order("steady", `2024-06-0${d} 10:00:00`, 90)),
    order("steady", "2024-06-07 10:00:00", 40, { type: "refund" }),
    order("mid", "2024-06-20 10:00:00", 300),
  ],
  subscriptions: [
    {
      subscription_id: "s1",
      customer_id: "steady",
      plan: "pro",
      start_at: "2024-01-01",
      interval: "year",
      amount: "1200",
    },
  ],
};

describe("listTopCustomers", () => {
  it("ranks by revenue in the window with --by-value, and reports lifetime revenue, orders and MRR", async () => {
    const engine = await tinyDataset(TABLES);
    const result = await listTopCustomers(engine, { sort: "value", asOf: "2024-06-30", top: 10 });
    expect(result.windowDays).toBe(365);
    expect(result.asOfMs).toBe(Date.UTC(2024, 6, 1));
    expect(result.customers.map((c) => c.customerId)).toEqual(["steady", "mid", "big", "quiet"]);
    const [steady, , big, quiet] = result.customers;
    // 6 × 90 − 40 refund; the refund is no order.
    expect(steady).toMatchObject({ windowRevenue: 500, lifetimeRevenue: 500, orders: 6, mrr: 100 });
    expect(steady?.lastOrderAt).toMatch(/^2024-06-06 10:00:00/);
    expect(big).toMatchObject({ windowRevenue: 100, lifetimeRevenue: 10_100, orders: 2, company: "Big Co" });
    expect(quiet).toMatchObject({ rfmSegment: null, rfmScore: null, orders: 0, windowRevenue: 0 });
  });

  it("ranks by R + F + M by default and honours --top and --window", async () => {
    const engine = await tinyDataset(TABLES);
    const byRfm = await listTopCustomers(engine, { asOf: "2024-06-30", top: 2 });
    expect(byRfm.customers).toHaveLength(2);
    const scores = byRfm.customers.map((c) => (c.rfmR ?? 0) + (c.rfmF ?? 0) + (c.rfmM ?? 0));
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1] ?? 0);
    expect(byRfm.customers[0]?.customerId).toBe("steady");
    // A 30-day window drops big's January order: no window revenue, F = the lowest.
    const short = await listTopCustomers(engine, { sort: "value", asOf: "2024-06-30", window: "30d" });
    expect(short.customers.find((c) => c.customerId === "big")).toMatchObject({ windowRevenue: 0, rfmF: 1 });
    await expect(listTopCustomers(engine, { asOf: "30/06/2024" })).rejects.toThrow(/--as-of/);
    await expect(listTopCustomers(engine, { top: 0 })).rejects.toThrow(/--top/);
  });

  it("defaults to the end of the data's last month", async () => {
    const engine = await tinyDataset(TABLES);
    const result = await listTopCustomers(engine);
    expect(result.asOfMs).toBe(Date.UTC(2024, 6, 1));
  });
});

describe("crm-kpi customers", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-customers-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  async function database(): Promise<string> {
    const file = path.join(tmp, `db-${Math.random().toString(36).slice(2)}.duckdb`);
    const engine = await openDuckDB(file);
    await insertRows(engine, TABLES);
    await engine.close();
    return file;
  }

  it("prints the top customers as ndjson, csv and a localized table", async () => {
    const db = await database();
    const args = ["customers", "--db", db, "--top", "3", "--by-value", "--as-of", "2024-06-30"];
    const io = captureIo();
    expect(await runCli([...args, "--format", "ndjson"], io)).toBe(0);
    const lines = io
      .out()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.customer_id)).toEqual(["steady", "mid", "big"]);
    expect(lines[0]).toMatchObject({ window_revenue: 500, orders: 6, mrr: 100 });

    const csv = captureIo();
    expect(await runCli([...args, "--format", "csv"], csv)).toBe(0);
    expect(csv.out().split("\n")[0]).toBe(
      "customer_id,name,company,segment,rfm_score,rfm_segment,window_revenue,lifetime_revenue,orders,last_order,mrr",
    );

    const fa = captureIo();
    expect(await runCli([...args, "--lang", "fa"], fa)).toBe(0);
    expect(fa.out()).toContain("مشتریان برتر");
    expect(fa.out()).toContain("۵۰۰٫۰۰");
  });

  it("fails with a usage error on a bad --top", async () => {
    const db = await database();
    const io = captureIo();
    expect(await runCli(["customers", "--db", db, "--top", "-1"], io)).not.toBe(0);
    expect(io.err()).toMatch(/^Error: /);
  });
});
