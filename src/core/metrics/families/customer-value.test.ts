import { describe, expect, it } from "vitest";
import { type TinyRow, type TinyTables, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";
import type { MetricValue } from "../definition/metric-value.js";

const VALUE_METRICS = [
  "avg_purchase_value",
  "purchase_frequency",
  "customer_value",
  "customer_lifespan_years",
  "clv",
];

/** The March 2024 values of `metrics` (W = [2023-04-02, 2024-04-01): 2024 is a leap year). */
async function march(engine: Engine, metrics: readonly string[], params: Record<string, string> = {}) {
  const result = await runReport(engine, { metrics, from: "2024-03", to: "2024-03", grain: "month", params });
  return (id: string) => {
    const found = result.values.find((v) => v.metric === id && v.segment === null);
    if (!found) throw new Error(`no value for ${id}`);
    return found;
  };
}

function customer(id: string, extra: TinyRow = {}): TinyRow {
  return { customer_id: id, created_at: "2023-01-01 00:00:00", ...extra };
}

let orderSeq = 0;
function order(customerId: string, orderedAt: string, amount: number, type = "purchase"): TinyRow {
  orderSeq += 1;
  return {
    order_id: `o${orderSeq}`,
    customer_id: customerId,
    ordered_at: orderedAt,
    amount: String(amount),
    type,
  };
}

/**
 * `customers` customers with `perCustomer` orders of `amount` each, all inside
 * W, generated in SQL (thousands of rows, one statement each).
 */
async function buyers(customers: number, perCustomer: number, amount: number): Promise<Engine> {
  const engine = await tinyDataset({});
  await engine.execute(
    `INSERT INTO customers (customer_id, created_at) SELECT 'c' || CAST(i AS VARCHAR), TIMESTAMP '2023-01-01' FROM generate_series(1, CAST($1 AS INTEGER)) t(i)`,
    [customers],
  );
  await engine.execute(
    `INSERT INTO orders (order_id, customer_id, ordered_at, amount, amount_base, type)
     SELECT 'o' || CAST(i AS VARCHAR) || '-' || CAST(k AS VARCHAR), 'c' || CAST(i AS VARCHAR),
            TIMESTAMP '2023-05-10 12:00:00' + (k - 1) * INTERVAL '20 days', $3, $3, 'purchase'
     FROM generate_series(1, CAST($1 AS INTEGER)) a(i), generate_series(1, CAST($2 AS INTEGER)) b(k)`,
    [customers, perCustomer, amount],
  );
  return engine;
}

/** A subscriber with one monthly term from `start` to `end` (empty: still running). */
function subscription(id: string, start: string, end: string | null): TinyRow {
  return {
    term_id: `t-${id}`,
    subscription_id: `s-${id}`,
    customer_id: id,
    amount: "10",
    interval: "month",
    start_at: start,
    end_at: end,
  };
}

describe("§3 customer value", () => {
  it("CLV, seed 000/003: 100,000 $ over 2,500 orders of 500 customers, lifespan 4 y → 40 $, 5, 200 $, 800 $", async () => {
    const engine = await buyers(500, 5, 40);
    const get = await march(engine, VALUE_METRICS, { lifespan_years: "4" });
    expect(get("avg_purchase_value")).toMatchObject({ value: 40, numerator: 100_000, denominator: 2_500 });
    expect(get("purchase_frequency")).toMatchObject({ value: 5, numerator: 2_500, denominator: 500 });
    expect(get("customer_value")).toMatchObject({ value: 200, numerator: 100_000, denominator: 500 });
    expect(get("customer_lifespan_years").value).toBe(4);
    expect(get("clv").value).toBeCloseTo(800, 9);
  });

  it("CLV, second case: APV 35 $, frequency 5, lifespan 6 y → 1,050 $; gross margin scales it", async () => {
    const engine = await buyers(10, 5, 35);
    const get = await march(engine, ["avg_purchase_value", "purchase_frequency", "clv"], {
      lifespan_years: "6",
    });
    expect(get("avg_purchase_value").value).toBe(35);
    expect(get("purchase_frequency").value).toBe(5);
    expect(get("clv").value).toBeCloseTo(1_050, 9);
    const half = await march(engine, ["clv"], { lifespan_years: "6", gross_margin: "0.5" });
    expect(half("clv").value).toBeCloseTo(525, 9);
  });

  it("a refund counts −|amount| in revenue and as an order, whatever its sign", async () => {
    const engine = await tinyDataset({
      customers: [customer("a"), customer("b")],
      orders: [
        order("a", "2024-03-05 10:00:00", 100),
        order("a", "2024-03-06 10:00:00", 50),
        order("a", "2024-03-07 10:00:00", 30, "refund"),
        order("b", "2024-03-08 10:00:00", -30, "refund"),
      ],
    });
    const get = await march(engine, ["avg_purchase_value", "purchase_frequency", "customer_value"]);
    expect(get("avg_purchase_value")).toMatchObject({ numerator: 90, denominator: 4, value: 22.5 });
    expect(get("purchase_frequency")).toMatchObject({ numerator: 4, denominator: 2, value: 2 });
    expect(get("customer_value")).toMatchObject({ numerator: 90, denominator: 2, value: 45 });
  });

  it("W is [end − 365 d, end) in 86,400-second days, and the window parameter changes it", async () => {
    const engine = await tinyDataset({
      customers: [customer("a")],
      orders: [
        order("a", "2023-04-01 23:59:59", 1000), // before end − 365 d (2023-04-02 00:00)
        order("a", "2023-04-02 00:00:00", 10), // first instant of W
        order("a", "2024-03-31 23:59:59", 20),
        order("a", "2024-04-01 00:00:00", 5000), // the end itself is outside
      ],
    });
    const year = await march(engine, ["avg_purchase_value"]);
    expect(year("avg_purchase_value")).toMatchObject({ numerator: 30, denominator: 2 });
    const quarter = await march(engine, ["avg_purchase_value"], { window: "90d" });
    expect(quarter("avg_purchase_value")).toMatchObject({ numerator: 20, denominator: 1 });
  });

  it("zero denominators are null: no orders in W, nobody active at the window start, nobody churned", async () => {
    const empty = await tinyDataset({
      customers: [customer("a")],
      orders: [order("a", "2020-01-01 00:00:00", 5)],
    });
    const get = await march(empty, VALUE_METRICS);
    expect(get("avg_purchase_value")).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(get("customer_value")).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(get("customer_lifespan_years")).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    // clv keeps undefined parts undefined instead of reading them as 0.
    expect(get("clv")).toMatchObject({ value: null, numerator: null, denominator: null });

    const loyal = await tinyDataset({
      customers: [customer("a")],
      subscriptions: [subscription("a", "2023-01-01 00:00:00", null)],
      orders: [order("a", "2024-03-02 00:00:00", 100)],
    });
    const none = await march(loyal, ["customer_lifespan_years", "clv"]);
    expect(none("customer_lifespan_years")).toMatchObject({ value: null, numerator: 1, denominator: 0 });
    expect(none("clv")).toMatchObject({ value: null, numerator: 100, denominator: 0 });
  });

  it("lifespan = 1 / churn over W: 1 of 4 customers active at the window start left → 4 years, clv = value × 4", async () => {
    const ids = ["a", "b", "c", "d"];
    const engine = await tinyDataset({
      customers: [...ids.map((id) => customer(id)), customer("late")],
      subscriptions: [
        ...ids.map((id) =>
          subscription(id, "2023-01-01 00:00:00", id === "d" ? "2023-12-01 00:00:00" : null),
        ),
        // Joined inside W: neither in the base nor churned.
        subscription("late", "2023-06-01 00:00:00", "2023-09-01 00:00:00"),
      ],
      orders: [order("a", "2023-06-01 00:00:00", 200), order("b", "2024-01-15 00:00:00", 400)],
    });
    const get = await march(engine, ["customer_lifespan_years", "customer_value", "clv"]);
    expect(get("customer_lifespan_years")).toMatchObject({ value: 4, numerator: 4, denominator: 1 });
    expect(get("customer_value").value).toBe(300);
    expect(get("clv")).toMatchObject({ numerator: 300, denominator: 0.25 });
    expect(get("clv").value).toBeCloseTo(1_200, 9);
  });

  it("cac_payback_months: cac / cohort revenue in its first 90 days per new customer per month", async () => {
    const engine = await tinyDataset({
      customers: [
        customer("n1", { acquired_at: "2024-03-05 00:00:00" }),
        customer("n2", { acquired_at: "2024-03-20 00:00:00" }),
        customer("old", { acquired_at: "2023-01-01 00:00:00" }),
      ],
      orders: [
        order("n1", "2024-03-05 00:00:00", 300),
        order("n1", "2024-05-04 00:00:00", 150),
        order("n1", "2024-06-03 00:00:00", 1_000), // acquired_at + 90 d: outside the window
        order("n2", "2024-06-17 00:00:00", 150), // + 89 d
        order("n2", "2024-03-19 00:00:00", 999), // before acquisition
        order("old", "2024-03-10 00:00:00", 777), // not in the cohort
      ],
      spend: [
        { date: "2024-03-10", category: "marketing", channel: "ads", amount: "2000" },
        { date: "2024-03-11", category: "sales", amount: "1000" },
      ],
    });
    const get = await march(engine, ["cac_payback_months"]);
    // cac = 3,000 / 2 = 1,500; monthly revenue per new customer = 600 / (2 × 3) = 100.
    expect(get("cac_payback_months")).toMatchObject({ value: 15, numerator: 1_500, denominator: 100 });
    const margin = await march(engine, ["cac_payback_months"], {
      gross_margin: "0.5",
      payback_window: "30d",
    });
    // 30 days = 1 month: only the 300 on the first day counts; 300 / 2 / 1 × 0.5 = 75.
    expect(margin("cac_payback_months")).toMatchObject({ value: 20, numerator: 1_500, denominator: 75 });
  });

  it("cac_payback_months is null without new customers in P", async () => {
    const engine = await tinyDataset({
      customers: [customer("old", { acquired_at: "2023-01-01 00:00:00" })],
      orders: [order("old", "2024-03-10 00:00:00", 10)],
      spend: [{ date: "2024-03-10", category: "marketing", amount: "500" }],
    });
    const get = await march(engine, ["cac_payback_months"]);
    expect(get("cac_payback_months")).toMatchObject({ value: null, numerator: null, denominator: null });
  });

  it("ltv_to_cac = clv / cac; null when cac is 0 or undefined", async () => {
    const tables: TinyTables = {
      customers: [customer("n", { acquired_at: "2024-03-02 00:00:00" })],
      orders: [order("n", "2024-03-02 00:00:00", 300), order("n", "2024-03-20 00:00:00", 200)],
      spend: [{ period_start: "2024-03-01", period_end: "2024-04-01", category: "marketing", amount: "250" }],
    };
    const get = await march(await tinyDataset(tables), ["ltv_to_cac"], { lifespan_years: "2" });
    // clv = 500 × 2 = 1,000; cac = 250 / 1.
    expect(get("ltv_to_cac")).toMatchObject({ value: 4, numerator: 1_000, denominator: 250 });

    const free = await march(
      await tinyDataset({ ...tables, spend: [{ date: "2023-01-05", category: "sales", amount: "1" }] }),
      ["ltv_to_cac"],
      {
        lifespan_years: "2",
      },
    );
    expect(free("ltv_to_cac")).toMatchObject({ value: null, numerator: 1_000, denominator: 0 });
  });

  it("rejects a window that is not a duration, with the parameter named", async () => {
    const engine = await buyers(1, 1, 10);
    await expect(march(engine, ["avg_purchase_value"], { window: "a year" })).rejects.toMatchObject({
      code: "bad_argument",
      params: { param: "window" },
    });
  });

  it("explain lists the orders and buyers behind customer value, adding up to its parts", async () => {
    const engine = await tinyDataset({
      customers: [customer("a"), customer("b")],
      orders: [
        order("a", "2024-03-05 10:00:00", 100),
        order("a", "2024-03-06 10:00:00", 20, "refund"),
        order("b", "2023-02-01 00:00:00", 999), // outside W
        order("b", "2024-01-06 10:00:00", 70),
      ],
    });
    const result = await explainMetric(engine, { metric: "customer_value", period: "2024-03" });
    expect(result.value).toMatchObject({ numerator: 150, denominator: 2, value: 75 });
    const numerator = result.rows.filter((r) => r.part === "numerator");
    expect(numerator.reduce((sum, r) => sum + (r.amount ?? 0), 0)).toBe(150);
    expect(numerator.map((r) => r.entity)).toEqual(["orders", "orders", "orders"]);
    const buyersBehind = result.rows.filter((r) => r.part === "denominator").map((r) => r.recordId);
    expect(buyersBehind.sort()).toEqual(["a", "b"]);
  });
});

describe("§3 customer value per segment", () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function random(seed: number): () => number {
    let s = seed;
    return () => {
      s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
      return s / 2_147_483_648;
    };
  }

  const regions = ["north", "south", null];
  const CUSTOMERS: TinyRow[] = Array.from({ length: 15 }, (_, i) =>
    customer(`s${i}`, { region: regions[i % 3] ?? null, segment: i % 2 === 0 ? "smb" : "enterprise" }),
  );
  const next = random(11);
  const ORDERS: TinyRow[] = Array.from({ length: 160 }, () => {
    // Every tenth order is of a customer the data does not know: in no segment.
    const who = next() < 0.1 ? "unknown" : `s${Math.floor(next() * 15)}`;
    const at = new Date(Date.UTC(2023, 0, 1) + Math.floor(next() * 540) * 86_400_000);
    return order(
      who,
      at.toISOString().replace("T", " ").slice(0, 19),
      Math.round(next() * 500),
      next() < 0.1 ? "refund" : "purchase",
    );
  });
  const settings = { activity: "purchase", inactivity_days: 90 } as const;

  it("gives every segment the values of a dataset holding only that segment's customers", async () => {
    const range = { from: "2024-01", to: "2024-06", grain: "month" } as const;
    const full = await tinyDataset({ customers: CUSTOMERS, orders: ORDERS }, settings);
    const report = await runReport(full, { metrics: VALUE_METRICS, ...range, by: ["region", "segment"] });
    let compared = 0;
    for (const region of regions) {
      for (const segment of ["smb", "enterprise"]) {
        const members = CUSTOMERS.filter((c) => c.region === region && c.segment === segment);
        const ids = new Set(members.map((c) => c.customer_id));
        const alone = await tinyDataset(
          { customers: members, orders: ORDERS.filter((o) => ids.has(o.customer_id ?? null)) },
          settings,
        );
        const totals = (await runReport(alone, { metrics: VALUE_METRICS, ...range })).values;
        const ours = report.values.filter(
          (v) => v.segment?.region === region && v.segment?.segment === segment,
        );
        // `partial` follows each dataset's own data range, not the segment.
        const bare = ({ segment: _s, partial: _p, ...v }: MetricValue) => v;
        expect(ours.map(bare)).toEqual(totals.map(bare));
        compared += ours.filter((v) => v.value !== null).length;
      }
    }
    // 6 segments × 6 months × 5 metrics, most of them with a value (churn needs a leaver).
    expect(compared).toBeGreaterThan(100);
  });
});

