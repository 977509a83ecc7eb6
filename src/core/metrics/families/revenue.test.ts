import { describe, expect, it } from "vitest";
import { tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import type { DatasetSettings } from "../../model/settings.js";
import { windowDays } from "./revenue.js";

type Engine = Awaited<ReturnType<typeof tinyDataset>>;
type Segment = Record<string, string | null> | null;

async function report(
  engine: Engine,
  metrics: string[],
  options: { from?: string; to?: string; by?: string[]; params?: Record<string, string> } = {},
) {
  const result = await runReport(engine, {
    metrics,
    grain: "month",
    from: options.from ?? "2024-03",
    to: options.to ?? "2024-03",
    by: options.by ?? [],
    params: options.params ?? {},
  });
  return (id: string, period = "2024-03", segment: Segment = null) =>
    result.values.find(
      (v) => v.metric === id && v.period === period && JSON.stringify(v.segment) === JSON.stringify(segment),
    );
}

const customer = (id: string, acquired: string, region?: string) => ({
  customer_id: id,
  created_at: "2023-01-01",
  acquired_at: acquired,
  ...(region ? { region } : {}),
});

const order = (
  id: string,
  customerId: string,
  at: string,
  amount: string,
  extra: Record<string, string> = {},
) => ({
  order_id: id,
  customer_id: customerId,
  ordered_at: at,
  amount,
  ...extra,
});

async function dataset(orders: ReturnType<typeof order>[], settings: Partial<DatasetSettings> = {}) {
  return tinyDataset(
    {
      customers: [
        customer("old", "2023-06-01", "North"),
        customer("new", "2024-03-02", "South"),
        customer("late", "2024-02-20"),
      ],
      orders,
    },
    settings,
  );
}

describe("§2 revenue", () => {
  it("sums base-currency amounts, subtracts refunds whatever their sign, and keeps unknown customers in the total only", async () => {
    const engine = await dataset([
      order("o1", "old", "2024-03-01", "100"),
      // 50 EUR booked at 54 USD: the base amount counts, not the original.
      order("o2", "new", "2024-03-10", "50", { currency: "EUR", amount_base: "54" }),
      order("o3", "old", "2024-03-12", "30", { type: "refund" }),
      order("o4", "new", "2024-03-13", "-5", { type: "refund" }),
      order("o5", "ghost", "2024-03-14", "7"),
      order("o6", "old", "2024-04-01", "999"),
      order("o7", "old", "2024-02-29 23:59:59", "999"),
    ]);
    const get = await report(engine, ["revenue"], { by: ["region"] });
    expect(get("revenue")?.value).toBe(100 + 54 - 30 - 5 + 7);
    expect(get("revenue", "2024-03", { region: "North" })?.value).toBe(70);
    expect(get("revenue", "2024-03", { region: "South" })?.value).toBe(49);
    // "late" has no orders and no region: its bucket exists and reads 0; ghost's order is in no segment.
    expect(get("revenue", "2024-03", { region: null })?.value).toBe(0);
    expect(get("revenue")?.numerator).toBeNull();
  });

  it("net_new_revenue with first_order counts each customer's first order by (ordered_at, order_id), any type", async () => {
    const engine = await dataset([
      order("o1", "old", "2023-06-01", "10"),
      order("o2", "old", "2024-03-05", "20"),
      // Same instant: order_id decides, so b1 is new and b2 is not.
      order("b2", "new", "2024-03-03", "40"),
      order("b1", "new", "2024-03-03", "30"),
      // A refund can be a first order too.
      order("r1", "late", "2024-03-04", "8", { type: "refund" }),
    ]);
    const get = await report(engine, ["net_new_revenue"]);
    expect(get("net_new_revenue")?.value).toBe(30 - 8);
  });

  it("net_new_revenue with a duration counts orders before acquired_at + d (dataset setting or --param window)", async () => {
    const orders = [
      order("a1", "new", "2024-03-02", "10"),
      order("a2", "new", "2024-03-08 23:59:59", "20"),
      order("a3", "new", "2024-03-09", "40"),
      order("a4", "late", "2024-03-05", "5"),
    ];
    const weekly = await report(await dataset(orders, { new_revenue_window: "1w" }), ["net_new_revenue"]);
    // new: acquired 03-02 + 7 d = 03-09 (exclusive); late: acquired 02-20 + 7 d = 02-27, so a4 is out.
    expect(weekly("net_new_revenue")?.value).toBe(30);
    const monthly = await report(await dataset(orders), ["net_new_revenue"], { params: { window: "1m" } });
    // 1m = 30 d: late's window runs to 03-21.
    expect(monthly("net_new_revenue")?.value).toBe(75);
  });

  it("reads window durations and rejects anything else", async () => {
    expect([windowDays("30d"), windowDays("2w"), windowDays("1m"), windowDays("1y")]).toEqual([
      30, 14, 30, 365,
    ]);
    expect(() => windowDays("soon")).toThrowError(expect.objectContaining({ code: "bad_argument" }));
    const engine = await dataset([order("o1", "old", "2024-03-01", "1")]);
    await expect(report(engine, ["net_new_revenue"], { params: { window: "3x" } })).rejects.toMatchObject({
      code: "bad_argument",
    });
  });

  it("expansion revenue counts customers acquired before start; its rate compares with P−1 and is null without P−1 revenue", async () => {
    const engine = await dataset([
      order("f1", "old", "2024-02-10", "80"),
      order("f2", "late", "2024-02-25", "500"),
      order("m1", "old", "2024-03-10", "100"),
      order("m2", "late", "2024-03-11", "20"),
      order("m3", "new", "2024-03-12", "300"),
    ]);
    const get = await report(engine, ["expansion_revenue", "expansion_revenue_rate"], { from: "2024-01" });
    expect(get("expansion_revenue")?.value).toBe(120);
    // February: only "old" was acquired before 02-01; "late" (02-20) counts from March on.
    expect(get("expansion_revenue", "2024-02")?.value).toBe(80);
    expect(get("expansion_revenue_rate")).toMatchObject({ numerator: 120, denominator: 80, value: 1.5 });
    expect(get("expansion_revenue_rate", "2024-02")).toMatchObject({
      numerator: 80,
      denominator: 0,
      value: null,
    });
    expect(get("expansion_revenue_rate", "2024-01")).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it("revenue_concentration_top20: the top ceil(20 %) of paying customers over all paying customers", async () => {
    const ids = ["p1", "p2", "p3", "p4", "p5", "p6"];
    const engine = await tinyDataset({
      customers: [...ids, "neg"].map((id) => customer(id, "2023-06-01")),
      orders: [
        ...ids.map((id, i) => order(`o-${id}`, id, "2024-03-05", String(10 * (i + 1)))),
        // A refund makes p6 net 60 − 25 = 35, below p5 (50).
        order("r-p6", "p6", "2024-03-20", "25", { type: "refund" }),
        // A customer whose refunds exceed purchases is not paying.
        order("n1", "neg", "2024-03-05", "5"),
        order("n2", "neg", "2024-03-06", "9", { type: "refund" }),
      ],
    });
    const get = await report(engine, ["revenue_concentration_top20"]);
    // Paying: 10, 20, 30, 40, 50, 35 (n = 6, total 185); top ceil(1.2) = 2: 50 + 40.
    expect(get("revenue_concentration_top20")).toMatchObject({ numerator: 90, denominator: 185 });
    expect(get("revenue_concentration_top20")?.value).toBeCloseTo(90 / 185, 12);
    const everyone = await report(engine, ["revenue_concentration_top20"], {
      params: { top_percent: "100" },
    });
    expect(everyone("revenue_concentration_top20")?.value).toBe(1);
  });

  it("revenue_concentration_top20 cuts at exactly 20 % of 15 customers (3, not 4) and is null without paying customers", async () => {
    const ids = Array.from({ length: 15 }, (_, i) => `c${String(i).padStart(2, "0")}`);
    const engine = await tinyDataset({
      customers: ids.map((id) => customer(id, "2023-06-01")),
      orders: ids.map((id) => order(`o-${id}`, id, "2024-03-05", "10")),
    });
    const get = await report(engine, ["revenue_concentration_top20"], { from: "2024-02" });
    // Equal revenue: ties go by customer_id, and 0.2 × 15 must not round up to 4.
    expect(get("revenue_concentration_top20")).toMatchObject({ numerator: 30, denominator: 150, value: 0.2 });
    expect(get("revenue_concentration_top20", "2024-02")?.value).toBeNull();
  });

  it("explain lists the orders behind revenue with their signed amounts", async () => {
    const engine = await dataset([
      order("o1", "old", "2024-03-01", "100"),
      order("o2", "new", "2024-03-10", "12", { type: "refund" }),
      order("o3", "old", "2024-04-10", "1"),
    ]);
    const result = await explainMetric(engine, { metric: "revenue", period: "2024-03" });
    expect(result.value.value).toBe(88);
    const rows = result.rows.map((r) => [r.part, r.entity, r.recordId, r.amount]).sort();
    expect(rows).toEqual([
      ["value", "orders", "o1", 100],
      ["value", "orders", "o2", -12],
    ]);
    const top = await explainMetric(engine, { metric: "revenue_concentration_top20", period: "2024-03" });
    expect(top.rows.filter((r) => r.part === "numerator").map((r) => r.recordId)).toEqual(["old"]);
  });
});
