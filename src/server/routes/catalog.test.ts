import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMetrics } from "../../core/metrics/registry.js";
import { metricName } from "../../messages/index.js";
import { CUSTOMER_DIMENSIONS } from "../../report/run-report.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

describe("GET /api/v1/catalog", () => {
  it("lists every metric of the registry with its localized name", async () => {
    const { status, body } = await t.get("/api/v1/catalog?lang=fa");
    expect(status).toBe(200);
    expect(body.metrics.map((m: { id: string }) => m.id)).toEqual(listMetrics().map((m) => m.id));
    const churn = body.metrics.find((m: { id: string }) => m.id === "customer_churn_rate");
    expect(churn.name).toBe(metricName("fa", "customer_churn_rate"));
    expect(churn.direction).toBe("down");
    expect(body.dimensions.customer).toEqual([...CUSTOMER_DIMENSIONS]);
    expect(body.dimensions.scored).toEqual(["upsell_propensity_decile", "churn_propensity_decile"]);
    expect(body.calendars).toContain("persian");
    expect(body.langs).toEqual(["en", "fa", "ar", "zh"]);
  });

  it("follows Accept-Language when there is no ?lang=", async () => {
    const res = await t.get("/api/v1/catalog", { headers: { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" } });
    expect(res.body.metrics[0].name).toBe(metricName("zh", res.body.metrics[0].id));
  });
});

describe("the app around the routes", () => {
  it("answers an unknown API path with a localized 404 error body", async () => {
    const { status, body } = await t.get("/api/v1/nothing-here?lang=ar");
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(body.error.details).toEqual({});
  });

  it("serves an OpenAPI 3.1 document listing every route", async () => {
    const { status, body } = await t.get("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const routes = Object.entries(body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const route of [
      "GET /api/v1/catalog",
      "GET /api/v1/dataset",
      "GET /api/v1/settings",
      "PUT /api/v1/settings",
      "GET /api/v1/report",
      "GET /api/v1/explain",
      "GET /api/v1/cohorts",
      "GET /api/v1/lists/campaigns",
      "GET /api/v1/lists/stuck-deals",
      "GET /api/v1/lists/top-customers",
      "GET /api/v1/lists/rfm-grid",
      "GET /api/v1/goals",
      "POST /api/v1/goals",
      "PUT /api/v1/goals/{id}",
      "DELETE /api/v1/goals/{id}",
      "GET /api/v1/goals/{id}/status",
      "POST /api/v1/goals/check",
      "GET /api/v1/quality",
      "POST /api/v1/quality/run",
      "GET /api/v1/dedupe/candidates",
      "POST /api/v1/dedupe/merge",
      "POST /api/v1/dedupe/undo",
      "GET /api/v1/dedupe/merges",
      "POST /api/v1/imports",
      "POST /api/v1/imports/preview",
      "GET /api/v1/imports/{id}",
    ]) {
      expect(routes, route).toContain(route);
    }
    const report = body.paths["/api/v1/report"].get;
    expect(report.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["metrics", "grain", "calendar", "from", "to", "by", "param", "compare"]),
    );
  });
});