describe("repeat_purchase_rate", () => {
  // W for March 2024 = [2023-04-02, 2024-04-01).
  const tables: TinyTables = {
    customers: [
      customer("a", { region: "North" }),
      customer("b", { region: "North" }),
      customer("c", { region: "South" }),
      customer("d", { region: "South" }),
      customer("e", { region: "North" }),
      customer("f"),
      customer("g", { region: "South" }),
    ],
    orders: [
      order("a", "2023-06-01 10:00:00", 10),
      order("a", "2024-01-10 10:00:00", 10), // twice in W
      order("b", "2024-02-01 10:00:00", 10),
      order("b", "2024-02-05 10:00:00", 10, "refund"), // a refund is no second purchase
      order("c", "2023-03-01 10:00:00", 10), // before W
      order("c", "2024-03-10 10:00:00", 10),
      order("d", "2024-03-20 10:00:00", 10),
      order("d", "2024-03-20 10:00:00", 15), // two orders at one instant are two purchases
      order("e", "2024-03-01 10:00:00", 10, "refund"), // only a refund: no buyer
      order("f", "2023-05-01 10:00:00", 10),
      order("f", "2023-08-01 10:00:00", 10),
      order("f", "2024-02-01 10:00:00", 10), // three: one repeat customer
      order("g", "2023-01-01 10:00:00", 10),
      order("g", "2023-02-01 10:00:00", 10), // both before W
      {
        order_id: "anon",
        customer_id: null,
        ordered_at: "2024-03-05 10:00:00",
        amount: "10",
        type: "purchase",
      },
    ],
  };

  it("counts customers with two purchases or more in W among those with one", async () => {
    const engine = await tinyDataset(tables);
    expect((await march(engine, ["repeat_purchase_rate"]))("repeat_purchase_rate")).toMatchObject({
      numerator: 3, // a, d, f
      denominator: 5, // a, b, c, d, f
      value: 0.6,
    });
    const short = await march(engine, ["repeat_purchase_rate"], { window: "30d" });
    // W = [2024-03-02, 2024-04-01): c once, d twice.
    expect(short("repeat_purchase_rate")).toMatchObject({ numerator: 1, denominator: 2 });
    const feb = await runReport(engine, {
      metrics: ["repeat_purchase_rate"],
      from: "2024-02",
      to: "2024-02",
    });
    // W = [2023-03-02, 2024-03-01): a and f twice or more, b once; c's order of 2023-03-01 is outside.
    expect(feb.values[0]).toMatchObject({ numerator: 2, denominator: 3 });
    await engine.close();
  });

  it("splits by a customer dimension, and explain lists the customers behind both parts", async () => {
    const engine = await tinyDataset(tables);
    const result = await runReport(engine, {
      metrics: ["repeat_purchase_rate"],
      from: "2024-03",
      to: "2024-03",
      by: ["region"],
    });
    const of = (region: string | null) =>
      result.values.find((v) => v.segment !== null && v.segment.region === region);
    expect(of("North")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(of("South")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(of(null)).toMatchObject({ numerator: 1, denominator: 1 });
    const explained = await explainMetric(engine, { metric: "repeat_purchase_rate", period: "2024-03" });
    const ids = (part: string) =>
      explained.rows
        .filter((r) => r.part === part)
        .map((r) => r.recordId)
        .sort();
    expect(ids("numerator")).toEqual(["a", "d", "f"]);
    expect(ids("denominator")).toEqual(["a", "b", "c", "d", "f"]);
    await engine.close();
  });
});
