import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatedOrderTables } from "../../../test/support/btyd-simulation.js";
import { importTables } from "../../../test/support/csv-dataset.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { t } from "../../messages/index.js";
import { type ClvDocument, clvDocument } from "../../predict/clv-document.js";
import { predictClv } from "../../predict/predict-clv.js";
import { type AppEnv, DEFAULT_LIMITS, type ServerDatabase } from "../app-types.js";
import { errorResponse } from "../http-errors.js";
import { requestLang } from "../request-lang.js";
import { openServerDatabase } from "../server-database.js";
import { catalogOf } from "./catalog.js";
import { registerPredictRoutes } from "./predict.js";

let db: ServerDatabase;
const app = new OpenAPIHono<AppEnv>();

beforeAll(async () => {
  const engine = await openDuckDB(":memory:");
  await importTables(engine, simulatedOrderTables(200, 5));
  db = await openServerDatabase(engine, { readSessions: 1 });
  app.use(requestLang());
  app.onError((error, c) => errorResponse(c, error));
  registerPredictRoutes(app, { db, dbLabel: ":memory:", auth: false, limits: DEFAULT_LIMITS });
}, 60_000);
afterAll(() => db.close());

describe("GET /api/v1/predict/clv", () => {
  it("answers what the library computes, the holdout included", async () => {
    const res = await app.request(
      "/api/v1/predict/clv?calibrationEnd=2024-09-30&horizon=52w&discountRate=0.1",
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as ClvDocument;
    const expected = await db.read(async (engine) =>
      clvDocument(
        await predictClv(engine, { calibrationEnd: "2024-09-30", horizon: "52w", discountRate: 0.1 }),
      ),
    );
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.holdout?.groups.length).toBeGreaterThan(3);
    expect(body.customers).toHaveLength(200);
  }, 60_000);

  it("refuses a malformed horizon with 400 and an impossible date with the error body", async () => {
    expect((await app.request("/api/v1/predict/clv?horizon=soon")).status).toBe(400);
    const res = await app.request("/api/v1/predict/clv?calibrationEnd=2024-02-31&lang=fa");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(JSON.stringify(body)).toMatch(/2024-02-31/);
  });

  it("says the data cannot answer (422) when nobody bought before the calibration end", async () => {
    const res = await app.request("/api/v1/predict/clv?calibrationEnd=2023-01-01");
    expect(res.status).toBe(422);
  });
});

describe("predicted_clv in the catalog", () => {
  it("is a per-customer list and an average, pointing at this route, named in the request's language", async () => {
    const entry = catalogOf("fa").predictions.find((p) => p.id === "predicted_clv");
    expect(entry?.list).toEqual({
      command: "crm-kpi predict clv",
      endpoint: "/api/v1/predict/clv",
      field: "customers[].clv",
    });
    expect(entry?.average.field).toBe("summary.average_clv");
    expect(entry?.name).toBe(t("fa", "metric.predicted_clv.name"));
    // The route it names answers, with the field it names.
    const res = await app.request(entry?.average.endpoint ?? "");
    expect(((await res.json()) as ClvDocument).summary.average_clv).toEqual(expect.any(Number));
  }, 60_000);
});
