import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { isEntityName } from "../../src/core/model/entities.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { type ImportResult, importDataset, readDatasetSettings } from "../../src/import/index.js";
import { csvDataRows, sharedPath, tableFingerprints } from "./import-helpers.js";

const dir = sharedPath("data/reference");

describe("importing the reference dataset", () => {
  let engine: Engine;
  let result: ImportResult;

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    result = await importDataset(engine, dir);
  });
  afterAll(async () => {
    await engine.close();
  });

  it("imports with zero errors", () => {
    expect(result.errors).toEqual([]);
    expect(result.rejected).toBe(0);
  });

  it("writes every data row of every file", async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const entity = file.replace(/\.csv$/, "");
      if (!isEntityName(entity)) continue;
      const expected = csvDataRows(join(dir, file));
      expect(result.rowsByEntity[entity], file).toBe(expected);
      const rows = await engine.query({ sql: `SELECT count(*) AS n FROM "${entity}"`, params: [] });
      expect(Number(rows[0]?.n), file).toBe(expected);
    }
  });

  it("stores the settings of crm-kpi.json", async () => {
    const stored = await readDatasetSettings(engine);
    expect(stored).toEqual(result.settings);
    expect(stored.base_currency).toBe("USD");
  });

  it("fills every money base column of rows that have an amount", async () => {
    const rows = await engine.query({
      sql: `SELECT count(*) AS n FROM orders WHERE amount IS NOT NULL AND amount_base IS NULL`,
      params: [],
    });
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await tableFingerprints(engine);
    const again = await importDataset(engine, dir);
    expect(again.errors).toEqual([]);
    expect(await tableFingerprints(engine)).toEqual(before);
  });
});
