import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";

// Real processes: DuckDB's file lock is per process, so only a child shows it.
const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-lock-"));
const db = path.join(tmp, "crm.duckdb");
const root = path.resolve(import.meta.dirname, "../..");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const data = path.join(tmp, "data");
  mkdirSync(data);
  const lines = ["customer_id,region,created_at"];
  for (let i = 0; i < 400; i++)
    lines.push(`C${i},R${i % 7},2024-01-${String((i % 28) + 1).padStart(2, "0")}`);
  writeFileSync(path.join(data, "customers.csv"), `${lines.join("\n")}\n`);
  expect(await runCli(["import", data, "--db", db], captureIo())).toBe(EXIT.ok);
});

interface Child {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** `npx tsx src/cli/main.ts …`; `closeAfterFirstChunk` closes its stdout pipe early, as `head` does. */
function runChild(argv: string[], closeAfterFirstChunk = false): Promise<Child> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "src/cli/main.ts", ...argv],
      {
        cwd: root,
        env: { ...process.env, CRM_KPI_DEBUG: "" },
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (closeAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

async function holdDatabase(accessMode: "READ_WRITE" | "READ_ONLY"): Promise<() => void> {
  const instance = await DuckDBInstance.create(db, { access_mode: accessMode });
  const connection = await instance.connect();
  return () => {
    connection.closeSync();
    instance.closeSync();
  };
}

describe("several processes on one database", () => {
  it("a reader runs beside another reader", async () => {
    const release = await holdDatabase("READ_ONLY");
    try {
      const child = await runChild([
        "report",
        "--metrics",
        "new_customers",
        "--format",
        "ndjson",
        "--db",
        db,
        "--wait",
        "0",
      ]);
      expect(child.err).toBe("");
      expect(child.code).toBe(EXIT.ok);
      expect(child.out).toContain("new_customers");
    } finally {
      release();
    }
  }, 60_000);

  it("a writer that cannot get the lock names the process holding it", async () => {
    const release = await holdDatabase("READ_WRITE");
    try {
      const child = await runChild([
        "goals",
        "add",
        "--metric",
        "new_customers",
        "--target",
        "5",
        "--deadline",
        "2030-01-01",
        "--db",
        db,
        "--wait",
        "0",
      ]);
      expect(child.code).toBe(EXIT.database);
      expect(child.err).toContain(`pid ${process.pid}`);
      expect(child.err).toContain("--wait");
      expect(child.err).not.toMatch(/\n\s+at /);
    } finally {
      release();
    }
  }, 60_000);

  it("a reader waits with --wait until the writer lets go", async () => {
    const release = await holdDatabase("READ_WRITE");
    const running = runChild([
      "report",
      "--metrics",
      "new_customers",
      "--format",
      "ndjson",
      "--db",
      db,
      "--wait",
      "120",
    ]);
    // Let the child meet the lock first (it needs a few seconds to start anyway), then let go.
    await new Promise((r) => setTimeout(r, 1500));
    release();
    const child = await running;
    expect(child.err).toBe("");
    expect(child.code).toBe(EXIT.ok);
  }, 150_000);
});

describe("output piped into head", () => {
  it("ends quietly when the reader closes the pipe early", async () => {
    const child = await runChild(
      ["report", "--metrics", "all", "--by", "region", "--period", "day", "--format", "ndjson", "--db", db],
      true,
    );
    expect(child.err).not.toMatch(/EPIPE|\n\s+at /);
    expect(child.code).toBe(0);
  }, 120_000);
});
