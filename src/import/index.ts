export { checkSettings, mergeSettings, readSettingsFile, storeDatasetSettings } from "./dataset-settings.js";
export { discoverSources } from "./discover-sources.js";
export {
  DEFAULT_REJECTS_FILE,
  type ImportIssue,
  type ImportOptions,
  type ImportProgress,
  ImportRejectedError,
  type ImportResult,
  importDataset,
  importSources,
  readDatasetSettings,
} from "./import-dataset.js";
export type { RawRecord, RawSource, RecordDefect } from "./raw-record.js";
