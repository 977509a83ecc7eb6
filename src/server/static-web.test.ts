import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { t as message } from "../messages/index.js";
import { type ApiApp, DEFAULT_LIMITS, type ServerDatabase } from "./app-types.js";
import { createApp } from "./create-app.js";
import { langOf } from "./request-lang.js";
import { openServerDatabase } from "./server-database.js";

let dir: string;
let db: ServerDatabase;
let app: ApiApp;
let bare: ApiApp;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crm-kpi-web-"));
  await mkdir(join(dir, "dist", "assets"), { recursive: true });
  await writeFile(join(dir, "dist", "index.html"), "<!doctype html><title>dash</title>");
  await writeFile(join(dir, "dist", "assets", "app-1234.js"), "export {};");
  await writeFile(join(dir, "secret.txt"), "outside");
  db = await openServerDatabase(await openDuckDB(":memory:"), { readSessions: 1 });
  const deps = { db, dbLabel: ":memory:", auth: false, limits: DEFAULT_LIMITS };
  app = createApp(deps, { webRoot: join(dir, "dist") });
  bare = createApp(deps, { webRoot: join(dir, "missing") });
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the dashboard's static files", () => {
  it("serves files of the build, and index.html for client routes", async () => {
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    for (const path of ["/", "/goals", "/revenue?lang=fa"]) {
      const page = await app.request(path);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain("<title>dash</title>");
    }
  });

  it("never serves a file outside the build", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const res = await app.request(path);
      expect(await res.text(), path).not.toContain("outside");
    }
  });

  it("keeps /api paths for the API", async () => {
    const res = await app.request("/api/v1/unknown");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("says how to build the dashboard when there is no build, in the request's language", async () => {
    const res = await bare.request("/?lang=fa");
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain(message("fa", "server.web.missing.body"));
    expect(html).toContain('dir="rtl"');
  });
});

describe("langOf", () => {
  it("takes ?lang=, else the best supported Accept-Language, else English", () => {
    expect(langOf("ar", "fa")).toBe("ar");
    expect(langOf("xx", "de-DE,fa;q=0.5,zh;q=0.7")).toBe("zh");
    expect(langOf(undefined, "fa-IR")).toBe("fa");
    expect(langOf(undefined, "de")).toBe("en");
    expect(langOf(undefined, undefined)).toBe("en");
  });
});
