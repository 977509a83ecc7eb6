import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/index.js";
import { type AppDeps, DEFAULT_LIMITS, type ServerDatabase } from "../../src/server/app-types.js";
import { createApp } from "../../src/server/create-app.js";
import { createApiToken } from "../../src/server/security/token-store.js";
import { openServerDatabase } from "../../src/server/server-database.js";
import { sharedPath, tableFingerprints } from "../import/import-helpers.js";

/**
 * Walks the OpenAPI document of the real app on the reference data and sends
 * injection payloads through every parameter and JSON body field of every
 * operation. Whatever the payload: a 4xx or a normal answer, never a 5xx,
 * never SQL, engine or stack text, and the data as it was.
 */

const PAYLOADS: readonly string[] = [
  "' OR 1=1 --",
  '"; DROP TABLE customers; --',
  "1; DELETE FROM orders",
  "region=x' --",
  "region=Europe' OR '1'='1",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%00",
  "a\u0000b",
  "<script>alert(1)</script>",
  // Template injection (dollar-brace and double-brace forms): never evaluated to 49.
  "$\u007B7*7}{{7*7}}",
  "-1",
  "x".repeat(10_000),
  "ŝ€𝒳🙂 مشتری 客户 \u202Etxt",
];

/** What a JSON body field gets besides the strings: wrong types and operator objects. */
const BODY_VALUES: readonly unknown[] = [
  // A goal body is SMART-checked against the metric's history (~0.1 s): fewer strings than for parameters.
  ...PAYLOADS.filter((p) => !p.startsWith("region=") && !p.includes("windows") && p !== "%00" && p !== "-1"),
  { $ne: null },
  { "' OR 1=1 --": "x" },
  ["' OR 1=1 --", '"; DROP TABLE goals; --'],
  -1,
  1e308,
  null,
  true,
];

/** Text of engine errors and stack frames: none of it may reach a client. */
const LEAKS: readonly RegExp[] = [
  /\b(Binder|Parser|Catalog|Conversion|Constraint|Invalid Input|Out of Range|Dependency|Transaction|Serialization|Internal|Not implemented) Error\b/i,
  /\bSELECT\s[\s\S]{0,200}\bFROM\s/,
  /\bat (?:\S+ \()?(?:file:\/\/)?\/\S+:\d+/,
  /node_modules/,
  /\.ts:\d+:\d+/,
  /duckdb/i,
];

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly jsonBody?: Schema;
  readonly formBody?: Schema;
}
interface Parameter {
  readonly name: string;
  readonly in: "query" | "path" | "header" | "cookie";
  readonly required?: boolean;
  readonly schema?: Schema;
}
interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly anyOf?: readonly Schema[];
  readonly items?: Schema;
  readonly format?: string;
}
interface OpenApiDoc {
  readonly paths: Record<string, Record<string, RawOperation>>;
  readonly components?: { schemas?: Record<string, Schema> };
}
interface RawOperation {
  readonly parameters?: Parameter[];
  readonly requestBody?: { content?: Record<string, { schema?: Schema }> };
}

interface Attempt {
  readonly label: string;
  readonly url: string;
  readonly init: RequestInit;
}

