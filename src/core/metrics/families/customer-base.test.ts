import { describe, expect, it } from "vitest";
import { tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";

const MARCH = { from: "2024-03", to: "2024-03", grain: "month" } as const;

async function march(engine: Awaited<ReturnType<typeof tinyDataset>>, metrics: string[], by: string[] = []) {
  const result = await runReport(engine, { metrics, ...MARCH, by });
  return (id: string, segment: Record<string, string | null> | null = null) =>
    result.values.find((v) => v.metric === id && JSON.stringify(v.segment) === JSON.stringify(segment));
}

/** A subscription customer: one monthly term from `start` to `end` (exclusive; empty = still running). */
function subscriber(id: string, start: string, end: string | null, extra: Record<string, string> = {}) {
  return {
    customer: { customer_id: id, created_at: start, ...extra },
    term: {
      term_id: `t-${id}-${start}`,
      subscription_id: `s-${id}`,
      customer_id: id,
      amount: "10",
      interval: "month",
      start_at: start,
      end_at: end,
    },
  };
}

describe("§1 customer base", () => {
  it("net change, seed 002: 100 new, 80 churned → +20", async () => {
    const people = [
      ...Array.from({ length: 80 }, (_, i) => subscriber(`old${i}`, "2024-01-10", "2024-03-15")),
      ...Array.from({ length: 20 }, (_, i) => subscriber(`stay${i}`, "2024-01-10", null)),
      ...Array.from({ length: 100 }, (_, i) => subscriber(`new${i}`, "2024-03-05", null)),
    ];
    const engine = await tinyDataset({
      customers: people.map((p) => p.customer),
      subscriptions: people.map((p) => p.term),
    });
    const get = await march(engine, [
      "new_customers",
      "churned_customers",
      "net_customer_change",
      "customer_churn_rate",
      "customer_retention_rate",
    ]);
    expect(get("new_customers")?.value).toBe(100);
    expect(get("churned_customers")?.value).toBe(80);
    expect(get("net_customer_change")?.value).toBe(20);
    expect(get("customer_churn_rate")).toMatchObject({ numerator: 80, denominator: 100, value: 0.8 });
    // (E − N) / S = (120 − 100) / 100: retention + churn = 1 when nobody is reactivated.
    expect(get("customer_retention_rate")).toMatchObject({ numerator: 20, denominator: 100, value: 0.2 });
  });

  it("counts a term ending exactly at the period start as active at the start (evaluated just before t)", async () => {
    const a = subscriber("a", "2024-01-01", "2024-03-01");
    const engine = await tinyDataset({ customers: [a.customer], subscriptions: [a.term] });
    const get = await march(engine, ["churned_customers", "customer_churn_rate"]);
    expect(get("churned_customers")?.value).toBe(1);
    expect(get("customer_churn_rate")?.denominator).toBe(1);
  });

  it("reactivation, growth and a prospect who is never counted", async () => {
    const back = subscriber("back", "2023-01-01", "2023-06-01");
    const backAgain = { ...subscriber("back", "2024-03-10", null).term, term_id: "t-back-2" };
    const steady = subscriber("steady", "2023-01-01", null);
    const engine = await tinyDataset({
      customers: [back.customer, steady.customer, { customer_id: "prospect", created_at: "2024-03-02" }],
      subscriptions: [back.term, backAgain, steady.term],
    });
    const get = await march(engine, [
      "reactivated_customers",
      "new_customers",
      "customer_base_growth_rate",
      "customer_churn_rate",
    ]);
    expect(get("reactivated_customers")?.value).toBe(1);
    expect(get("new_customers")?.value).toBe(0);
    expect(get("customer_base_growth_rate")).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(get("customer_churn_rate")).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it("purchase activity: an order within inactivity_days keeps a customer active", async () => {
    const engine = await tinyDataset(
      {
        customers: [
          { customer_id: "buyer", created_at: "2023-01-01" },
          { customer_id: "lapsed", created_at: "2023-01-01" },
        ],
        orders: [
          { order_id: "o1", customer_id: "buyer", ordered_at: "2023-01-05", amount: "5" },
          { order_id: "o2", customer_id: "buyer", ordered_at: "2024-02-20", amount: "5" },
          { order_id: "o3", customer_id: "lapsed", ordered_at: "2023-03-15 12:00:00", amount: "5" },
        ],
      },
      { activity: "purchase", inactivity_days: 365 },
    );
    const get = await march(engine, ["churned_customers", "active_purchase_rate", "customer_churn_rate"]);
    // lapsed: last activity 2023-03-15 12:00 + 365 d = 2024-03-14 12:00, inside March → churned.
    expect(get("churned_customers")?.value).toBe(1);
    expect(get("customer_churn_rate")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(get("active_purchase_rate")).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it("a zero denominator is null, never 0, and --by gives every dimension value including the empty one", async () => {
    const a = subscriber("a", "2024-03-02", null, { region: "North" });
    const b = subscriber("b", "2024-03-03", null);
    const engine = await tinyDataset({
      customers: [a.customer, b.customer],
      subscriptions: [a.term, b.term],
    });
    const get = await march(engine, ["customer_churn_rate", "new_customers"], ["region"]);
    expect(get("customer_churn_rate")).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(get("new_customers", { region: "North" })?.value).toBe(1);
    expect(get("new_customers", { region: null })?.value).toBe(1);
  });

  it("explain lists the customers behind churn", async () => {
    const gone = subscriber("gone", "2024-01-01", "2024-03-10");
    const kept = subscriber("kept", "2024-01-01", null);
    const engine = await tinyDataset({
      customers: [gone.customer, kept.customer],
      subscriptions: [gone.term, kept.term],
    });
    const result = await explainMetric(engine, { metric: "customer_churn_rate", period: "2024-03" });
    expect(result.value).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    const ids = (part: string) =>
      result.rows
        .filter((r) => r.part === part)
        .map((r) => r.recordId)
        .sort();
    expect(ids("numerator")).toEqual(["gone"]);
    expect(ids("denominator")).toEqual(["gone", "kept"]);
  });
});
