import { resolve } from "node:path";
import type { BulkLoad, Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { ENTITIES, type EntityName, entityDef, IMPORT_ORDER } from "../core/model/entities.js";
import type { DatasetSettings } from "../core/model/settings.js";
import type { SqlValue } from "../core/sql/compiled-query.js";
import { detachString } from "./csv-tokenizer.js";
import {
  checkSettings,
  mergeSettings,
  readDatasetSettings,
  readSettingsFile,
  storeDatasetSettings,
} from "./dataset-settings.js";
import { discoverSources } from "./discover-sources.js";
import { FastCsvStager, type FastStage } from "./fast-csv-import.js";
import { FxTable } from "./fx-table.js";
import { headerProblems } from "./header-checks.js";
import { type ImportIssue, ImportRejectedError, issueValue } from "./import-issue.js";
import { mappedSources } from "./mapping/index.js";
import { detectedPreset, namedPreset, noDataFiles, type PresetUsed } from "./presets/choose-preset.js";
import { type CellBatch, cellValues, type RawSource, type SourceAccounting } from "./raw-record.js";
import { findOrphanReferences } from "./reference-checks.js";
import { RejectsWriter } from "./rejects-writer.js";
import { type RowProblem, RowValidator } from "./row-validator.js";
import { castStaged, createStageTable, dropImportTables, stageTable, upsertStaged } from "./staging.js";
import { checkEncoding } from "./text-decoding.js";

export { readDatasetSettings } from "./dataset-settings.js";
export type { ImportIssue } from "./import-issue.js";
export { ImportRejectedError } from "./import-issue.js";

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

export interface ImportOptions {
  /** When set, sources come from `mappedSources(mappingFile, dir)`. */
  mappingFile?: string;
  /** Write the valid rows and list the rejected ones in `rejectsFile`. */
  skipInvalid?: boolean;
  /** Where rejected rows go (NDJSON); default `crm-kpi-rejects.ndjson` in the working directory. */
  rejectsFile?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Overrides `crm-kpi.json` and the mapping's settings. */
  settings?: Partial<DatasetSettings>;
  /** Encoding of the canonical files (WHATWG label, default UTF-8; a file's byte order mark wins). */
  encoding?: string;
  /** Cell separator of the canonical CSV files: `,` (default), `;` or a tab. */
  delimiter?: string;
  /** A shipped preset (`presets/<name>.yaml`) as the mapping; not with `mappingFile`. */
  preset?: string;
  /** Told which preset reads the folder (named or recognized) before any row is read. */
  onPreset?: (preset: PresetUsed) => void;
  /**
   * Let the engine read plain canonical CSV files itself (default true; see
   * docs/import.md); false reads every file in JavaScript. The
   * stored rows and the issues are the same either way.
   */
  fastPath?: boolean;
}

/** Separators `--delimiter` accepts; `\t` and `tab` name a tab. */
export function checkDelimiter(text: string): string {
  const delimiter = text === "\\t" || text === "tab" ? "\t" : text;
  if (delimiter === "," || delimiter === ";" || delimiter === "\t" || delimiter === "|") return delimiter;
  throw new CrmKpiError("bad_argument", `unknown delimiter "${text}"`, {
    messageKey: "importer.error.unknownDelimiter",
    value: text,
  });
}

export interface ImportResult {
  /** Rows written per entity (0 for entities not imported). */
  rowsByEntity: Record<EntityName, number>;
  /** Rejected rows and files (entries of the rejects file). */
  rejected: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  durationMs: number;
  rejectsFile?: string;
  settings: DatasetSettings;
  /**
   * With a mapping: per source, the rows its rules dropped or merged (where,
   * dedupe, required joins, group_by) and left-join rows without a match.
   */
  mappingAccounting?: SourceAccounting[];
  /** The preset the import used: named with `preset`, or recognized from the headers (`detected`). */
  preset?: PresetUsed;
  /** Files the engine read itself (the fast path), in import order. */
  fastFiles: string[];
}

/** Rows per `appendRows` call for engines without a bulk load: amortizes the call, bounds memory. */
const BATCH_ROWS = 20_000;

export const DEFAULT_REJECTS_FILE = "crm-kpi-rejects.ndjson";

/**
 * Imports a dataset folder (canonical files, or any files through a mapping)
 * into the database: validates every cell, converts money to the base
 * currency, and upserts all entities in one transaction. When any row fails
 * and `skipInvalid` is off, nothing is written and an `ImportRejectedError`
 * (code `import_rejected`) lists every error.
 *
 * @example const result = await importDataset(engine, "./data", { skipInvalid: true })
 */
export async function importDataset(
  engine: Engine,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const fileSettings = await readSettingsFile(dir);
  let sources: RawSource[];
  let mappingSettings: Partial<DatasetSettings> | undefined;
  let sourceWarnings: ImportIssue[] = [];
  let preset = await namedPreset(options);
  const mappingFile = options.mappingFile ?? preset?.file;
  if (preset) options.onPreset?.(preset);
  if (mappingFile) {
    // A mapping names each file's own delimiter; the encoding applies to all of them.
    if (options.delimiter !== undefined) {
      throw new CrmKpiError(
        "bad_argument",
        "--delimiter applies to canonical files; with a mapping, give each source its delimiter in the mapping file",
        { messageKey: "importer.error.delimiterWithMapping", value: options.delimiter },
      );
    }
    const mapped = await mappedSources(
      mappingFile,
      dir,
      options.encoding === undefined ? {} : { encoding: checkEncoding(options.encoding) },
    );
    sources = mapped.sources;
    mappingSettings = mapped.settings;
    sourceWarnings = mapped.warnings;
  } else {
    sources = await discoverSources(dir, {
      ...(options.encoding === undefined ? {} : { encoding: checkEncoding(options.encoding) }),
      ...(options.delimiter === undefined ? {} : { delimiter: checkDelimiter(options.delimiter) }),
    });
    // No canonical file: maybe a product's export, recognized by its headers (docs/mapping.md, Presets).
    preset = sources.length === 0 && options.delimiter === undefined ? await detectedPreset(dir) : undefined;
    if (preset) {
      options.onPreset?.(preset);
      const mapped = await mappedSources(
        preset.file,
        dir,
        options.encoding === undefined ? {} : { encoding: checkEncoding(options.encoding) },
      );
      sources = mapped.sources;
      mappingSettings = mapped.settings;
      sourceWarnings = mapped.warnings;
    }
  }
  if (sources.length === 0) throw await noDataFiles(dir);
  // The only writer from reading the stored settings to the commit: a second import waits (docs/database.md, Concurrency).
  const result = await engine.exclusive(async () => {
    const settings = mergeSettings(
      await readDatasetSettings(engine),
      fileSettings,
      mappingSettings,
      options.settings ? checkSettings(options.settings, "settings") : undefined,
    );
    return importSources(engine, sources, settings, options, sourceWarnings);
  });
  // Filled by each mapped source while the importer read it; canonical files have none.
  const accounting = sources.flatMap((s) => (s.accounting ? [s.accounting()] : []));
  const withPreset = preset ? { ...result, preset } : result;
  return accounting.length > 0 ? { ...withPreset, mappingAccounting: accounting } : withPreset;
}

/**
 * Imports already opened sources with the given settings (the mapping
 * importer and tests use this). Same guarantees as `importDataset`.
 */
export function importSources(
  engine: Engine,
  sources: readonly RawSource[],
  settings: DatasetSettings,
  options: ImportOptions = {},
  /** Warnings found before any row was read (a mapping's optional source without a file). */
  sourceWarnings: readonly ImportIssue[] = [],
): Promise<ImportResult> {
  return engine.exclusive(() => importExclusively(engine, sources, settings, options, sourceWarnings));
}

async function importExclusively(
  engine: Engine,
  sources: readonly RawSource[],
  settings: DatasetSettings,
  options: ImportOptions,
  sourceWarnings: readonly ImportIssue[],
): Promise<ImportResult> {
  const started = performance.now();
  const rowsByEntity = Object.fromEntries(ENTITIES.map((e) => [e.name, 0])) as Record<EntityName, number>;
  const ordered = [...sources].sort(
    (a, b) => IMPORT_ORDER.indexOf(a.entity) - IMPORT_ORDER.indexOf(b.entity),
  );
  await requireCustomers(engine, ordered);

  const fx = new FxTable(settings.base_currency);
  const run: Run = {
    engine,
    settings,
    options,
    fx,
    fast: options.fastPath === false ? undefined : new FastCsvStager({ engine, settings, fx }),
    sourcesPerEntity: countBy(ordered.map((s) => s.entity)),
    fastFiles: [],
    validators: new Map(),
    errors: [],
    warnings: [...sourceWarnings],
    rowsByEntity,
    rejects: options.skipInvalid
      ? new RejectsWriter(options.rejectsFile ?? resolve(DEFAULT_REJECTS_FILE))
      : undefined,
  };
  const allEntities = ENTITIES.map((e) => e.name);
  try {
    await run.fx.loadStored(engine);
    for (const entity of ENTITIES) await createStageTable(engine, entity);
    let fxSealed = false;
    for (const source of ordered) {
      if (!fxSealed && source.entity !== "fx_rates") {
        run.fx.seal();
        fxSealed = true;
      }
      await importSource(run, source);
    }
    const staged = new Set(IMPORT_ORDER.filter((e) => rowsByEntity[e] > 0));
    run.warnings.push(...(await findOrphanReferences(engine, staged, (e) => run.fast?.viewOf(e))));
    run.warnings.sort(compareIssues);
    if (run.errors.length > 0 && !options.skipInvalid)
      throw new ImportRejectedError(run.errors, run.warnings);
    for (const entity of staged) {
      await castStaged(engine, entity, run.validators.get(entity)?.decimalStats ?? []);
    }
    await engine.transaction(async () => {
      for (const entity of staged) await upsertStaged(engine, entity, run.fast?.viewOf(entity));
      await storeDatasetSettings(engine, settings);
    });
  } finally {
    await run.rejects?.close();
    await run.fast?.drop();
    await dropImportTables(engine, allEntities);
  }
  const rejected = run.rejects?.count ?? 0;
  return {
    rowsByEntity,
    rejected,
    errors: run.errors,
    warnings: run.warnings,
    durationMs: Math.round(performance.now() - started),
    ...(run.rejects && rejected > 0 ? { rejectsFile: run.rejects.path } : {}),
    settings,
    fastFiles: run.fastFiles,
  };
}

/** State of one import run. */
interface Run {
  readonly engine: Engine;
  readonly settings: DatasetSettings;
  readonly options: ImportOptions;
  readonly fx: FxTable;
  readonly validators: Map<EntityName, RowValidator>;
  readonly errors: ImportIssue[];
  readonly warnings: ImportIssue[];
  readonly rowsByEntity: Record<EntityName, number>;
  readonly rejects: RejectsWriter | undefined;
  /** The fast path for canonical CSV files, unless `fastPath` is off. */
  readonly fast: FastCsvStager | undefined;
  readonly sourcesPerEntity: ReadonlyMap<EntityName, number>;
  readonly fastFiles: string[];
}

function countBy<T>(items: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

async function requireCustomers(engine: Engine, sources: readonly RawSource[]): Promise<void> {
  if (sources.some((s) => s.entity === "customers")) return;
  const q = engine.dialect.quoteIdentifier;
  const rows = await engine.query({ sql: `SELECT count(*) AS n FROM ${q("customers")}`, params: [] });
  if (Number(rows[0]?.n ?? 0) > 0) return;
  throw new CrmKpiError(
    "import_no_files",
    "customers are required: add customers.csv (or .ndjson/.json) to the folder, or map a source to customers",
    { entity: "customers" },
  );
}

async function importSource(run: Run, source: RawSource): Promise<void> {
  const def = entityDef(source.entity);
  const fileIssue = (
    severity: ImportIssue["severity"],
    code: string,
    line: number | null,
    column: string | null,
    reason: string,
    messageKey: string,
    params: Readonly<Record<string, string | number>> = {},
    value: string | null = null,
  ): ImportIssue => ({
    severity,
    code,
    file: source.file,
    line,
    column,
    ...issueValue(value === null ? null : detachString(value)),
    reason,
    messageKey,
    params: { entity: def.name, ...params },
  });
  let fileFailed = false;
  const fileError = async (
    code: string,
    line: number | null,
    column: string | null,
    reason: string,
    messageKey: string,
    params: Readonly<Record<string, string | number>> = {},
    value: string | null = null,
  ) => {
    fileFailed = true;
    const issue = fileIssue("error", code, line, column, reason, messageKey, params, value);
    run.errors.push(issue);
    await run.rejects?.write([issue], null);
  };
  let columns: readonly string[];
  try {
    columns = await source.columns();
  } catch (error) {
    if (error instanceof CrmKpiError) throw error;
    await fileError(
      "bad_file",
      null,
      null,
      `cannot read the file (${(error as Error).message}); check its format`,
      "importer.file.unreadable",
    );
    return;
  }
  const isCsv = source.delimiter !== undefined;
  const bytes = source.progress?.().bytesTotal;
  if ((isCsv && columns.every((c) => c === "")) || bytes === 0) {
    await fileError(
      "empty_file",
      null,
      null,
      "the file is empty (not even a header); export it again, or delete it if there is no data for it",
      "importer.file.empty",
    );
    return;
  }
  const headerIssues = headerProblems(columns, source.delimiter);
  if (headerIssues.length > 0) {
    for (const p of headerIssues)
      await fileError(p.code, 1, p.column, p.reason, p.messageKey, p.params, p.value);
    return;
  }
  const present = new Set(columns);
  // A JSON file without records has no keys to check; it gets the "no rows" warning below.
  const missing = columns.length === 0 ? [] : def.columns.filter((c) => c.required && !present.has(c.name));
  if (missing.length > 0) {
    for (const column of missing) {
      await fileError(
        "missing_required_column",
        1,
        column.name,
        `the file has no ${column.name} column, which ${def.name} requires; the whole file was rejected, add the column`,
        "importer.file.missingColumn",
      );
    }
    return;
  }
  const known = new Set(def.columns.map((c) => c.name));
  for (const name of columns) {
    if (known.has(name) || name === "") continue;
    run.warnings.push(
      fileIssue(
        "warning",
        "unknown_column",
        1,
        name,
        `${name} is not a column of ${def.name} and was ignored; rename it or use a mapping file`,
        "importer.file.unknownColumn",
      ),
    );
  }

  let validator = run.validators.get(def.name);
  if (!validator) {
    validator = new RowValidator(def, run.settings, run.fx);
    run.validators.set(def.name, validator);
  }
  const table = stageTable(def.name);
  const names = validator.columns.map((c) => c.name);
  const rowErrors: RowProblem[] = [];
  const rowWarnings: RowProblem[] = [];
  let rows = 0;
  let fast: FastStage | null = null;
  const report = () => {
    if (!run.options.onProgress) return;
    const p = source.progress?.() ?? { bytesRead: 0, bytesTotal: 0 };
    // A file the engine read is read whole, whatever part the re-read of its flagged rows covered.
    const bytesRead = fast ? p.bytesTotal : p.bytesRead;
    run.options.onProgress({ file: source.file, bytesRead, bytesTotal: p.bytesTotal, rows });
  };
  // The engine reads the file itself when it can; then only the rows it flagged are validated here.
  if (run.fast?.eligible(source, run.sourcesPerEntity.get(def.name) ?? 0)) {
    fast = await run.fast.stage(source, def, columns);
    if (fast) {
      run.fastFiles.push(source.file);
      rows = fast.records;
      run.rowsByEntity[def.name] += fast.records - fast.flagged.length;
      report();
    }
  }
  const load = openLoad(run.engine, table, names);
  /** Takes a valid row; true when a batch is due (then `await flushLoad()`). */
  const take = (row: SqlValue[]): boolean => {
    run.rowsByEntity[def.name]++;
    return load.add(row);
  };
  const flushLoad = async () => {
    await load.flush();
    report();
  };
  /** Records the problems of a row; true when the row is valid. */
  const settle = async (
    valid: boolean,
    file: string,
    line: number,
    cells: () => Readonly<Record<string, string | undefined>>,
  ): Promise<boolean> => {
    for (const w of rowWarnings) run.warnings.push(toIssue("warning", w, file, line));
    rowWarnings.length = 0;
    if (valid) return true;
    const issues = rowErrors.map((e) => toIssue("error", e, file, line));
    rowErrors.length = 0;
    for (const issue of issues) run.errors.push(issue);
    await run.rejects?.write(issues, cells());
    return false;
  };
  /** Validates row `k` of a batch of cells; a valid row goes to the load. */
  const judgeCells = async (batch: CellBatch, k: number, positions: readonly number[]): Promise<void> => {
    const cells = batch.rows[k] as readonly string[];
    const line = batch.lines[k] as number;
    const row = validator.validateCells(
      cells,
      positions,
      source.file,
      line,
      batch.defects[k],
      rowErrors,
      rowWarnings,
    );
    const valid =
      row !== null && rowWarnings.length === 0
        ? true
        : await settle(row !== null, source.file, line, () => cellValues(batch.header, cells));
    if (valid && take(row as SqlValue[])) await flushLoad();
  };
  try {
    if (fast && source.cellBatches) {
      const { flagged } = fast;
      let index = 0;
      let next = 0;
      if (flagged.length > 0) {
        for await (const cellBatch of source.cellBatches()) {
          const positions = validator.positionsIn(cellBatch.header);
          const { rows: cellRows, lines } = cellBatch;
          for (let k = 0; k < cellRows.length && next < flagged.length; k++, index++) {
            if (index !== flagged[next]) continue;
            next++;
            const line = lines[k] as number;
            if (line !== fast.lineOf(index))
              throw new Error(`fast path: record ${index} at line ${line}, scanned ${fast.lineOf(index)}`);
            await judgeCells(cellBatch, k, positions);
          }
          if (next >= flagged.length) break;
        }
      }
      if (next !== flagged.length)
        throw new Error(`fast path: ${flagged.length - next} flagged records not found`);
    } else if (source.cellBatches) {
      // The fast path: positional cells, no object per row, no await per row.
      let header: readonly string[] | undefined;
      let positions: readonly number[] = [];
      for await (const cellBatch of source.cellBatches()) {
        if (cellBatch.header !== header) {
          header = cellBatch.header;
          positions = validator.positionsIn(header);
        }
        for (let k = 0; k < cellBatch.rows.length; k++) {
          rows++;
          await judgeCells(cellBatch, k, positions);
        }
      }
    } else {
      for await (const record of source.records()) {
        rows++;
        const row = validator.validate(record, rowErrors, rowWarnings);
        const valid = await settle(row !== null, record.file, record.line, () => record.values);
        if (valid && take(row as SqlValue[])) await flushLoad();
      }
    }
  } catch (error) {
    if (error instanceof CrmKpiError) throw error;
    const line = (error as { lines?: number }).lines;
    await fileError(
      "bad_file",
      typeof line === "number" ? line : null,
      null,
      `the file cannot be read past this point (${(error as Error).message}); fix it (often an unclosed quote) and import again`,
      "importer.file.unreadablePast",
    );
  }
  if (rows === 0 && !fileFailed) {
    // Legitimate for an optional entity with no data yet, so a warning; but it says so.
    run.warnings.push(
      isCsv
        ? fileIssue(
            "warning",
            "no_rows",
            1,
            null,
            "the file has a header but no rows; nothing was imported from it",
            "importer.file.headerOnly",
          )
        : fileIssue(
            "warning",
            "no_rows",
            null,
            null,
            "the file holds no records; nothing was imported from it",
            "importer.file.noRecords",
          ),
    );
  }
  await load.close();
  report();
}

/** The engine's streaming bulk load, or batches of `appendRows` when it has none. */
function openLoad(engine: Engine, table: string, columns: readonly string[]): BulkLoad {
  if (engine.openBulkLoad) return engine.openBulkLoad(table, columns);
  let batch: (readonly SqlValue[])[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (rows.length > 0) await engine.appendRows(table, columns, rows);
  };
  return {
    add: (row) => batch.push(row) >= BATCH_ROWS,
    flush,
    close: flush,
  };
}

function toIssue(severity: ImportIssue["severity"], p: RowProblem, file: string, line: number): ImportIssue {
  // A cut value also stops an error from keeping a huge cell (and its chunk) alive.
  const shown = issueValue(p.value);
  const value = shown.value === null ? null : detachString(shown.value);
  return {
    severity,
    code: p.code,
    file,
    line,
    column: p.column,
    ...shown,
    value,
    reason: p.reason,
    messageKey: p.messageKey,
    params: p.params,
  };
}

function compareIssues(a: ImportIssue, b: ImportIssue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
