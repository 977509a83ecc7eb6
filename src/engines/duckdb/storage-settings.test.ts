import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { openDuckDB } from "./duckdb-engine.js";

// Text that DuckDB compresses with FSST by default: many distinct, similar strings.
const FILL = `CREATE TABLE mails AS SELECT 'customer.' || i || '@example-mail.com' AS email FROM range(300000) t(i)`;
const COMPRESSIONS = `SELECT DISTINCT compression FROM pragma_storage_info('mails') WHERE segment_type = 'VARCHAR' ORDER BY compression`;

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-storage-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("DuckDB storage settings", () => {
  it("gives each session crm-kpi's memory budget (500 MB unless CRM_KPI_DUCKDB_MEMORY)", async () => {
    const engine = await openDuckDB(":memory:");
    try {
      const [row] = await engine.query({ sql: "SELECT current_setting('memory_limit') AS v", params: [] });
      const [, amount, unit] = /^([0-9.]+) (MiB|GiB)$/.exec(String(row?.v)) ?? [];
      const bytes = Number(amount) * (unit === "GiB" ? 2 ** 30 : 2 ** 20);
      const expected = process.env.CRM_KPI_DUCKDB_MEMORY ? null : 500e6;
      if (expected !== null) expect(Math.abs(bytes - expected)).toBeLessThan(1e6);
      else expect(bytes).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  });

  it("stores text without FSST (DuckDB's own defaults would use it for the same rows)", async () => {
    const engine = await openDuckDB(path.join(tmp, "crm.duckdb"));
    try {
      await engine.execute(FILL);
      await engine.execute("CHECKPOINT");
      const ours = (await engine.query({ sql: COMPRESSIONS, params: [] })).map((r) => String(r.compression));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).not.toContain("FSST");
    } finally {
      await engine.close();
    }
    // The control: the same rows under DuckDB's defaults, so the assertion above could fail.
    const instance = await DuckDBInstance.create(path.join(tmp, "plain.duckdb"));
    const connection = await instance.connect();
    try {
      await connection.run(FILL);
      await connection.run("CHECKPOINT");
      const plain = (await connection.runAndReadAll(COMPRESSIONS))
        .getRowObjects()
        .map((r) => String(r.compression));
      expect(plain).toContain("FSST");
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
