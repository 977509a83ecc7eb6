import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { formatReport } from "../../../cli/format-report.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";
import type { MetricValue } from "../definition/metric-value.js";

/**
 * Issue 8 part 10: every metric whose rows belong to customers breaks down by
 * every customer dimension, the definition restricted to the segment's
 * customers (ratios: numerator and denominator both). Hand-computed on tiny
 * datasets; the invariant on the reference data is in
 * test/conformance/breakdown-invariant.test.ts.
 */

type Segment = Record<string, string | null> | null;

async function march(engine: Engine, metrics: string[], by: string[], params: Record<string, string> = {}) {
  const result = await runReport(engine, {
    metrics,
    from: "2024-03",
    to: "2024-03",
    grain: "month",
    by,
    params,
  });
  const get = (metric: string, segment: Segment): MetricValue | undefined =>
    result.values.find((v) => v.metric === metric && JSON.stringify(v.segment) === JSON.stringify(segment));
  return { result, get };
}

let seq = 0;
function order(customerId: string, orderedAt: string, amount: number): TinyRow {
  seq += 1;
  return { order_id: `o${seq}`, customer_id: customerId, ordered_at: orderedAt, amount: String(amount) };
}
const customer = (id: string, extra: TinyRow = {}): TinyRow => ({
  customer_id: id,
  created_at: "2022-01-01 00:00:00",
  ...extra,
});

/**
 * March 2024, W = [2023-04-02, 2024-04-01), purchase activity (365 days):
 * - North: a (active at W start, orders 100 + 50 in W), b and d (active at W
 *   start, no order since: churned) → revenue 150, 2 orders, 1 buyer, 3 at
 *   start, 2 churned.
 * - South: c (acquired in W, 200), e (churned), f (active throughout, 70) →
 *   270, 2 orders, 2 buyers, 2 at start, 1 churned.
 * - no region: g (10 in W, acquired in W).
 */
const VALUE_DATA = {
  customers: [
    customer("a", { region: "North" }),
    customer("b", { region: "North" }),
    customer("c", { region: "South" }),
    customer("d", { region: "North" }),
    customer("e", { region: "South" }),
    customer("f", { region: "South" }),
    customer("g"),
  ],
  orders: [
    order("a", "2023-03-01 10:00:00", 40),
    order("a", "2024-03-10 10:00:00", 100),
    order("a", "2024-03-11 10:00:00", 50),
    order("b", "2023-03-15 10:00:00", 60),
    order("c", "2024-01-05 10:00:00", 200),
    order("d", "2023-01-10 10:00:00", 20),
    order("e", "2022-12-01 10:00:00", 5),
    order("f", "2023-02-01 10:00:00", 10),
    order("f", "2023-12-01 10:00:00", 70),
    order("g", "2024-02-01 10:00:00", 10),
  ],
};
const VALUE_METRICS = [
  "avg_purchase_value",
  "purchase_frequency",
  "customer_value",
  "customer_lifespan_years",
  "clv",
];

describe("§3 customer value per customer segment", () => {
  it("restricts revenue, orders, buyers and the churn base to the segment's customers", async () => {
    const engine = await tinyDataset(VALUE_DATA);
    const { result, get } = await march(engine, VALUE_METRICS, ["region"]);
    expect(result.notBrokenDown).toEqual([]);
    const north = { region: "North" };
    const south = { region: "South" };
    expect(get("avg_purchase_value", north)).toMatchObject({ numerator: 150, denominator: 2, value: 75 });
    expect(get("purchase_frequency", north)).toMatchObject({ numerator: 2, denominator: 1, value: 2 });
    expect(get("customer_value", north)).toMatchObject({ numerator: 150, denominator: 1, value: 150 });
    expect(get("customer_lifespan_years", north)).toMatchObject({ numerator: 3, denominator: 2, value: 1.5 });
    expect(get("clv", north)?.value).toBeCloseTo(225, 9); // 150 / (2 / 3)

    expect(get("avg_purchase_value", south)).toMatchObject({ numerator: 270, denominator: 2, value: 135 });
    expect(get("purchase_frequency", south)).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    expect(get("customer_value", south)).toMatchObject({ numerator: 270, denominator: 2, value: 135 });
    expect(get("customer_lifespan_years", south)).toMatchObject({ numerator: 2, denominator: 1, value: 2 });
    expect(get("clv", south)?.value).toBeCloseTo(270, 9); // 135 / (1 / 2)

    // No region: its own bucket; nobody was active at the window start, so no lifespan.
    const none = { region: null };
    expect(get("customer_value", none)).toMatchObject({ numerator: 10, denominator: 1 });
    expect(get("customer_lifespan_years", none)?.value).toBeNull();
    expect(get("clv", none)?.value).toBeNull();

    // The segments add up to the total.
    expect(get("avg_purchase_value", null)).toMatchObject({ numerator: 430, denominator: 5 });
    expect(get("customer_value", null)).toMatchObject({ numerator: 430, denominator: 4 });
    expect(get("customer_lifespan_years", null)).toMatchObject({ numerator: 5, denominator: 3 });
  });

  it("gives a region without customers in the window its zeros, and explains a segment with its rows", async () => {
    const engine = await tinyDataset({
      ...VALUE_DATA,
      customers: [...VALUE_DATA.customers, customer("h", { region: "West" })],
    });
    const { get } = await march(engine, ["avg_purchase_value"], ["region"]);
    expect(get("avg_purchase_value", { region: "West" })).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
    const explained = await explainMetric(engine, {
      metric: "customer_lifespan_years",
      period: "2024-03",
      segment: { region: "North" },
    });
    const ids = (part: string) =>
      explained.rows
        .filter((r) => r.part === part)
        .map((r) => r.recordId)
        .sort();
    expect(ids("numerator")).toEqual(["a", "b", "d"]);
    expect(ids("denominator")).toEqual(["b", "d"]);
  });
});

