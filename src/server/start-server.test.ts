import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMetrics } from "../core/metrics/registry.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { type RunningServer, startServer } from "./start-server.js";

let dir: string;
let dbPath: string;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crm-kpi-serve-"));
  dbPath = join(dir, "crm.duckdb");
  server = await startServer({
    engine: await openDuckDB(dbPath),
    dbPath,
    host: "127.0.0.1",
    port: 0,
    auth: false,
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("startServer", () => {
  it("listens on a free port and answers /api/v1/catalog", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/api/v1/catalog`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { metrics: { id: string }[] };
    expect(body.metrics).toHaveLength(listMetrics().length);
  });

  it("writes <db>.server.json with its pid and URL", () => {
    const info = JSON.parse(readFileSync(`${dbPath}.server.json`, "utf8"));
    expect(info).toMatchObject({ pid: process.pid, url: server.url });
  });

  it("makes a CLI command on the held database say who holds it", async () => {
    // Another process, as a user would run it: DuckDB's file lock refuses it.
    const main = fileURLToPath(new URL("../cli/main.ts", import.meta.url));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", main, "report", "--db", dbPath, "--metrics", "revenue"],
        { env: { ...process.env, CRM_KPI_LANG: "en" } },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`held by a running crm-kpi server at ${server.url} (pid ${process.pid})`);
    expect(result.stderr).not.toMatch(/lock/i);
  }, 30_000);

  it("removes the lock file on close", async () => {
    const other = join(dir, "other.duckdb");
    const s = await startServer({
      engine: await openDuckDB(other),
      dbPath: other,
      host: "127.0.0.1",
      port: 0,
      auth: false,
    });
    expect(existsSync(`${other}.server.json`)).toBe(true);
    await s.close();
    expect(existsSync(`${other}.server.json`)).toBe(false);
  });
});
