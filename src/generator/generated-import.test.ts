import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Engine } from "../core/engine.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { importDataset } from "../import/import-dataset.js";
import { generateDataset } from "./generate-dataset.js";

let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crm-kpi-gen-import-"));
  engine = await openDuckDB(":memory:");
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

it("imports a generated scale-1 dataset with no errors and no warnings, every row kept", async () => {
  const generated = await generateDataset(dir, { scale: 1, seed: 11 });
  const imported = await importDataset(engine, dir);
  expect(imported.errors).toEqual([]);
  expect(imported.warnings).toEqual([]);
  expect(imported.rejected).toBe(0);
  expect(imported.rowsByEntity).toEqual(generated.rows);
  const [row] = await engine.query({ sql: "SELECT count(*) AS n FROM customers", params: [] });
  expect(Number(row?.n)).toBe(generated.rows.customers);
});
