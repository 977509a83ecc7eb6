import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPeriodLabel } from "../../calendar/index.js";
import { periodOptions, runReport } from "../../report/run-report.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

const plain = (v: object) => JSON.parse(JSON.stringify(v));
/** Row order of grouped values is the engine's: compare as sets. */
const sorted = <T extends object>(values: readonly T[]) => values.map((v) => JSON.stringify(plain(v))).sort();

describe("GET /api/v1/report", () => {
  it("gives the values of runReport for the same request", async () => {
    const { status, body } = await t.get(
      "/api/v1/report?metrics=new_customers,customer_churn_rate&grain=month&from=2024-01&to=2024-06&by=region",
    );
    expect(status).toBe(200);
    const expected = await t.db.read((e) =>
      runReport(e, {
        metrics: ["new_customers", "customer_churn_rate"],
        grain: "month",
        from: "2024-01",
        to: "2024-06",
        by: ["region"],
      }),
    );
    expect(expected.values.length).toBeGreaterThan(0);
    expect(sorted(body.values)).toEqual(sorted(expected.values));
    expect(body.periods.map((p: { label: string }) => p.label)).toEqual(expected.periods.map((p) => p.label));
    expect(body.notBrokenDown).toEqual(expected.notBrokenDown);
  });

  it("labels periods in the request's language and calendar", async () => {
    const { body } = await t.get(
      "/api/v1/report?metrics=revenue&calendar=persian&from=1403-01&to=1403-02&lang=fa",
    );
    const result = await t.db.read((e) =>
      runReport(e, { metrics: ["revenue"], calendar: "persian", from: "1403-01", to: "1403-02" }),
    );
    const options = periodOptions(result.settings, { calendar: "persian" });
    expect(body.periods.map((p: { display: string }) => p.display)).toEqual(
      result.periods.map((p) => formatPeriodLabel(p, options, "fa")),
    );
    expect(body.periods[0].display).toMatch(/فروردین/);
  });

  it("adds the previous period of each period with compare=previous", async () => {
    const { body } = await t.get("/api/v1/report?metrics=revenue&from=2024-03&to=2024-04&compare=previous");
    const earlier = await t.db.read((e) =>
      runReport(e, { metrics: ["revenue"], from: "2024-02", to: "2024-03" }),
    );
    const comparedWith: Record<string, string> = { "2024-02": "2024-03", "2024-03": "2024-04" };
    expect(earlier.values).toHaveLength(2);
    expect(body.previous).toEqual(
      earlier.values.map((v) => ({ ...plain(v), period: comparedWith[v.period], previousPeriod: v.period })),
    );
  });

  it("passes metric parameters through, and refuses a malformed one", async () => {
    const url = "/api/v1/report?metrics=avg_purchase_value&from=2024-06&to=2024-06&param=window=180d";
    const { status, body } = await t.get(url);
    expect(status).toBe(200);
    const expected = await t.db.read((e) =>
      runReport(e, {
        metrics: ["avg_purchase_value"],
        from: "2024-06",
        to: "2024-06",
        params: { window: "180d" },
      }),
    );
    expect(body.values).toEqual(plain(expected.values));
    const bad = await t.get("/api/v1/report?metrics=revenue&param=window");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_argument");
    const huge = await t.get("/api/v1/report?metrics=avg_purchase_value&param=window=99999999999d");
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe("bad_argument");
  });

  it("refuses an unknown metric with unknown_metric, in Persian with ?lang=fa", async () => {
    const { status, body } = await t.get("/api/v1/report?metrics=revenue,nope_metric&lang=fa");
    expect(status).toBe(400);
    expect(body.error.code).toBe("unknown_metric");
    expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(body.error.message).toContain("nope_metric");
    expect(body.error.details.metric).toBe("nope_metric");
  });

  it("refuses an unknown dimension and a bad grain without echoing SQL", async () => {
    const dim = await t.get("/api/v1/report?metrics=revenue&by=region;DROP TABLE customers");
    expect(dim.status).toBe(400);
    expect(dim.body.error.code).toBe("unknown_dimension");
    const grain = await t.get("/api/v1/report?metrics=revenue&grain=decade");
    expect(grain.status).toBe(400);
    expect(grain.body.error.code).toBe("bad_request");
    expect(grain.body.error.details.issues[0].path).toBe("grain");
    const period = await t.get("/api/v1/report?metrics=revenue&from=2024-13");
    expect(period.status).toBe(400);
    expect(period.body.error.code).toBe("unknown_period");
    expect(JSON.stringify(period.body)).not.toMatch(/SELECT|at .*\.ts:\d+/);
  });

  it("is never stale after a write: the cache key holds the dataset version", async () => {
    const url = "/api/v1/report?metrics=revenue&from=2024-01&to=2024-01";
    const before = await t.get(url);
    const revenue = before.body.values[0].value as number;
    expect(revenue).toBeGreaterThan(0);
    await t.db.write((e) => e.execute("DELETE FROM orders WHERE ordered_at < TIMESTAMP '2024-01-16'"));
    const after = await t.get(url);
    const expected = await t.db.read((e) =>
      runReport(e, { metrics: ["revenue"], from: "2024-01", to: "2024-01" }),
    );
    expect(after.body.values).toEqual(plain(expected.values));
    expect(after.body.values[0].value).not.toBe(revenue);
  });

  it("after later orders come in, brings its last report up to date to the values of runReport", async () => {
    const url = "/api/v1/report?metrics=all&by=region";
    const request = { metrics: "all" as const, by: ["region"] };
    await t.get(url);
    await t.get(`${url}&compare=previous`);
    // A copy of the last month's orders, three weeks later, as a later import would add them.
    await t.db.write((e) =>
      e.execute(`INSERT INTO orders SELECT * REPLACE (order_id || '-later' AS order_id, ordered_at + INTERVAL 21 DAY AS ordered_at)
        FROM orders WHERE ordered_at >= (SELECT MAX(ordered_at) - INTERVAL 30 DAY FROM orders)`),
    );
    const after = await t.get(url);
    const expected = await t.db.read((e) => runReport(e, request));
    expect(after.body.values).toEqual(plain(expected.values));
    expect(after.body.periods.map((p: { label: string }) => p.label)).toEqual(
      expected.periods.map((p) => p.label),
    );
    const compared = await t.get(`${url}&compare=previous`);
    expect(compared.body.values).toEqual(plain(expected.values));
  });
});
