import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Engine } from "../../src/core/engine.js";
import { ENTITIES } from "../../src/core/model/entities.js";

/** Shared data lives beside the repository (../shared), never copied into it. */
export function sharedPath(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/${relative}`, import.meta.url));
}

/** Data rows of a CSV file counted by an independent parse (header and blank lines excluded). */
export function csvDataRows(path: string): number {
  const records = parse(readFileSync(path), { bom: true, relax_column_count: true, skip_empty_lines: true });
  return records.length - 1;
}

/** Row count and an order-independent content checksum of every entity table. */
export async function tableFingerprints(engine: Engine): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entity of [...ENTITIES.map((e) => e.name), "dataset_settings"]) {
    const rows = await engine.query({
      sql: `SELECT count(*) AS n, CAST(coalesce(sum(hash(CAST(t AS VARCHAR))), 0) AS VARCHAR) AS h FROM "${entity}" t`,
      params: [],
    });
    result[entity] = `${rows[0]?.n}:${rows[0]?.h}`;
  }
  return result;
}
