import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { generateDataset } from "../../generator/index.js";
import { importDataset } from "../../import/import-dataset.js";
import type { PropensityJson } from "../../predict/propensity-json.js";
import { type AppEnv, DEFAULT_LIMITS, type ServerDatabase } from "../app-types.js";
import { errorResponse } from "../http-errors.js";
import { requestLang } from "../request-lang.js";
import { openServerDatabase } from "../server-database.js";
import { registerPropensityRoutes } from "./propensity.js";

let db: ServerDatabase;
let dir: string;
const app = new OpenAPIHono<AppEnv>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crm-kpi-propensity-api-"));
  await generateDataset(dir, { scale: 0.2, seed: 9 });
  const engine = await openDuckDB(":memory:");
  await importDataset(engine, dir);
  db = await openServerDatabase(engine, { readSessions: 1 });
  app.use(requestLang());
  app.onError((error, c) => errorResponse(c, error));
  registerPropensityRoutes(app, { db, dbLabel: ":memory:", auth: false, limits: DEFAULT_LIMITS });
}, 120_000);
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe("GET /api/v1/predict/upsell and /churn", () => {
  it("answers the ranked scores, the model and the backtest, the same bytes twice", async () => {
    const first = await app.request("/api/v1/predict/churn?asOf=2025-09-30&top=5");
    expect(first.status).toBe(200);
    const text = await first.text();
    const body = JSON.parse(text) as PropensityJson;
    expect(body.target).toBe("churn");
    expect(body.as_of).toBe("2025-09-30");
    expect(body.customers).toHaveLength(5);
    expect(body.customers.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(body.customers[0]?.drivers).toHaveLength(3);
    expect(body.backtest?.test_snapshot).toBe("2025-07-02");
    expect(body.model.coefficients.map((c) => c.feature)).toContain("mrr");
    const again = await app.request("/api/v1/predict/churn?asOf=2025-09-30&top=5");
    expect(await again.text()).toBe(text);
  }, 60_000);

  it("scores upsell too, and the full list ranks every active customer", async () => {
    const res = await app.request("/api/v1/predict/upsell?asOf=2025-09-30");
    expect(res.status).toBe(200);
    const body = (await res.json()) as PropensityJson;
    expect(body.target).toBe("upsell");
    expect(body.customers.length).toBeGreaterThan(20);
    const scores = body.customers.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  }, 60_000);

  it("refuses a window out of range, and says what to do when nothing can be learnt", async () => {
    expect((await app.request("/api/v1/predict/churn?window=0")).status).toBe(400);
    const early = await app.request("/api/v1/predict/churn?asOf=2023-01-15&lang=fa");
    expect(early.status).toBe(422);
    const body = (await early.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_available");
    expect(body.error.message).toContain("--as-of");
  }, 60_000);
});