/**
 * Customers acquired in March 2024 by first order: a, b (ads), c (referral),
 * d (no channel). Spend in March: ads 300, referral 100, 50 without channel.
 */
const CHANNEL_DATA = {
  customers: [
    customer("a", { acquisition_channel: "ads" }),
    customer("b", { acquisition_channel: "ads" }),
    customer("c", { acquisition_channel: "referral" }),
    customer("d"),
  ],
  orders: [
    order("a", "2024-03-05 10:00:00", 100),
    order("a", "2024-03-20 10:00:00", 50),
    order("b", "2024-03-10 10:00:00", 30),
    order("c", "2024-03-12 10:00:00", 200),
    order("d", "2024-03-15 10:00:00", 10),
  ],
  spend: [
    { date: "2024-03-01", category: "marketing", channel: "ads", amount: "300" },
    { date: "2024-03-01", category: "marketing", channel: "referral", amount: "100" },
    { date: "2024-03-02", category: "sales", channel: null, amount: "50" },
  ],
};

describe("CLV to CAC and CAC payback per acquisition channel", () => {
  it("divides the channel's clv by the channel's cac (LTV:CAC per channel)", async () => {
    const engine = await tinyDataset(CHANNEL_DATA);
    const metrics = ["clv", "cac", "ltv_to_cac", "cac_payback_months"];
    const { result, get } = await march(engine, metrics, ["acquisition_channel"], { lifespan_years: "2" });
    expect(result.notBrokenDown).toEqual([]);
    const ads = { acquisition_channel: "ads" };
    const referral = { acquisition_channel: "referral" };
    // ads: clv = 180 / 2 buyers × 2 years = 180; cac = 300 / 2 = 150.
    expect(get("clv", ads)?.value).toBeCloseTo(180, 9);
    expect(get("cac", ads)?.value).toBe(150);
    expect(get("ltv_to_cac", ads)?.value).toBeCloseTo(1.2, 9);
    // referral: clv = 200 × 2 = 400; cac = 100.
    expect(get("ltv_to_cac", referral)?.value).toBeCloseTo(4, 9);
    // Payback: cac / (cohort revenue in 90 d / (N × 3 months)): ads 150 / (180 / 6) = 5, referral 100 / (200 / 3) = 1.5.
    expect(get("cac_payback_months", ads)?.value).toBeCloseTo(5, 9);
    expect(get("cac_payback_months", referral)?.value).toBeCloseTo(1.5, 9);
    // As cac: no null bucket (spend without a channel counts only in the total).
    expect(
      result.values.some((v) => v.metric === "ltv_to_cac" && v.segment?.acquisition_channel === null),
    ).toBe(false);
    // Total: clv 390 / 4 × 2 = 195, cac 450 / 4 = 112.5.
    expect(get("ltv_to_cac", null)?.value).toBeCloseTo(195 / 112.5, 9);
  });

  it("reports them as totals only under --by region, saying spend has no customer", async () => {
    const engine = await tinyDataset(CHANNEL_DATA);
    const { result } = await march(engine, ["clv", "ltv_to_cac", "cac_payback_months"], ["region"]);
    expect(result.notBrokenDown).toEqual(["ltv_to_cac", "cac_payback_months"]);
    const notes = formatReport(result, {
      format: "ndjson",
      lang: "en",
      unitOf: () => "count",
      by: ["region"],
    }).notes;
    expect(notes).toEqual([
      "Totals only by region, spend rows name a channel, not a customer (only the acquisition channel breakdown works): CLV to CAC ratio, CAC payback period",
    ]);
  });
});

