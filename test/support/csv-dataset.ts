import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Engine } from "../../src/core/engine.js";
import type { DatasetSettings } from "../../src/core/model/settings.js";
import { importDataset } from "../../src/import/import-dataset.js";
import type { TinyTables } from "./tiny-dataset.js";

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Imports `tables` into `engine` the way a user would: CSV files and a
 * crm-kpi.json through the importer, so every engine gets typed, converted
 * rows (`amount_base` included). The folder is removed afterwards.
 */
export async function importTables(
  engine: Engine,
  tables: TinyTables,
  settings: Partial<DatasetSettings> = {},
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "crm-kpi-tables-"));
  try {
    for (const [name, rows] of Object.entries(tables)) {
      const columns = [...new Set((rows ?? []).flatMap((r) => Object.keys(r)))];
      const lines = [
        columns.join(","),
        ...(rows ?? []).map((r) => columns.map((c) => csvField(r[c])).join(",")),
      ];
      await writeFile(join(dir, `${name}.csv`), `${lines.join("\n")}\n`);
    }
    await writeFile(
      join(dir, "crm-kpi.json"),
      JSON.stringify({ base_currency: "USD", timezone: "UTC", ...settings }),
    );
    await importDataset(engine, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
