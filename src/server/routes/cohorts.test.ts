import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../import/import-dataset.js";
import { type AppEnv, DEFAULT_LIMITS, type ServerDatabase } from "../app-types.js";
import { errorResponse } from "../http-errors.js";
import { requestLang } from "../request-lang.js";
import { openServerDatabase } from "../server-database.js";
import { type CohortTableBody, registerCohortRoutes } from "./cohorts.js";

let db: ServerDatabase;
let dir: string;
const app = new OpenAPIHono<AppEnv>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crm-kpi-cohorts-api-"));
  await writeFile(
    join(dir, "customers.csv"),
    "customer_id,created_at,acquired_at\nC1,2024-01-05,2024-01-05\nC2,2024-02-03,\n",
  );
  await writeFile(
    join(dir, "orders.csv"),
    "order_id,customer_id,ordered_at,amount,currency,type\nO1,C1,2024-01-06,100,USD,purchase\nO2,C2,2024-02-03,40,USD,purchase\nO3,C1,2024-02-10,25,USD,purchase\n",
  );
  await writeFile(
    join(dir, "crm-kpi.json"),
    JSON.stringify({ base_currency: "USD", timezone: "UTC", inactivity_days: 20 }),
  );
  const engine = await openDuckDB(":memory:");
  await importDataset(engine, dir);
  db = await openServerDatabase(engine, { readSessions: 1 });
  app.use(requestLang());
  app.onError((error, c) => errorResponse(c, error));
  registerCohortRoutes(app, { db, dbLabel: ":memory:", auth: false, limits: DEFAULT_LIMITS });
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe("GET /api/v1/cohorts", () => {
  it("answers the cohort table with localized labels", async () => {
    const res = await app.request("/api/v1/cohorts?grain=month&from=2024-01&to=2024-02&lang=fa");
    expect(res.status).toBe(200);
    const body = (await res.json()) as CohortTableBody;
    expect(body.cohorts.map((c) => [c.cohort, c.size, c.revenue])).toEqual([
      ["2024-01", 1, 100],
      ["2024-02", 1, 40],
    ]);
    expect(body.cohorts[0]?.cells).toEqual([
      { offset: 0, customers: 1, customerShare: 1, revenue: 100, revenueShare: 1 },
      { offset: 1, customers: 1, customerShare: 1, revenue: 25, revenueShare: 0.25 },
    ]);
    expect(body.cohorts[0]?.label).not.toBe("2024-01");
  });

  it("refuses a bad period with the error body, and a bad grain with 400", async () => {
    const bad = await app.request("/api/v1/cohorts?from=2024-13", { headers: { "accept-language": "en" } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unknown_period");
    expect(body.error.message).not.toMatch(/SELECT|\n\s+at /);
    expect((await app.request("/api/v1/cohorts?grain=decade")).status).toBe(400);
    expect((await app.request("/api/v1/cohorts?from=2024-01';DROP")).status).toBe(400);
  });
});

describe("GET /api/v1/cohorts in the whole app", () => {
  it("answers what runCohorts computes on the reference data", async () => {
    const { openTestApp } = await import("../test-app.js");
    const { labelCohorts, runCohorts } = await import("../../report/cohorts.js");
    const test = await openTestApp();
    try {
      const { status, body } = await test.get("/api/v1/cohorts?grain=quarter&calendar=persian&lang=fa");
      expect(status).toBe(200);
      const request = { grain: "quarter", calendar: "persian" } as const;
      const expected = await test.db.read(async (e) =>
        labelCohorts(await runCohorts(e, request), request, "fa"),
      );
      expect(body.cohorts).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(body.cohorts.length).toBeGreaterThan(1);
      const doc = await test.get("/api/openapi.json");
      expect(Object.keys(doc.body.paths)).toContain("/api/v1/cohorts");
    } finally {
      await test.db.close();
    }
  });
});
