import type { Engine } from "../core/engine.js";
import { type DatasetSettings, datasetSettingsSchema } from "../core/model/settings.js";

/** The dataset settings stored by the last import (defaults where none). */
export async function loadDatasetSettings(engine: Engine): Promise<DatasetSettings> {
  const rows = await engine.query({ sql: "SELECT key, value FROM dataset_settings", params: [] });
  const stored = Object.fromEntries(rows.map((r) => [String(r.key), JSON.parse(String(r.value))]));
  return datasetSettingsSchema.parse(stored);
}