describe("injection through every parameter of every endpoint", () => {
  let engine: Engine;
  let db: ServerDatabase;
  let deps: AppDeps;
  let app: ReturnType<typeof createApp>;
  let doc: OpenApiDoc;
  let operations: Operation[];
  let before: Record<string, string>;
  let tables: string[];
  let goalId: string;
  let sample: (name: string, schema: Schema | undefined) => unknown;
  const failures: string[] = [];
  /** Import jobs an attempt started: the data is compared once they are over. */
  const jobs: string[] = [];
  let reachedHandler = 0;

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    const imported = await importDataset(engine, sharedPath("data/reference"));
    expect(imported.errors).toEqual([]);
    db = await openServerDatabase(engine, { readSessions: 2 });
    deps = { db, dbLabel: "reference.duckdb", auth: false, limits: DEFAULT_LIMITS };
    app = createApp(deps);

    const catalog = (await (await app.request("/api/v1/catalog")).json()) as { metrics: { id: string }[] };
    const metric = catalog.metrics.find((m) => m.id === "new_customers")?.id ?? catalog.metrics[0]?.id ?? "x";
    const dataset = (await (await app.request("/api/v1/dataset")).json()) as {
      range?: { first?: string; last?: string };
    };
    const last = dataset.range?.last ?? "2024-12-31";
    const created = await app.request("/api/v1/goals", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ metric, target: 10, deadline: "2030-12-31", why: "baseline goal" }),
    });
    expect(created.status, await created.clone().text()).toBeLessThan(300);
    const goal = (await created.json()) as { id?: string; goal?: { id?: string } };
    goalId = goal.goal?.id ?? goal.id ?? "g1";
    sample = sampler({ metric, period: last.slice(0, 7), date: last.slice(0, 10), goalId });

    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDoc;
    operations = listOperations(doc);
    before = await snapshot(engine);
    tables = await tableNames(engine);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("finds the operations of the API in the OpenAPI document", () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    expect(names).toContain("GET /api/v1/report");
    expect(names).toContain("GET /api/v1/explain");
    expect(names).toContain("POST /api/v1/goals");
    expect(operations.length).toBeGreaterThan(10);
  });

  it("answers every payload in every parameter and body field with < 500 and no SQL or stack text", {
    timeout: 300_000,
  }, async () => {
    let sent = 0;
    for (const operation of operations) {
      for (const attempt of attemptsFor(operation, doc, sample, goalId)) {
        sent++;
        const res = await app.request(attempt.url, attempt.init);
        const text = await readWithin(res, 10_000);
        if (res.status !== 400 && res.status !== 404 && res.status !== 413) reachedHandler++;
        const job = res.status < 300 ? jobIdOf(text) : undefined;
        if (job) jobs.push(job);
        const leak = LEAKS.find((pattern) => pattern.test(text));
        if (res.status >= 500 || leak) {
          failures.push(
            `${attempt.label} → ${res.status}${leak ? ` leaks ${leak}` : ""}: ${text.slice(0, 300)}`,
          );
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    // Some payloads must pass validation and reach handlers (unknown ids, free text), or the walk tests only zod.
    expect(reachedHandler).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it("leaves the data, the settings and every table as they were", async () => {
    for (const id of jobs) await waitForJob(app, id);
    expect(await snapshot(engine)).toEqual(before);
    expect(await tableNames(engine)).toEqual(tables);
    const goals = await engine.query({ sql: "SELECT goal_id FROM goals", params: [] });
    expect(goals.map((g) => g.goal_id)).toContain(goalId);
  });
});

describe("auth on every endpoint", () => {
  let db: ServerDatabase;
  let app: ReturnType<typeof createApp>;
  let read: string;
  let operations: Operation[];

  beforeAll(async () => {
    db = await openServerDatabase(await openDuckDB(":memory:"), { readSessions: 1 });
    app = createApp({ db, dbLabel: "empty.duckdb", auth: true, limits: DEFAULT_LIMITS });
    ({ read } = await db.write(async (engine) => ({
      read: (await createApiToken(engine, { role: "read" })).token,
    })));
    const res = await app.request("/api/openapi.json", { headers: { authorization: `Bearer ${read}` } });
    expect(res.status).toBe(200);
    operations = listOperations((await res.json()) as OpenApiDoc);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("refuses every operation without a token, before any validation", async () => {
    expect((await app.request("/api/openapi.json")).status).toBe(401);
    for (const operation of operations) {
      const url = operation.path.replace(/\{[^}]+\}/g, "x1");
      const res = await app.request(url, { method: operation.method });
      expect(res.status, `${operation.method} ${url}`).toBe(401);
      expect(res.headers.get("www-authenticate"), url).toMatch(/^Bearer/);
    }
  });

  it("gives read tokens 403 on settings, goal changes, quality runs, merge and undo", async () => {
    const writes: [string, string, unknown][] = [
      ["PUT", "/api/v1/settings", { week_start: "monday" }],
      ["POST", "/api/v1/goals", { metric: "new_customers", target: 10 }],
      ["PUT", "/api/v1/goals/g1", { metric: "new_customers", target: 10 }],
      ["DELETE", "/api/v1/goals/g1", undefined],
      ["POST", "/api/v1/quality/run", undefined],
      ["POST", "/api/v1/dedupe/merge", { clusters: ["c1"] }],
      ["POST", "/api/v1/dedupe/undo", { merges: ["m1"] }],
    ];
    const known = new Set(operations.map((o) => `${o.method} ${o.path.replace(/\{[^}]+\}/g, "g1")}`));
    for (const [method, url, body] of writes) {
      if (!known.has(`${method} ${url}`)) continue;
      const res = await app.request(url, {
        method,
        headers: { authorization: `Bearer ${read}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${method} ${url}: ${await res.clone().text()}`).toBe(403);
    }
  });
});

describe("the real app's guards", () => {
  it("sends the security headers and refuses rebinding and cross-origin writes", async () => {
    const db = await openServerDatabase(await openDuckDB(":memory:"), { readSessions: 1 });
    try {
      const app = createApp({ db, dbLabel: "x", auth: false, limits: DEFAULT_LIMITS });
      for (const url of ["/api/v1/catalog", "/", "/api/v1/nothing"]) {
        const res = await app.request(url);
        expect(res.headers.get("content-security-policy"), url).toContain("script-src 'self'");
        expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
        expect(res.headers.get("referrer-policy"), url).toBe("no-referrer");
      }
      const rebound = await app.request("/api/v1/catalog", { headers: { host: "evil.example:8080" } });
      expect(rebound.status).toBe(403);
      expect(((await rebound.json()) as { error: { code: string } }).error.code).toBe("host_not_allowed");
      const csrf = await app.request("http://127.0.0.1:8080/api/v1/goals", {
        method: "POST",
        headers: { origin: "http://evil.example", "content-type": "application/json" },
        body: JSON.stringify({ metric: "new_customers", target: 1 }),
      });
      expect(csrf.status).toBe(403);
      expect(((await csrf.json()) as { error: { code: string } }).error.code).toBe("cross_origin_refused");
    } finally {
      await db.close();
    }
  });
});

describe("static files", () => {
  it("never serve a file outside the dashboard's folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-static-"));
    const web = path.join(dir, "web");
    await mkdir(web);
    await writeFile(path.join(web, "index.html"), "<!doctype html><title>dashboard</title>");
    await writeFile(path.join(dir, "secret.txt"), "TOP-SECRET");
    const db = await openServerDatabase(await openDuckDB(":memory:"), { readSessions: 1 });
    try {
      const app = createApp({ db, dbLabel: "x", auth: false, limits: DEFAULT_LIMITS }, { webRoot: web });
      for (const url of [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/%252e%252e%252fsecret.txt",
        "/secret.txt%00.html",
        `/${"..%2f".repeat(20)}etc/passwd`,
      ]) {
        const res = await app.request(`http://localhost${url}`);
        const text = await res.text();
        expect(res.status, url).toBeLessThan(500);
        expect(text, url).not.toContain("TOP-SECRET");
        expect(text, url).not.toMatch(/root:.*:0:0:/);
      }
    } finally {
      await db.close();
    }
  });
});

function listOperations(doc: OpenApiDoc): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const content = raw.requestBody?.content ?? {};
      const jsonBody = content["application/json"]?.schema;
      const formBody = content["multipart/form-data"]?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: raw.parameters ?? [],
        ...(jsonBody ? { jsonBody } : {}),
        ...(formBody ? { formBody } : {}),
      });
    }
  }
  return operations;
}

