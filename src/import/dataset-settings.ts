import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { type DatasetSettings, DEFAULT_SETTINGS, datasetSettingsSchema } from "../core/model/settings.js";

export const SETTINGS_FILE = "crm-kpi.json";

/** The settings stored by earlier imports (defaults when there are none). */
export async function readDatasetSettings(engine: Engine): Promise<DatasetSettings> {
  const q = engine.dialect.quoteIdentifier;
  const rows = await engine.query({ sql: `SELECT key, value FROM ${q("dataset_settings")}`, params: [] });
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[String(row.key)] = JSON.parse(String(row.value));
    } catch {
      // A value we cannot read falls back to its default below.
    }
  }
  const parsed = datasetSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/** Replaces the stored settings (one row per key, the value as JSON text). Run inside the import's transaction. */
export async function storeDatasetSettings(engine: Engine, settings: DatasetSettings): Promise<void> {
  const { dialect } = engine;
  const table = dialect.quoteIdentifier("dataset_settings");
  await engine.execute(`DELETE FROM ${table}`);
  for (const [key, value] of Object.entries(settings)) {
    await engine.execute(
      `INSERT INTO ${table} (key, value) VALUES (${dialect.placeholder(1)}, ${dialect.placeholder(2)})`,
      [key, JSON.stringify(value)],
    );
  }
}

/** Reads `crm-kpi.json` in `dir`, if there is one; errors name the file and the key. */
export async function readSettingsFile(dir: string): Promise<Partial<DatasetSettings> | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, SETTINGS_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CrmKpiError(
      "settings_invalid",
      `${SETTINGS_FILE} is not valid JSON (${(error as Error).message}); fix its syntax`,
      {},
      { file: SETTINGS_FILE },
    );
  }
  return checkSettings(json, SETTINGS_FILE);
}

/**
 * Validates partial settings (a file, a mapping, flags). Unknown keys are
 * errors too: a misspelt `time_zone` must not silently fall back to UTC.
 */
export function checkSettings(input: unknown, file: string): Partial<DatasetSettings> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new CrmKpiError("settings_invalid", `${file} must hold a JSON object of settings`, {}, { file });
  }
  const record = input as Record<string, unknown>;
  const known = new Set(Object.keys(datasetSettingsSchema.shape));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) {
      throw new CrmKpiError(
        "settings_invalid",
        `${file}: unknown setting "${key}"; known settings are ${[...known].join(", ")}`,
        { key },
        { file, column: key },
      );
    }
  }
  const parsed = datasetSettingsSchema.partial().safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    throw new CrmKpiError(
      "settings_invalid",
      `${file}: setting "${key}" is invalid (${issue?.message ?? "bad value"}); fix it or remove it to use the default`,
      { key },
      { file, column: key, value: JSON.stringify(record[key]) },
    );
  }
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(record)) result[key] = (parsed.data as Record<string, unknown>)[key];
  return result as Partial<DatasetSettings>;
}

/** Later layers override earlier ones; the result is complete and valid. */
export function mergeSettings(...layers: (Partial<DatasetSettings> | undefined)[]): DatasetSettings {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) merged[key] = value;
  }
  return datasetSettingsSchema.parse(merged);
}
