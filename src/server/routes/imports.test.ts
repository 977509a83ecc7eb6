import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { type AppEnv, DEFAULT_LIMITS, type ServerDatabase } from "../app-types.js";
import { errorResponse } from "../http-errors.js";
import type { ImportJobJson } from "../jobs/job-json.js";
import { requestLang } from "../request-lang.js";
import { openServerDatabase } from "../server-database.js";
import { registerImportRoutes } from "./imports.js";

const text = (s: string) => new TextEncoder().encode(s);
const CUSTOMERS =
  "customer_id,name,created_at,acquired_at\nC1,Ann,2024-01-05,2024-01-05\nC2,Bob,2024-01-10,2024-01-10\n";
const ORDERS = "order_id,customer_id,ordered_at,amount,currency,type\nO1,C1,2024-01-06,100.00,USD,purchase\n";
// Line 3 has a decimal comma: a row error.
const BAD_ORDERS = `${ORDERS}O2,C2,2024-01-11,"12,50",USD,purchase\n`;
const SETTINGS = JSON.stringify({ base_currency: "USD", timezone: "UTC" });

let db: ServerDatabase;
const app = new OpenAPIHono<AppEnv>();
// Job folders go to os.tmpdir(): a private one for this file (each test file runs in its own
// process), so another file's uploads running at the same time cannot show up in the count.
const sharedTmp = process.env.TMPDIR;

beforeAll(async () => {
  process.env.TMPDIR = await mkdtemp(path.join(tmpdir(), "crm-kpi-imports-test-"));
  db = await openServerDatabase(await openDuckDB(":memory:"), { readSessions: 2 });
  app.use(requestLang());
  // Stands in for the auth middleware: `x-test-role: read` acts as a read token.
  app.use(async (c, next) => {
    c.set("role", c.req.header("x-test-role") === "read" ? "read" : "admin");
    await next();
  });
  app.onError((error, c) => errorResponse(c, error));
  registerImportRoutes(app, {
    db,
    dbLabel: ":memory:",
    auth: false,
    limits: { ...DEFAULT_LIMITS, zipEntries: 5 },
  });
});
afterAll(async () => {
  await db.close();
  const own = tmpdir();
  if (sharedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = sharedTmp;
  await rm(own, { recursive: true, force: true });
});

function form(files: Record<string, string | Uint8Array>, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [name, data] of Object.entries(files)) {
    const file = new File(
      [typeof data === "string" ? text(data) : data],
      name === "mapping" ? "mapping.yaml" : name,
    );
    body.append(name === "mapping" ? "mapping" : "files", file);
  }
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return body;
}

const post = (path: string, body: FormData, headers: Record<string, string> = {}) =>
  app.request(path, { method: "POST", body, headers });

async function customerCount(): Promise<number> {
  return db.read(async (e) =>
    Number((await e.query({ sql: "SELECT count(*) AS n FROM customers", params: [] }))[0]?.n),
  );
}