/** Valid-looking values, so that a payload in one place meets real values everywhere else. */
function sampler(known: { metric: string; period: string; date: string; goalId: string }) {
  return (name: string, schema: Schema | undefined): unknown => {
    if (name === "metric") return known.metric;
    if (name === "metrics") return known.metric;
    if (name === "period" || name === "from" || name === "to") return known.period;
    if (name === "asOf") return known.date;
    if (name === "deadline") return "2030-12-31";
    if (name === "why") return "a reason";
    if (name === "id") return known.goalId;
    if (name === "target") return 10;
    // The payload goes into one field while the others keep these samples: `"all"`
    // would be a valid request that merges every cluster, so name one that is not there.
    if (name === "clusters") return ["no-such-cluster"];
    if (!schema) return "x";
    if (schema.enum?.length) return schema.default ?? schema.enum[0];
    if (schema.default !== undefined) return schema.default;
    if (schema.anyOf?.[0]) return sampleOf(name, schema.anyOf[0]);
    if (schema.type === "integer" || schema.type === "number") return schema.minimum ?? 1;
    if (schema.type === "boolean") return false;
    if (schema.type === "array") return [];
    if (schema.type === "object") return {};
    return "x";
  };
  function sampleOf(name: string, schema: Schema): unknown {
    return schema.enum?.[0] ?? (schema.type === "number" || schema.type === "integer" ? 1 : name);
  }
}

function resolve(doc: OpenApiDoc, schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref;
  if (!ref) return schema;
  return resolve(doc, doc.components?.schemas?.[ref.replace("#/components/schemas/", "")]);
}

