import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TinyTables, tinyDataset } from "../../test/support/tiny-dataset.js";
import type { Engine } from "../core/engine.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { importDataset } from "../import/index.js";
import { CAMPAIGN_FIGURES, listCampaigns, listStuckDeals } from "./lists.js";
import { runReport } from "./run-report.js";

const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");

const CAMPAIGNS: TinyTables = {
  campaigns: [
    { campaign_id: "A", name: "Spring", channel: "ads" },
    { campaign_id: "Q", name: "Quiet", channel: "email" },
  ],
  spend: [
    { date: "2024-01-10", category: "marketing", campaign_id: "A", amount: "100" },
    { date: "2024-03-10", category: "marketing", campaign_id: "A", amount: "300" },
  ],
  leads: [
    {
      lead_id: "l1",
      created_at: "2024-01-02 09:00:00",
      campaign_id: "A",
      status: "converted",
      customer_id: "c1",
    },
    { lead_id: "l2", created_at: "2024-03-02 09:00:00", campaign_id: "A", status: "open" },
    // Named only by a lead: listed without name or channel.
    { lead_id: "l3", created_at: "2024-02-02 09:00:00", campaign_id: "X", status: "open" },
  ],
  customers: [{ customer_id: "c1", created_at: "2024-01-05", acquired_at: "2024-01-05 00:00:00" }],
  orders: [{ order_id: "o1", customer_id: "c1", ordered_at: "2024-01-06 00:00:00", amount: "800" }],
};

describe("listCampaigns", () => {
  it("gives one row per active campaign over the whole data range", async () => {
    const engine = await tinyDataset(CAMPAIGNS);
    const list = await listCampaigns(engine);
    expect(list.periods.map((p) => p.label)).toEqual(["2024-01..2024-03"]);
    expect(list.rows.map((r) => [r.campaignId, r.name, r.channel])).toEqual([
      ["A", "Spring", "ads"],
      ["X", null, null],
    ]);
    const a = list.rows[0]?.figures;
    expect(a).toMatchObject({ spend: 400, leads: 2, converted_leads: 1, conversion_rate: 0.5, customers: 1 });
    expect(a?.cost_per_lead).toBe(200);
    expect(a?.cac).toBe(400);
    expect(a?.revenue).toBe(800);
    expect(a?.roi).toBe(1);
    expect(Object.keys(a ?? {})).toEqual([...CAMPAIGN_FIGURES]);
  });

  it("limits the range with from/to and splits it with a grain", async () => {
    const engine = await tinyDataset(CAMPAIGNS);
    const march = await listCampaigns(engine, { from: "2024-03", to: "2024-03" });
    expect(march.rows.map((r) => r.campaignId)).toEqual(["A"]);
    expect(march.rows[0]?.figures).toMatchObject({ spend: 300, leads: 1, customers: 0, cac: null, roi: -1 });

    const monthly = await listCampaigns(engine, { from: "2024-Q1", to: "2024-Q1", grain: "month" });
    expect(monthly.range).toBeNull();
    expect(monthly.rows.map((r) => `${r.period} ${r.campaignId}`)).toEqual([
      "2024-01 A",
      "2024-02 X",
      "2024-03 A",
    ]);
  });

  it("agrees with the report of the same metrics", async () => {
    const engine = await tinyDataset(CAMPAIGNS);
    const list = await listCampaigns(engine, { from: "2024-01", to: "2024-01" });
    const report = await runReport(engine, {
      metrics: ["campaign_cac"],
      grain: "month",
      from: "2024-01",
      to: "2024-01",
    });
    const cac = report.values.find((v) => v.segment?.campaign_id === "A")?.value;
    expect(list.rows[0]?.figures.cac).toBe(cac);
  });
});

