import { describe, expect, it } from "vitest";
import { type TinyTables, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import { CAMPAIGN_METRIC_IDS } from "./campaigns.js";

type Engine = Awaited<ReturnType<typeof tinyDataset>>;

/**
 * Campaign A: 300 spend in March (a 31-day bill from 03-01, all in March) and
 * 50 on 04-02; 4 leads in March (2 converted to customers c1 and c2), 1 in April.
 * Campaign B: no spend; 1 converted lead (customer c3).
 * c1: a second, later converted lead of B; first touch keeps it with A.
 */
const DATA: TinyTables = {
  campaigns: [
    { campaign_id: "A", name: 'Spring, "big" sale', channel: "ads" },
    { campaign_id: "B", name: "Referral push", channel: "referral" },
  ],
  spend: [
    {
      period_start: "2024-03-01",
      period_end: "2024-04-01",
      category: "marketing",
      campaign_id: "A",
      amount: "310",
    },
    { date: "2024-04-02", category: "marketing", campaign_id: "A", amount: "50" },
    // Spend of no campaign: counts in cac, not here.
    { date: "2024-03-05", category: "sales", amount: "1000" },
  ],
  leads: [
    {
      lead_id: "l1",
      created_at: "2024-03-02 09:00:00",
      campaign_id: "A",
      status: "converted",
      customer_id: "c1",
    },
    {
      lead_id: "l2",
      created_at: "2024-03-03 09:00:00",
      campaign_id: "A",
      status: "converted",
      customer_id: "c2",
    },
    { lead_id: "l3", created_at: "2024-03-04 09:00:00", campaign_id: "A", status: "open" },
    { lead_id: "l4", created_at: "2024-03-05 09:00:00", campaign_id: "A", status: "disqualified" },
    { lead_id: "l5", created_at: "2024-04-05 09:00:00", campaign_id: "A", status: "open" },
    {
      lead_id: "l6",
      created_at: "2024-03-06 09:00:00",
      campaign_id: "B",
      status: "converted",
      customer_id: "c3",
    },
    {
      lead_id: "l7",
      created_at: "2024-03-20 09:00:00",
      campaign_id: "B",
      status: "converted",
      customer_id: "c1",
    },
  ],
  customers: [
    { customer_id: "c1", created_at: "2024-03-10", acquired_at: "2024-03-10 00:00:00" },
    { customer_id: "c2", created_at: "2024-03-15", acquired_at: "2024-03-15 00:00:00" },
    { customer_id: "c3", created_at: "2024-03-20", acquired_at: "2024-03-20 00:00:00" },
  ],
  orders: [
    { order_id: "o1", customer_id: "c1", ordered_at: "2024-03-10 00:00:00", amount: "100" },
    // 90 days after 03-10 is 06-08 00:00: the second before counts, the instant itself does not.
    { order_id: "o2", customer_id: "c1", ordered_at: "2024-06-07 23:59:59", amount: "40" },
    { order_id: "o3", customer_id: "c1", ordered_at: "2024-06-08 00:00:00", amount: "1000" },
    { order_id: "o4", customer_id: "c2", ordered_at: "2024-03-20 00:00:00", amount: "30", type: "refund" },
    { order_id: "o5", customer_id: "c2", ordered_at: "2024-03-16 00:00:00", amount: "260" },
    { order_id: "o6", customer_id: "c3", ordered_at: "2024-03-21 00:00:00", amount: "70" },
  ],
};

async function campaignReport(engine: Engine, from: string, to: string, params?: Record<string, string>) {
  const result = await runReport(engine, {
    metrics: [...CAMPAIGN_METRIC_IDS],
    grain: "month",
    calendar: "gregorian",
    from,
    to,
    ...(params ? { params } : {}),
  });
  return (metric: string, period: string, campaign: string) =>
    result.values.find(
      (v) => v.metric === metric && v.period === period && v.segment?.campaign_id === campaign,
    );
}

describe("§6 campaign_*", () => {
  it("computes every figure per campaign and period", async () => {
    const engine = await tinyDataset(DATA);
    const get = await campaignReport(engine, "2024-03", "2024-04");
    const value = (metric: string, period: string, campaign: string) => get(metric, period, campaign)?.value;

    expect(value("campaign_spend", "2024-03", "A")).toBeCloseTo(310, 9);
    expect(value("campaign_spend", "2024-04", "A")).toBeCloseTo(50, 9);
    expect(value("campaign_leads", "2024-03", "A")).toBe(4);
    expect(value("campaign_leads", "2024-04", "A")).toBe(1);
    expect(value("campaign_converted_leads", "2024-03", "A")).toBe(2);
    expect(get("campaign_conversion_rate", "2024-03", "A")).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
    });
    // c1 came first through A (l1 before l7), so B has c3 only.
    expect(value("campaign_customers", "2024-03", "A")).toBe(2);
    expect(value("campaign_customers", "2024-03", "B")).toBe(1);
    expect(get("campaign_cost_per_lead", "2024-03", "A")?.value).toBeCloseTo(310 / 4, 9);
    expect(get("campaign_cac", "2024-03", "A")?.value).toBeCloseTo(155, 9);
    // c1: 100 + 40 (o3 is past the window); c2: 260 − 30 (refund).
    expect(value("campaign_revenue", "2024-03", "A")).toBeCloseTo(370, 9);
    expect(get("campaign_roi", "2024-03", "A")?.value).toBeCloseTo((370 - 310) / 310, 9);
    // April: spend and a lead, no customer; revenue is reported with the acquisition period.
    expect(get("campaign_cac", "2024-04", "A")).toMatchObject({ value: null, denominator: 0 });
    expect(value("campaign_revenue", "2024-04", "A")).toBe(0);
    expect(get("campaign_roi", "2024-04", "A")?.value).toBeCloseTo(-1, 9);
  });

  it("reports null cost per lead, cac and roi for a campaign without spend", async () => {
    const engine = await tinyDataset(DATA);
    const get = await campaignReport(engine, "2024-03", "2024-03");
    expect(get("campaign_spend", "2024-03", "B")?.value).toBe(0);
    expect(get("campaign_revenue", "2024-03", "B")?.value).toBe(70);
    for (const metric of ["campaign_cost_per_lead", "campaign_cac", "campaign_roi"]) {
      expect(get(metric, "2024-03", "B")?.value, metric).toBeNull();
    }
  });

  it("has one row per campaign and period, with no total row", async () => {
    const engine = await tinyDataset(DATA);
    const result = await runReport(engine, {
      metrics: ["campaign_leads"],
      grain: "month",
      from: "2024-02",
      to: "2024-04",
    });
    expect(result.values.map((v) => `${v.period} ${v.segment?.campaign_id}`).sort()).toEqual([
      "2024-02 A",
      "2024-02 B",
      "2024-03 A",
      "2024-03 B",
      "2024-04 A",
      "2024-04 B",
    ]);
  });

  it("counts orders up to campaign_window after acquisition", async () => {
    const engine = await tinyDataset(DATA);
    const get = await campaignReport(engine, "2024-03", "2024-03", { campaign_window: "100d" });
    expect(get("campaign_revenue", "2024-03", "A")?.value).toBeCloseTo(1370, 9);
  });

  it("explains campaign_roi with the orders and spend behind it", async () => {
    const engine = await tinyDataset(DATA);
    const result = await explainMetric(engine, {
      metric: "campaign_roi",
      period: "2024-03",
      segment: { campaign_id: "A" },
    });
    expect(result.value.numerator).toBeCloseTo(60, 9);
    expect(result.value.denominator).toBeCloseTo(310, 9);
    const part = (name: string) => result.rows.filter((r) => r.part === name);
    const sum = (rows: readonly { amount: number | null }[]) => rows.reduce((s, r) => s + (r.amount ?? 0), 0);
    expect(
      part("numerator")
        .filter((r) => r.entity === "orders")
        .map((r) => r.recordId)
        .sort(),
    ).toEqual(["o1", "o2", "o4", "o5"]);
    expect(sum(part("numerator"))).toBeCloseTo(60, 9);
    expect(sum(part("denominator"))).toBeCloseTo(310, 9);
    expect(part("denominator").every((r) => r.entity === "spend")).toBe(true);
  });

  it("leaves the customers of a campaign without spend out of cac's explanation", async () => {
    const engine = await tinyDataset(DATA);
    const result = await explainMetric(engine, {
      metric: "campaign_cac",
      period: "2024-03",
      segment: { campaign_id: "B" },
    });
    expect(result.value).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(result.rows).toEqual([]);
  });
});