function attemptsFor(
  operation: Operation,
  doc: OpenApiDoc,
  sample: (name: string, schema: Schema | undefined) => unknown,
  goalId: string,
): Attempt[] {
  const attempts: Attempt[] = [];
  // Required parameters, plus the ones that keep a report small (one metric, one period).
  const narrowing = new Set(["metrics", "metric", "period", "from", "to"]);
  const required = operation.parameters.filter((p) => p.required || p.in === "path" || narrowing.has(p.name));
  const urlWith = (target: Parameter | undefined, payload: string): string => {
    let url = operation.path;
    const query = new URLSearchParams();
    for (const p of [...required, ...(target && !required.includes(target) ? [target] : [])]) {
      const value = p === target ? payload : String(sample(p.name, resolve(doc, p.schema)));
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (p.in === "query") query.set(p.name, value);
    }
    // Left-over path templates (no declared parameter) get the sample goal id.
    url = url.replace(/\{[^}]+\}/g, goalId);
    const search = query.toString();
    return `http://localhost${url}${search ? `?${search}` : ""}`;
  };
  const jsonSchema = resolve(doc, operation.jsonBody);
  const baseBody = jsonSchema ? sampleBody(doc, jsonSchema, sample) : undefined;
  const init = (body?: unknown): RequestInit =>
    body === undefined
      ? { method: operation.method }
      : {
          method: operation.method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        };

  for (const parameter of operation.parameters) {
    if (parameter.in !== "query" && parameter.in !== "path") continue;
    for (const payload of PAYLOADS) {
      attempts.push({
        label: `${operation.method} ${operation.path} ${parameter.in}:${parameter.name}=${JSON.stringify(payload.slice(0, 40))}`,
        url: urlWith(parameter, payload),
        init: init(baseBody),
      });
    }
  }
  if (jsonSchema) {
    const url = urlWith(undefined, "");
    for (const field of Object.keys(jsonSchema.properties ?? {})) {
      for (const value of BODY_VALUES) {
        attempts.push({
          label: `${operation.method} ${operation.path} body.${field}=${JSON.stringify(value)?.slice(0, 40)}`,
          url,
          init: init({ ...(baseBody as object), [field]: value }),
        });
      }
    }
    for (const raw of ["' OR 1=1 --", "[]", '"x"', "{", "null"]) {
      attempts.push({
        label: `${operation.method} ${operation.path} raw body ${raw}`,
        url,
        init: { method: operation.method, headers: { "content-type": "application/json" }, body: raw },
      });
    }
  }
  const formSchema = resolve(doc, operation.formBody);
  if (formSchema) {
    const url = urlWith(undefined, "");
    for (const field of Object.keys(formSchema.properties ?? {})) {
      for (const payload of PAYLOADS) {
        const form = new FormData();
        form.append(field, payload);
        form.append(field, new Blob([payload], { type: "text/csv" }), payload.slice(0, 200));
        attempts.push({
          label: `${operation.method} ${operation.path} form.${field}=${JSON.stringify(payload.slice(0, 40))}`,
          url,
          init: { method: operation.method, body: form },
        });
      }
    }
  }
  return attempts;
}

function sampleBody(
  doc: OpenApiDoc,
  schema: Schema,
  sample: (name: string, schema: Schema | undefined) => unknown,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  // A goal is stored only when SMART: give it its deadline and reason too.
  const names = [...(schema.required ?? []), ...["deadline", "why"].filter((n) => schema.properties?.[n])];
  for (const name of names) body[name] = sample(name, resolve(doc, schema.properties?.[name]));
  return body;
}

function jobIdOf(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { job?: { id?: unknown } }).job?.id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

async function waitForJob(app: ReturnType<typeof createApp>, id: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const res = await app.request(`/api/v1/imports/${encodeURIComponent(id)}`);
    if (res.status !== 200) return;
    const { job } = (await res.json()) as { job?: { state?: string } };
    if (job?.state === "succeeded" || job?.state === "failed") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import job ${id} did not end`);
}

/** The body as text; an answer that does not end (an event stream) is cut off after `ms`. */
async function readWithin(res: Response, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      void res.body?.cancel();
      resolve("");
    }, ms);
  });
  try {
    return await Promise.race([res.text(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The entity tables and settings by content checksum, plus the row count of every other table but goals. */
async function snapshot(engine: Engine): Promise<Record<string, string>> {
  const result = await tableFingerprints(engine);
  for (const name of await tableNames(engine)) {
    // Goals may gain rows (free text is data); quality_findings is rewritten by a run.
    if (name in result || name === "goals" || name === "quality_findings") continue;
    const rows = await engine.query({ sql: `SELECT count(*) AS n FROM "${name}"`, params: [] });
    result[name] = String(rows[0]?.n);
  }
  return result;
}

async function tableNames(engine: Engine): Promise<string[]> {
  const rows = await engine.query({
    sql: "SELECT table_name FROM information_schema.tables ORDER BY table_name",
    params: [],
  });
  return rows.map((r) => String(r.table_name));
}
