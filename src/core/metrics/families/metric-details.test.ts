import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { runReport } from "../../../report/run-report.js";
import { listTopCustomers } from "../../../report/top-customers.js";
import { Z_95 } from "../fragments/nps-components.js";

/** Issue 8 part 7: NPS components and margin of error, pipeline_value without amounts, MRR in `customers`. */
async function march(engine: Awaited<ReturnType<typeof tinyDataset>>, metrics: string[], by: string[] = []) {
  const result = await runReport(engine, { metrics, grain: "month", from: "2024-03", to: "2024-03", by });
  return (id: string, segment: Record<string, string> | null = null) =>
    result.values.find((v) => v.metric === id && JSON.stringify(v.segment) === JSON.stringify(segment));
}

let seq = 0;
function nps(score: number, customer = "c1"): TinyRow {
  seq += 1;
  return {
    response_id: `r${seq}`,
    survey: "nps",
    customer_id: customer,
    sent_at: "2024-03-05 10:00:00",
    responded_at: "2024-03-06 10:00:00",
    score,
  };
}

const CUSTOMERS: TinyRow[] = [
  { customer_id: "c1", created_at: "2024-01-01", region: "North" },
  { customer_id: "c2", created_at: "2024-01-01", region: "South" },
];

describe("nps components and margin of error", () => {
  it("counts promoters, passives, detractors with shares, SE and a 95 % interval (hand-computed)", async () => {
    // 10 responses: 5 promoters (9, 10), 3 passives (7, 8), 2 detractors (0, 6).
    // NPS = 100 × (0.5 − 0.2) = 30; var = (0.5 + 0.2) − 0.3² = 0.61 (on ±1);
    // SE = 100 × √(0.61 / 10) = 24.698178070456937; CI = 30 ∓ 1.959963984540054 × SE.
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: [9, 10, 9, 10, 9, 7, 8, 7, 0, 6].map((s) => nps(s)),
    });
    const get = await march(engine, ["nps"]);
    expect(get("nps")?.value).toBeCloseTo(30, 12);
    expect(get("nps_promoters")?.value).toBe(5);
    expect(get("nps_passives")?.value).toBe(3);
    expect(get("nps_detractors")?.value).toBe(2);
    expect(get("nps_promoters_share")).toMatchObject({ value: 0.5, numerator: 5, denominator: 10 });
    expect(get("nps_passives_share")?.value).toBeCloseTo(0.3, 15);
    expect(get("nps_detractors_share")?.value).toBeCloseTo(0.2, 15);
    const se = 100 * Math.sqrt(0.61 / 10);
    expect(get("nps_standard_error")?.value).toBeCloseTo(24.698178070456937, 9);
    expect(get("nps_ci_low")?.value).toBeCloseTo(30 - Z_95 * se, 9);
    expect(get("nps_ci_high")?.value).toBeCloseTo(30 + Z_95 * se, 9);
  });

  it("breaks the components down by customer dimension; an empty period reads 0 counts and null shares", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: [nps(10, "c1"), nps(3, "c1"), nps(8, "c2")],
    });
    const get = await march(engine, ["nps"], ["region"]);
    expect(get("nps_promoters", { region: "North" })?.value).toBe(1);
    expect(get("nps_detractors", { region: "North" })?.value).toBe(1);
    // North: p = d = 0.5 → var = 1 − 0 = 1, SE = 100 × √(1/2).
    expect(get("nps_standard_error", { region: "North" })?.value).toBeCloseTo(100 * Math.sqrt(0.5), 9);
    expect(get("nps_passives", { region: "South" })?.value).toBe(1);
    // One passive: var = 0, SE = 0 (population variance is defined from n = 1).
    expect(get("nps_standard_error", { region: "South" })?.value).toBe(0);
    const empty = await runReport(engine, {
      metrics: ["nps"],
      grain: "month",
      from: "2024-02",
      to: "2024-02",
    });
    const feb = (id: string) => empty.values.find((v) => v.metric === id && v.segment === null);
    expect(feb("nps_promoters")?.value).toBe(0);
    expect(feb("nps_promoters_share")?.value).toBeNull();
    expect(feb("nps_standard_error")?.value).toBeNull();
  });
});

describe("pipeline_value", () => {
  it("is not available (null, not 0) when no open deal has an amount", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      deals: [
        { deal_id: "d1", customer_id: "c1", status: "open", created_at: "2024-03-02 10:00:00" },
        { deal_id: "d2", customer_id: "c2", status: "open", created_at: "2024-03-03 10:00:00" },
      ],
    });
    const get = await march(engine, ["pipeline_value"]);
    expect(get("pipeline_value")?.value).toBeNull();
  });

  it("sums the amounts there are when some open deal has one", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      deals: [
        {
          deal_id: "d1",
          customer_id: "c1",
          status: "open",
          created_at: "2024-03-02 10:00:00",
          amount: "120.5",
        },
        { deal_id: "d2", customer_id: "c2", status: "open", created_at: "2024-03-03 10:00:00" },
      ],
    });
    const get = await march(engine, ["pipeline_value"]);
    expect(get("pipeline_value")?.value).toBe(120.5);
  });
});

describe("customers list MRR", () => {
  const orders: TinyRow[] = [
    { order_id: "o1", customer_id: "c1", ordered_at: "2024-03-10 10:00:00", amount: "50" },
  ];

  it("is null (not available) when the data has no subscriptions", async () => {
    const engine = await tinyDataset({ customers: CUSTOMERS, orders });
    const result = await listTopCustomers(engine, { asOf: "2024-03-31" });
    expect(result.customers.length).toBeGreaterThan(0);
    expect(result.customers.map((c) => c.mrr)).toEqual(result.customers.map(() => null));
  });

  it("is a number, 0 for a customer without a term, when there are subscriptions", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      orders,
      subscriptions: [
        {
          term_id: "t1",
          subscription_id: "s1",
          customer_id: "c2",
          start_at: "2024-01-01",
          interval: "quarter",
          amount: "30",
        },
      ],
    });
    const result = await listTopCustomers(engine, { asOf: "2024-03-31" });
    const mrr = Object.fromEntries(result.customers.map((c) => [c.customerId, c.mrr]));
    expect(mrr).toEqual({ c1: 0, c2: 10 });
  });
});