describe("leads, deals, stages and surveys per customer segment", () => {
  const customers = [customer("a", { region: "North" }), customer("c", { region: "South" })];

  it("lead conversion: a lead belongs to the customer it converted into, else to the null bucket", async () => {
    const engine = await tinyDataset({
      customers,
      leads: [
        { lead_id: "L1", created_at: "2024-03-01", status: "converted", customer_id: "a" },
        { lead_id: "L2", created_at: "2024-03-02", status: "converted", customer_id: "c" },
        { lead_id: "L3", created_at: "2024-03-03", status: "open" },
        { lead_id: "L4", created_at: "2024-03-04", status: "disqualified" },
      ],
    });
    const { get } = await march(engine, ["lead_conversion_rate"], ["region"]);
    expect(get("lead_conversion_rate", { region: "North" })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(get("lead_conversion_rate", { region: "South" })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(get("lead_conversion_rate", { region: null })).toMatchObject({ numerator: 0, denominator: 2 });
    expect(get("lead_conversion_rate", null)).toMatchObject({ numerator: 2, denominator: 4 });
  });

  it("stage duration and conversion per stage and region; a deal without a customer in the null bucket", async () => {
    const engine = await tinyDataset({
      customers,
      deals: [
        { deal_id: "d1", customer_id: "a", status: "won", created_at: "2024-03-01", closed_at: "2024-03-10" },
        { deal_id: "d2", status: "lost", created_at: "2024-03-01", closed_at: "2024-03-06" },
      ],
      deal_stages: [
        { deal_id: "d1", stage: "demo", entered_at: "2024-03-02" },
        { deal_id: "d1", stage: "proposal", entered_at: "2024-03-05" },
        { deal_id: "d2", stage: "demo", entered_at: "2024-03-04" },
      ],
    });
    const { result, get } = await march(
      engine,
      ["stage_duration_days", "stage_conversion", "win_rate"],
      ["region"],
    );
    expect(result.notBrokenDown).toEqual([]);
    const demo = (region: string | null) => ({ pipeline: "default", stage: "demo", region });
    expect(get("stage_conversion", demo("North"))).toMatchObject({ numerator: 1, denominator: 1 });
    expect(get("stage_conversion", demo(null))).toMatchObject({ numerator: 0, denominator: 1 });
    expect(get("stage_conversion", { pipeline: "default", stage: "demo" })).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
    expect(get("stage_duration_days", demo("North"))).toMatchObject({ numerator: 3, denominator: 1 });
    expect(get("stage_duration_days", demo(null))).toMatchObject({ numerator: 2, denominator: 1 });
    expect(get("win_rate", { region: null })).toMatchObject({ numerator: 0, denominator: 1 });
    expect(get("win_rate", { region: "North" })).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it("survey response rate per survey kind and region", async () => {
    const engine = await tinyDataset({
      customers,
      survey_responses: [
        {
          response_id: "r1",
          survey: "nps",
          customer_id: "a",
          sent_at: "2024-03-01",
          responded_at: "2024-03-02",
          score: "9",
        },
        { response_id: "r2", survey: "nps", customer_id: "c", sent_at: "2024-03-03" },
        {
          response_id: "r3",
          survey: "nps",
          customer_id: "c",
          sent_at: "2024-03-04",
          responded_at: "2024-03-05",
          score: "3",
        },
      ],
    });
    const { get } = await march(engine, ["survey_response_rate"], ["region"]);
    expect(get("survey_response_rate", { survey: "nps", region: "North" })).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(get("survey_response_rate", { survey: "nps", region: "South" })).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });

  it("campaign customers, revenue and leads per campaign and region; spend-based ones stay per campaign", async () => {
    const engine = await tinyDataset({
      customers: [customer("a", { region: "North" }), customer("c", { region: "South" })],
      campaigns: [{ campaign_id: "K1" }],
      leads: [
        { lead_id: "L1", created_at: "2024-03-01", status: "converted", customer_id: "a", campaign_id: "K1" },
        { lead_id: "L2", created_at: "2024-03-01", status: "converted", customer_id: "c", campaign_id: "K1" },
        { lead_id: "L3", created_at: "2024-03-01", status: "open", campaign_id: "K1" },
      ],
      orders: [order("a", "2024-03-05 10:00:00", 100), order("c", "2024-03-06 10:00:00", 40)],
      spend: [{ date: "2024-03-01", category: "marketing", campaign_id: "K1", amount: "70" }],
    });
    const metrics = ["campaign_customers", "campaign_revenue", "campaign_leads", "campaign_roi"];
    const { result, get } = await march(engine, metrics, ["region"]);
    const k1 = (region: string | null) => ({ campaign_id: "K1", region });
    expect(get("campaign_customers", k1("North"))?.value).toBe(1);
    expect(get("campaign_revenue", k1("North"))?.value).toBe(100);
    expect(get("campaign_revenue", k1("South"))?.value).toBe(40);
    expect(get("campaign_leads", k1(null))?.value).toBe(1);
    expect(get("campaign_leads", { campaign_id: "K1" })?.value).toBe(3);
    expect(result.notBrokenDown).toEqual(["campaign_roi"]);
  });
});
