import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RFM_SEGMENTS } from "../../core/metrics/relations/customer-rfm.js";
import { listCampaigns, listStuckDeals } from "../../report/lists.js";
import { listTopCustomers } from "../../report/top-customers.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe("GET /api/v1/lists/*", () => {
  it("campaigns: the rows of listCampaigns", async () => {
    const { status, body } = await t.get("/api/v1/lists/campaigns?from=2024-01&to=2024-06");
    expect(status).toBe(200);
    const expected = await t.db.read((e) => listCampaigns(e, { from: "2024-01", to: "2024-06" }));
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(body.rows).toEqual(plain(expected.rows));
  });

  it("stuck deals: the rows of listStuckDeals", async () => {
    const { body } = await t.get("/api/v1/lists/stuck-deals?days=30");
    const expected = await t.db.read((e) => listStuckDeals(e, { days: 30 }));
    expect(body.rows).toEqual(plain(expected.rows));
    expect(body.threshold).toBe("days");
    expect(body.asOfDate).toBe(expected.asOfDate);
  });

  it("top customers: by value and by RFM", async () => {
    const byValue = await t.get("/api/v1/lists/top-customers?limit=5&by=value");
    const expected = await t.db.read((e) => listTopCustomers(e, { top: 5, sort: "value" }));
    expect(byValue.body.customers).toEqual(plain(expected.customers));
    expect(byValue.body.customers).toHaveLength(5);
    const rfm = await t.get("/api/v1/lists/top-customers?limit=3");
    expect(rfm.body.customers[0].rfmSegment).not.toBeUndefined();
  });

  it("rfm grid: counts and value per segment add up to every scored customer", async () => {
    const { body } = await t.get("/api/v1/lists/rfm-grid");
    expect(body.segments.map((s: { segment: string }) => s.segment)).toEqual([...RFM_SEGMENTS]);
    const all = await t.db.read((e) => listTopCustomers(e, { top: 100_000 }));
    const scored = all.customers.filter((c) => c.rfmSegment !== null);
    const total = body.segments.reduce((n: number, s: { customers: number }) => n + s.customers, 0);
    expect(total).toBe(scored.length);
    expect(body.unscored).toBe(all.customers.length - scored.length);
    const champions = scored.filter((c) => c.rfmSegment === "champions");
    const cell = body.segments.find((s: { segment: string }) => s.segment === "champions");
    expect(cell.customers).toBe(champions.length);
    expect(cell.windowRevenue).toBeCloseTo(
      champions.reduce((n, c) => n + c.windowRevenue, 0),
      6,
    );
  });

  it("refuses bad list parameters with 400", async () => {
    expect((await t.get("/api/v1/lists/top-customers?by=name")).status).toBe(400);
    expect((await t.get("/api/v1/lists/stuck-deals?days=-3")).status).toBe(400);
    expect((await t.get("/api/v1/lists/campaigns?from=2024-99")).status).toBe(400);
    expect((await t.get("/api/v1/lists/top-customers?window=99999999y")).status).toBe(400);
  });
});
