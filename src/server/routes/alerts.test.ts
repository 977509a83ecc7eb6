import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listHistory } from "../../alerts/alert-store.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { type AppEnv, DEFAULT_LIMITS, type ServerDatabase } from "../app-types.js";
import { errorResponse } from "../http-errors.js";
import type { ImportJobJson } from "../jobs/job-json.js";
import { requestLang } from "../request-lang.js";
import { openServerDatabase } from "../server-database.js";
import type { JsonBody } from "../test-app.js";
import { registerAlertRoutes } from "./alerts.js";
import { registerImportRoutes } from "./imports.js";

const CUSTOMERS =
  "customer_id,name,created_at,acquired_at\nC1,Ann,2024-01-05,2024-01-05\nC2,Bob,2024-02-10,2024-02-10\nC3,Cy,2024-02-12,2024-02-12\nC4,Di,2024-03-02,2024-03-02\n";
const SETTINGS = JSON.stringify({ base_currency: "USD", timezone: "UTC" });

let db: ServerDatabase;
const app = new OpenAPIHono<AppEnv>();
const posted: { text: string; blocks: unknown[] }[] = [];
const hook = createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (c: string) => (body += c));
  req.on("end", () => {
    posted.push(JSON.parse(body) as { text: string; blocks: unknown[] });
    res.writeHead(200).end();
  });
});
let hookUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  db = await openServerDatabase(await openDuckDB(":memory:"), { readSessions: 2 });
  app.use(requestLang());
  // Stands in for the auth middleware: `x-test-role: read` acts as a read token.
  app.use(async (c, next) => {
    c.set("role", c.req.header("x-test-role") === "read" ? "read" : "admin");
    await next();
  });
  app.onError((error, c) => errorResponse(c, error));
  const deps = { db, dbLabel: ":memory:", auth: false, limits: DEFAULT_LIMITS, delivery: {} };
  registerAlertRoutes(app, deps);
  registerImportRoutes(app, deps);
});
afterAll(async () => {
  await db.close();
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

async function call(
  method: string,
  path: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: JsonBody }> {
  const res = await app.request(path, {
    method,
    headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: res.status, body: await res.json() };
}

async function importCustomers(): Promise<ImportJobJson> {
  const form = new FormData();
  form.append("files", new File([CUSTOMERS], "customers.csv"));
  form.append("files", new File([SETTINGS], "crm-kpi.json"));
  const res = await app.request("/api/v1/imports", { method: "POST", body: form });
  expect(res.status).toBe(202);
  const { job } = (await res.json()) as { job: ImportJobJson };
  for (;;) {
    const { body } = await call("GET", `/api/v1/imports/${job.id}`);
    if (body.job.state === "succeeded" || body.job.state === "failed") return body.job as ImportJobJson;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("/api/v1/alerts", () => {
  it("adds, lists and removes alerts; writes need the admin role", async () => {
    const added = await call("POST", "/api/v1/alerts?lang=fa", {
      rule: "customer_churn_rate above 3%",
      email: ["ops@example.com"],
      calendar: "jalali",
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      id: "a1",
      rule: "customer_churn_rate above 3% per month",
      lang: "fa",
      calendar: "persian",
      state: "ok",
      condition: { kind: "threshold", op: "above", value: 0.03 },
    });
    const list = await call("GET", "/api/v1/alerts");
    expect(list.body.alerts.map((a: { id: string }) => a.id)).toEqual(["a1"]);

    const refused = await call(
      "POST",
      "/api/v1/alerts",
      { rule: "nps below 0", email: ["a@example.com"] },
      {
        "x-test-role": "read",
      },
    );
    expect(refused.status).toBe(403);
    expect((await call("DELETE", "/api/v1/alerts/a1", undefined, { "x-test-role": "read" })).status).toBe(
      403,
    );

    const removed = await call("DELETE", "/api/v1/alerts/a1");
    expect(removed).toEqual({ status: 200, body: { id: "a1", removed: true } });
    expect((await call("GET", "/api/v1/alerts")).body.alerts).toEqual([]);
  });

  it("answers 404 for an unknown alert id and 422/400 for a bad alert, in the request's language", async () => {
    for (const [method, path] of [
      ["DELETE", "/api/v1/alerts/a99"],
      ["GET", "/api/v1/alerts/a99/history"],
      ["POST", "/api/v1/alerts/a99/test"],
    ] as const) {
      const res = await call(method, `${path}?lang=fa`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("unknown_alert");
      expect(res.body.error.message).toContain("a99");
      expect(res.body.error.message).toMatch(/[\u0600-\u06FF]/);
    }
    const badEmail = await call("POST", "/api/v1/alerts", { rule: "nps below 0", email: ["nobody"] });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.error).toMatchObject({
      code: "alert_invalid",
      details: { field: "email", value: "nobody" },
    });
    const badRule = await call("POST", "/api/v1/alerts", {
      rule: "nps sideways 3",
      email: ["a@example.com"],
    });
    expect(badRule.status).toBe(422);
    expect(badRule.body.error.fix).toContain("above");
    const unknownMetric = await call("POST", "/api/v1/alerts", {
      rule: "nope above 3",
      email: ["a@example.com"],
    });
    expect(unknownMetric.status).toBe(400);
    expect(unknownMetric.body.error.code).toBe("unknown_metric");
  });

  it("checks the alerts after an import job and keeps the history; test sends a test notice", async () => {
    const added = await call("POST", "/api/v1/alerts", {
      id: "growth",
      rule: "new_customers above 1",
      webhooks: [hookUrl],
    });
    expect(added.status).toBe(200);
    const job = await importCustomers();
    expect(job.state).toBe("succeeded");
    // February (two new customers) is the last complete month: the alert fired during the job.
    const history = await call("GET", "/api/v1/alerts/growth/history");
    expect(
      history.body.history.map((h: { event: string; period: string; value: number }) => [
        h.event,
        h.period,
        h.value,
      ]),
    ).toEqual([["fired", "2024-02", 2]]);
    expect(history.body.history[0].delivery).toEqual([{ channel: "webhook", target: hookUrl, ok: true }]);
    expect(posted.at(-1)?.text).toContain("New customers above 1 in a month");
    expect((await call("GET", "/api/v1/alerts")).body.alerts[0].state).toBe("firing");
    // Read tokens see where notices go, not the webhook's secret path.
    const asReader = await call("GET", "/api/v1/alerts", undefined, { "x-test-role": "read" });
    expect(asReader.body.alerts[0].webhooks).toEqual([`${new URL(hookUrl).origin}/…`]);

    const tested = await call("POST", "/api/v1/alerts/growth/test", {});
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ state: "firing", verdict: "firing", period: "2024-02", value: 2 });
    expect(tested.body.subject).toContain("Test");
    expect(tested.body.delivery).toEqual([{ channel: "webhook", target: hookUrl, ok: true }]);
    const events = await db.read((e) => listHistory(e, "growth"));
    expect(events.map((h) => h.event)).toEqual(["test", "fired"]);

    const quiet = await call("POST", "/api/v1/alerts/growth/test", { send: false });
    expect(quiet.body.delivery).toEqual([]);
  });
});