describe("listStuckDeals", () => {
  const past = [1, 2, 3, 4, 5].map((n) => ({ id: `h${n}`, closed: `2024-02-0${1 + n} 00:00:00` }));
  const DEALS: TinyTables = {
    pipeline_stages: [{ pipeline: "default", stage: "new", position: "1" }],
    deals: [
      ...past.map((p) => ({ deal_id: p.id, status: "lost", created_at: "2024-02-01", closed_at: p.closed })),
      { deal_id: "x", status: "open", created_at: "2024-03-25", owner_id: "r1", customer_id: "c1" },
      { deal_id: "y", status: "open", created_at: "2024-03-29" },
    ],
    deal_stages: [
      ...past.map((p) => ({ deal_id: p.id, stage: "new", entered_at: "2024-02-01 00:00:00" })),
      { deal_id: "x", stage: "new", entered_at: "2024-03-25 00:00:00" },
      { deal_id: "y", stage: "new", entered_at: "2024-03-29 00:00:00" },
    ],
    customers: [{ customer_id: "c1", created_at: "2024-01-01" }],
  };

  it("lists deals past the stage's p90 as of the end of a date", async () => {
    const engine = await tinyDataset(DEALS);
    // End of 03-31 = 04-01 00:00: x has 7 days in `new`, y 3; p90 of 1..5 is 4.6.
    const list = await listStuckDeals(engine, { asOf: "2024-03-31" });
    expect(list.asOfDate).toBe("2024-03-31");
    expect(new Date(list.asOfMs).toISOString()).toBe("2024-04-01T00:00:00.000Z");
    expect(list.threshold).toBe("p90");
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      dealId: "x",
      customerId: "c1",
      ownerId: "r1",
      pipeline: "default",
      stage: "new",
      enteredAt: "2024-03-25T00:00:00.000Z",
      daysInStage: 7,
      threshold: "p90",
    });
    expect(list.rows[0]?.thresholdDays).toBeCloseTo(4.6, 9);
  });

  it("uses --days instead, and the Jalali as-of date of a Persian dataset", async () => {
    const engine = await tinyDataset(DEALS, { calendar: "persian" });
    // 1403-01-12 is 2024-03-31.
    const list = await listStuckDeals(engine, { asOf: "1403-01-12", days: 2 });
    expect(list.asOfDate).toBe("1403-01-12");
    expect(list.rows.map((r) => [r.dealId, r.thresholdDays, r.threshold])).toEqual([
      ["x", 2, "days"],
      ["y", 2, "days"],
    ]);
    await expect(listStuckDeals(engine, { days: -1 })).rejects.toMatchObject({ code: "bad_argument" });
    await expect(listStuckDeals(engine, { asOf: "1403-13-01" })).rejects.toMatchObject({
      code: "bad_argument",
    });
  });

  it("defaults to the end of the day of the latest event", async () => {
    const engine = await tinyDataset(DEALS);
    const list = await listStuckDeals(engine);
    expect(list.asOfDate).toBe("2024-03-29");
    expect(list.rows.map((r) => r.dealId)).toEqual(["x"]);
  });
});

describe("lists on the reference dataset", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
  }, 120_000);
  afterAll(() => engine.close());

  it("keeps the campaign table consistent with the totals", async () => {
    const list = await listCampaigns(engine);
    expect(list.rows.length).toBeGreaterThan(10);
    const sum = (f: (typeof CAMPAIGN_FIGURES)[number]) =>
      list.rows.reduce((s, r) => s + (r.figures[f] ?? 0), 0);
    const totals = await engine.query({
      sql: `SELECT (SELECT SUM(amount_base) FROM spend) AS spend,
                   (SELECT COUNT(*) FROM leads WHERE campaign_id IS NOT NULL) AS leads`,
      params: [],
    });
    const total = totals[0] ?? {};
    expect(sum("spend")).toBeGreaterThan(0);
    expect(sum("spend")).toBeLessThanOrEqual(Number(total.spend) + 1e-6);
    // The whole range holds every lead of a campaign.
    expect(sum("leads")).toBe(Number(total.leads));
    for (const row of list.rows) {
      expect(row.figures.converted_leads ?? 0).toBeLessThanOrEqual(row.figures.leads ?? 0);
      if (row.figures.spend === 0) expect(row.figures.roi).toBeNull();
    }
    // First touch: no customer counts for two campaigns.
    const newCustomers = await runReport(engine, { metrics: ["new_customers"], grain: "year" });
    const acquired = newCustomers.values.reduce((s, v) => s + (v.value ?? 0), 0);
    expect(sum("customers")).toBeGreaterThan(0);
    expect(sum("customers")).toBeLessThanOrEqual(acquired);
  });

  it("lists stuck deals that are open and past their threshold", async () => {
    const list = await listStuckDeals(engine, { asOf: "2024-06-30" });
    expect(list.rows.length).toBeGreaterThan(0);
    for (const row of list.rows) expect(row.daysInStage).toBeGreaterThan(row.thresholdDays);
    const days = list.rows.map((r) => r.daysInStage);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });
});
