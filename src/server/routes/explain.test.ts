import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainMetric } from "../../report/explain.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

describe("GET /api/v1/explain", () => {
  it("gives explainMetric's value and rows, paged", async () => {
    const expected = await t.db.read((e) =>
      explainMetric(e, { metric: "customer_churn_rate", period: "2024-03", limit: 10_000 }),
    );
    expect(expected.rows.length).toBeGreaterThan(3);
    const { status, body } = await t.get(
      "/api/v1/explain?metric=customer_churn_rate&period=2024-03&pageSize=2&page=2",
    );
    expect(status).toBe(200);
    expect(body.value).toEqual(JSON.parse(JSON.stringify(expected.value)));
    expect(body.total).toBe(expected.rows.length);
    expect(body.rows).toEqual(expected.rows.slice(2, 4));
    expect(body.columns).toEqual(["part", "entity", "recordId", "amount", "detail"]);
  });

  it("filters one side and sorts by a row column", async () => {
    const { body } = await t.get(
      "/api/v1/explain?metric=customer_churn_rate&period=2024-03&side=numerator&sort=recordId&order=desc&pageSize=1000",
    );
    expect(body.rows.length).toBe(body.value.numerator);
    const ids = body.rows.map((r: { recordId: string }) => r.recordId);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(body.rows.every((r: { part: string }) => r.part === "numerator")).toBe(true);
  });

  it("filters by a segment", async () => {
    const { body } = await t.get("/api/v1/explain?metric=new_customers&period=2024-03&segment=region=Europe");
    const expected = await t.db.read((e) =>
      explainMetric(e, { metric: "new_customers", period: "2024-03", segment: { region: "Europe" } }),
    );
    expect(body.value.value).toBe(expected.value.value);
    expect(body.value.segment).toEqual({ region: "Europe" });
  });

  it("refuses a sort column that is not a row column, and an unknown metric", async () => {
    const sort = await t.get("/api/v1/explain?metric=new_customers&period=2024-03&sort=1;DROP");
    expect(sort.status).toBe(400);
    expect(sort.body.error.code).toBe("bad_request");
    const metric = await t.get("/api/v1/explain?metric=nope&period=2024-03&lang=zh");
    expect(metric.status).toBe(400);
    expect(metric.body.error.code).toBe("unknown_metric");
    expect(metric.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a segment on an unknown dimension with unknown_dimension", async () => {
    const { status, body } = await t.get("/api/v1/explain?metric=revenue&period=2024-03&segment=nope=1");
    expect(status).toBe(400);
    expect(body.error.code).toBe("unknown_dimension");
  });
});