async function finished(id: string): Promise<ImportJobJson> {
  for (;;) {
    const res = await app.request(`/api/v1/imports/${id}`);
    const { job } = (await res.json()) as { job: ImportJobJson };
    if (job.state === "succeeded" || job.state === "failed") return job;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function uploadFolders(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((n) => n.startsWith("crm-kpi-upload-"));
}

describe("POST /api/v1/imports", () => {
  it("imports a good upload as a job; the counts change and the job folder is gone", async () => {
    const before = await uploadFolders();
    const res = await post(
      "/api/v1/imports",
      form({ "customers.csv": CUSTOMERS, "orders.csv": ORDERS, "crm-kpi.json": SETTINGS }),
    );
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: ImportJobJson };
    expect(job.state).toBe("queued");
    const done = await finished(job.id);
    expect(done.state).toBe("succeeded");
    expect(done.result?.rowsByEntity).toMatchObject({ customers: 2, orders: 1 });
    expect(await customerCount()).toBe(2);
    expect(await uploadFolders()).toEqual(before);
  });

  it("fails on a bad row with the row error as data, and changes nothing", async () => {
    const before = await customerCount();
    const upload = form({
      "customers.csv": `${CUSTOMERS}C3,Cy,2024-02-03,2024-02-03\n`,
      "orders.csv": BAD_ORDERS,
    });
    const res = await post("/api/v1/imports?lang=fa", upload);
    const { job } = (await res.json()) as { job: ImportJobJson };
    const done = await finished(job.id);
    expect(done.state).toBe("failed");
    expect(done.error?.code).toBe("import_rejected");
    expect(done.errorCount).toBe(1);
    expect(done.errors[0]).toMatchObject({ file: "orders.csv", line: 3, column: "amount", value: "12,50" });
    const fa = (await (await app.request(`/api/v1/imports/${job.id}?lang=fa`)).json()) as {
      job: ImportJobJson;
    };
    // The importer's own reason, from the Persian catalog, not a generic "invalid row".
    expect(fa.job.errors[0]?.message).toMatch(/^orders\.csv:3 amount: عدد نیست/);
    expect(await customerCount()).toBe(before);
  });

  it("imports the valid rows with skipInvalid", async () => {
    const res = await post(
      "/api/v1/imports",
      form({ "customers.csv": CUSTOMERS, "orders.csv": BAD_ORDERS }, { skipInvalid: "true" }),
    );
    const done = await finished(((await res.json()) as { job: ImportJobJson }).job.id);
    expect(done.state).toBe("succeeded");
    expect(done.result?.rejected).toBe(1);
    expect(done.errors.map((e) => e.line)).toEqual([3]);
  });

  it("refuses a zip bomb (declared ratio) before inflating, with 413 and the reason", async () => {
    const bomb = zipSync({ "customers.csv": new Uint8Array(5_000_000).fill(65) }, { level: 9 });
    const res = await post("/api/v1/imports", form({ "data.zip": bomb }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { reason: string } };
    };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.details.reason).toBe("zip_ratio");
    expect(body.error.message).toContain("zip bomb");
  });

  it("refuses a zip with too many entries", async () => {
    const entries = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`f${i}.csv`, text("a\n")]));
    const res = await post("/api/v1/imports", form({ "many.zip": zipSync(entries) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe(
      "zip_entries",
    );
  });

  it("keeps only base names of traversal entries: the import works and nothing lands outside", async () => {
    const zip = zipSync({
      "../customers.csv": text(CUSTOMERS),
      "/etc/orders.csv": text(ORDERS),
      "a/../../crm-kpi.json": text(SETTINGS),
    });
    const res = await post("/api/v1/imports", form({ "up.zip": zip }));
    expect(res.status).toBe(202);
    const done = await finished(((await res.json()) as { job: ImportJobJson }).job.id);
    expect(done.state).toBe("succeeded");
    expect(done.result?.rowsByEntity).toMatchObject({ customers: 2, orders: 1 });
    expect(existsSync("/etc/orders.csv")).toBe(false);
  });

  it("refuses other extensions and non-multipart bodies with 400", async () => {
    const exe = await post("/api/v1/imports", form({ "run.sh": "echo" }));
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe(
      "bad_extension",
    );
    const json = await app.request("/api/v1/imports", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(json.status).toBe(400);
  });

  it("imports through an uploaded mapping, and refuses a mapping that names a path", async () => {
    const mapping = (from: string) =>
      `version: 1\nsettings:\n  base_currency: USD\n  timezone: UTC\nentities:\n  customers:\n    from: ${from}\n    columns:\n      customer_id: id\n      name: who\n      created_at: since\n`;
    const exportCsv = "id,who,since\nM1,Mia,2024-04-01\n";
    const res = await post(
      "/api/v1/imports",
      form({ "export.csv": exportCsv, mapping: text(mapping("export.csv")) }),
    );
    const done = await finished(((await res.json()) as { job: ImportJobJson }).job.id);
    expect(done.state).toBe("succeeded");
    expect(done.result?.rowsByEntity.customers).toBe(1);
    const outside = await post(
      "/api/v1/imports",
      form({ "export.csv": exportCsv, mapping: text(mapping("../../etc/outside.csv")) }),
    );
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe(
      "mapping_path",
    );
  });

  it("is for admins only", async () => {
    const res = await post("/api/v1/imports", form({ "customers.csv": CUSTOMERS }), {
      "x-test-role": "read",
    });
    expect(res.status).toBe(403);
  });
});

describe("GET /api/v1/imports/{id} and /events", () => {
  it("answers 404 for an unknown job and 400 for a malformed id", async () => {
    expect((await app.request("/api/v1/imports/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await app.request("/api/v1/imports/..%2F..%2Fetc")).status).toBe(400);
    expect((await app.request("/api/v1/imports/not-a-uuid/events")).status).toBe(400);
  });

  it("streams state, progress and a final done event", async () => {
    // Hold the writer so the job is still queued when the stream opens.
    let release = () => {};
    const gate = db.write(() => new Promise<void>((resolve) => (release = resolve)));
    const res = await post("/api/v1/imports", form({ "customers.csv": CUSTOMERS, "orders.csv": ORDERS }));
    const { job } = (await res.json()) as { job: ImportJobJson };
    const events = await app.request(`/api/v1/imports/${job.id}/events`);
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    release();
    await gate;
    const stream = await events.text();
    const names = [...stream.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names[0]).toBe("state");
    expect(names).toContain("progress");
    expect(names.at(-1)).toBe("done");
    const last = stream.trim().split("\n").at(-1) ?? "";
    expect((JSON.parse(last.replace(/^data: /, "")) as ImportJobJson).state).toBe("succeeded");
    // A finished job's stream is one done event.
    const again = await (await app.request(`/api/v1/imports/${job.id}/events`)).text();
    expect([...again.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])).toEqual(["done"]);
  });
});

describe("POST /api/v1/imports/preview", () => {
  it("shows the first mapped rows and the row errors, and writes nothing", async () => {
    const before = await customerCount();
    const version = db.version;
    const upload = form({
      "customers.csv": `${CUSTOMERS}C9,Zed,2024-03-01,2024-03-01\n`,
      "orders.csv": BAD_ORDERS,
    });
    const res = await post("/api/v1/imports/preview?rows=2", upload);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      samples: { entity: string; rows: Record<string, string | null>[] }[];
      errors: { line: number; column: string }[];
      rowsByEntity: Record<string, number>;
    };
    expect(body.samples.map((s) => [s.entity, s.rows.length])).toEqual([
      ["customers", 2],
      ["orders", 2],
    ]);
    expect(body.samples[0]?.rows[0]).toMatchObject({ customer_id: "C1", name: "Ann" });
    expect(body.errors).toMatchObject([{ line: 3, column: "amount" }]);
    expect(body.rowsByEntity.customers).toBe(3);
    expect(await customerCount()).toBe(before);
    expect(db.version).toBe(version);
  });
});

describe("the OpenAPI document", () => {
  it("lists the import routes with their multipart body and the SSE stream", () => {
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "crm-kpi", version: "1" } });
    const paths = doc.paths ?? {};
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/imports",
        "/api/v1/imports/preview",
        "/api/v1/imports/{id}",
        "/api/v1/imports/{id}/events",
      ]),
    );
    expect(Object.keys(paths["/api/v1/imports"]?.post?.requestBody ?? {})).toContain("content");
    expect(Object.keys(paths["/api/v1/imports/{id}/events"]?.get?.responses ?? {})).toContain("200");
  });
});

describe("imports in the whole app (security middleware included)", () => {
  it("runs an upload to the end and the dataset counts change", async () => {
    const { openTestApp } = await import("../test-app.js");
    const test = await openTestApp();
    try {
      const count = () => test.get("/api/v1/dataset").then((r) => r.body.counts.customers as number);
      const before = await count();
      const upload = form({ "customers.csv": "customer_id,created_at\nNEW1,2024-05-01\nNEW2,2024-05-02\n" });
      const res = await test.app.request("/api/v1/imports", { method: "POST", body: upload });
      expect(res.status).toBe(202);
      const { job } = (await res.json()) as { job: ImportJobJson };
      const events = await (await test.app.request(`/api/v1/imports/${job.id}/events`)).text();
      expect(events).toContain("event: done");
      const final = await test.get(`/api/v1/imports/${job.id}`);
      expect(final.body.job.state).toBe("succeeded");
      expect(await count()).toBe(before + 2);
    } finally {
      await test.db.close();
    }
  });
});
