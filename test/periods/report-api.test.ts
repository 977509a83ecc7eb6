import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../../src/server/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

describe("GET /api/v1/report: partial periods and range warnings", () => {
  it("marks the partial last Jalali month on its period and its values", async () => {
    // The reference data ends on 2025-12-31, inside Dey 1404 (1404-10).
    const { status, body } = await t.get(
      "/api/v1/report?metrics=new_customers&calendar=persian&from=1404-09&to=1404-10",
    );
    expect(status).toBe(200);
    expect(body.periods.map((p: { label: string; partial?: boolean }) => [p.label, p.partial])).toEqual([
      ["1404-09", undefined],
      ["1404-10", true],
    ]);
    expect(body.values.map((v: { period: string; partial?: boolean }) => [v.period, v.partial])).toEqual([
      ["1404-09", undefined],
      ["1404-10", true],
    ]);
    expect(body.rangeWarnings).toEqual([]);
  });

  it("ends the default range at the last complete month and warns about a range outside the data", async () => {
    const byDefault = await t.get("/api/v1/report?metrics=new_customers&calendar=persian");
    expect(byDefault.body.periods.at(-1)).toMatchObject({ label: "1404-09" });
    const outside = await t.get("/api/v1/report?metrics=new_customers&calendar=persian&from=2025-07");
    expect(outside.body.rangeWarnings.map((w: { code: string }) => w.code)).toEqual([
      "range_outside_data",
      "year_of_other_calendar",
    ]);
    expect(outside.body.rangeWarnings[0].params).toMatchObject({
      dataFromPeriod: "1401-10",
      dataToPeriod: "1404-10",
    });
  });
});
