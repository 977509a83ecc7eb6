import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Engine } from "../../src/core/engine.js";
import type { DatasetSettings } from "../../src/core/model/settings.js";
import type { SqlValue } from "../../src/core/sql/compiled-query.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { type ImportResult, importDataset } from "../../src/import/import-dataset.js";

/** Shared steps of the preset tests: a temp folder, an in-memory database, the import. */

/** Absolute path of a shipped preset file. */
export function presetFile(name: string): string {
  return fileURLToPath(new URL(`../../presets/${name}.yaml`, import.meta.url));
}

/** A folder of ../shared/data/crm-exports (read in place, never copied). */
export function sharedExport(folder: string): string {
  return fileURLToPath(new URL(`../../../shared/data/crm-exports/${folder}`, import.meta.url));
}

export async function tempDir(name: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `crm-kpi-preset-${name}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface Imported {
  readonly engine: Engine;
  readonly result: ImportResult;
}

export async function importWithPreset(
  dir: string,
  preset: string,
  settings?: Partial<DatasetSettings>,
): Promise<Imported> {
  const engine = await openDuckDB(":memory:");
  try {
    const result = await importDataset(engine, dir, {
      mappingFile: presetFile(preset),
      ...(settings ? { settings } : {}),
    });
    return { engine, result };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

export async function rows(engine: Engine, sql: string): Promise<Record<string, SqlValue>[]> {
  return (await engine.query({ sql, params: [] })) as Record<string, SqlValue>[];
}

export async function one(engine: Engine, sql: string): Promise<Record<string, SqlValue>> {
  return (await rows(engine, sql))[0] ?? {};
}

/** Warning codes with their counts, to assert which warnings an import gave. */
export function warningCodes(result: ImportResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of result.warnings) counts[w.code] = (counts[w.code] ?? 0) + 1;
  return counts;
}
