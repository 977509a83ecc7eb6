import { CrmKpiError } from "../../core/errors.js";
import type { RawRecord, RawSource } from "../raw-record.js";
import type { CompiledSource, KeyPath, RowScope } from "./compile-mapping.js";
import { RecordDeduper } from "./dedupe-records.js";
import { ExpressionValueError } from "./expression.js";
import { RecordGroups } from "./group-rows.js";
import { readRows, type SourceFile, type SourceRow } from "./read-source-file.js";
import { AccountingCounter } from "./source-accounting.js";
import { type CompiledUnpivot, type UnpivotColumn, unpivotColumns, unpivotValues } from "./unpivot.js";

/**
 * A RawSource that reads a source's files (one, or a glob's, in turn) and
 * yields canonical records for one entity: filter (`where`), unpivot, split
 * into variants, map columns, group, dedupe. Each call to `records()` reads
 * the files again from the start; `accounting()` tells what the last run
 * dropped or merged, per rule.
 */
export function createMappedSource(
  source: CompiledSource,
  files: readonly MappedFile[],
  joins: readonly JoinedFile[],
  vars: Readonly<Record<string, string>>,
  /** A key path as the user wrote it, for the accounting (default: joined with dots). */
  keyPath: (path: KeyPath) => string = (path) => path.join("."),
): RawSource {
  // Each record names its own file; the source as a whole is named as the mapping wrote it.
  const file = files.length === 1 ? (files[0] as MappedFile).file.name : source.from;
  const counter = new AccountingCounter(source.entity, keyPath(source.path), file);
  return {
    entity: source.entity,
    file,
    columns: async () => source.targetColumns,
    records: () => mapRows(source, files, joins, vars, counter, keyPath),
    accounting: () => counter.snapshot(),
  };
}

/** One file of a source (a glob gives several, read in turn) and its header (CSV). */
export interface MappedFile {
  readonly file: SourceFile;
  readonly header: readonly string[] | undefined;
}

/** A file looked up by `key` for each row of the main file (a left join: no match = empty cells). */
export interface JoinedFile {
  /** A glob's files, read in turn into one lookup table. */
  readonly files: readonly SourceFile[];
  readonly key: string;
  readonly on: string;
  readonly as: string;
  /** An inner join: rows without a match are dropped and counted. */
  readonly required?: boolean;
  /** Key path of the join, for the accounting. */
  readonly path?: KeyPath;
}

async function loadJoin(join: JoinedFile): Promise<Map<string, Record<string, string>>> {
  const byKey = new Map<string, Record<string, string>>();
  for await (const { row } of readAll(join.files)) {
    const key = (row.values[join.key] ?? "").trim();
    if (row.defect || key === "" || byKey.has(key)) continue; // first occurrence wins
    const prefixed: Record<string, string> = {};
    for (const [name, value] of Object.entries(row.values)) prefixed[`${join.as}.${name}`] = value;
    byKey.set(key, prefixed);
  }
  return byKey;
}

async function* mapRows(
  source: CompiledSource,
  files: readonly MappedFile[],
  joins: readonly JoinedFile[],
  vars: Readonly<Record<string, string>>,
  counter: AccountingCounter,
  keyPath: (path: KeyPath) => string,
): AsyncGenerator<RawRecord> {
  counter.reset();
  const dedupe = source.dedupe ? new RecordDeduper(source.dedupe) : undefined;
  const groups = source.groupBy
    ? source.variants.map(
        (variant) =>
          new RecordGroups(
            source.entity,
            variant.columns.map((c) => ({ target: c.target, aggregate: c.aggregate, orderBy: c.orderBy })),
          ),
      )
    : undefined;
  // Whether a record goes on now: dedupe `first` streams, the other rules hold records until the end.
  const pass = (record: RawRecord): boolean => {
    if (dedupe && !dedupe.offer(record)) return false;
    counter.yielded();
    return true;
  };
  let ungrouped = 0;
  const tables = await Promise.all(joins.map(loadJoin));
  rows: for await (const { file, row: sourceRow, header } of readAll(files)) {
    counter.read();
    if (sourceRow.defect) {
      const record: RawRecord = {
        entity: source.entity,
        file: file.name,
        line: sourceRow.line,
        values: {},
        defect: sourceRow.defect,
      };
      if (pass(record)) yield record;
      continue;
    }
    let row = sourceRow;
    if (joins.length > 0) {
      const values: Record<string, string> = { ...sourceRow.values };
      for (const [i, join] of joins.entries()) {
        // `on` may name `alias.column` of an earlier join: read it from the row joined so far.
        const match = tables[i]?.get((values[join.on] ?? "").trim());
        if (match) Object.assign(values, match);
        else if (join.required) {
          counter.add("join_required", keyPath(join.path ?? source.path));
          continue rows;
        } else if (join.files.length > 0) {
          // An optional join without a file is already a warning: its rows are not "unmatched".
          counter.add("join_unmatched", keyPath(join.path ?? source.path));
        }
      }
      row = { line: sourceRow.line, values };
    }
    const scope = rowScope(row.values, vars);
    if (source.where && !guard(() => source.where?.test(scope) ?? true, file, row, "where")) {
      counter.add("where", keyPath(source.where.path));
      continue;
    }
    for (const unpivoted of unpivotRow(source, header, row, vars)) {
      // A row that matches no split variant makes no record by design: not counted as dropped.
      for (const [v, variant] of source.variants.entries()) {
        if (variant.where && !guard(() => variant.where?.test(unpivoted) ?? true, file, row, "split.where"))
          continue;
        const values: Record<string, string> = {};
        for (const column of variant.columns) {
          values[column.target] = guard(() => column.value(unpivoted), file, row, column.target);
        }
        const grouped = groups?.[v];
        if (grouped && source.groupBy) {
          const parts = source.groupBy.columns.map((c) => (unpivoted.column(c) ?? "").trim());
          // Rows with an empty group key are not one group: each stays its own record.
          const key = parts.some((p) => p !== "") ? JSON.stringify(parts) : `${ungrouped++}`;
          const order: Record<string, string> = {};
          for (const column of variant.columns) {
            if (column.orderBy !== undefined) order[column.target] = unpivoted.column(column.orderBy) ?? "";
          }
          grouped.add({ key, file: file.name, line: row.line, values, order });
          continue;
        }
        const record: RawRecord = { entity: source.entity, file: file.name, line: row.line, values };
        if (pass(record)) yield record;
      }
    }
  }
  if (groups && source.groupBy) {
    counter.add(
      "group_by",
      keyPath(source.groupBy.path),
      groups.reduce((n, g) => n + g.merged(), 0),
    );
    for (const grouped of groups) {
      for (const record of grouped.records()) if (pass(record)) yield record;
    }
  }
  if (dedupe && source.dedupe) {
    for (const record of dedupe.held()) {
      counter.yielded();
      yield record;
    }
    counter.add("dedupe", keyPath(source.dedupe.path), dedupe.droppedCount());
  }
}

function rowScope(
  values: Readonly<Record<string, string>>,
  vars: Readonly<Record<string, string>>,
): RowScope {
  return {
    column: (name) => values[name],
    variable: (name) => vars[name],
  };
}

function* unpivotRow(
  source: CompiledSource,
  header: readonly string[] | undefined,
  row: SourceRow,
  vars: Readonly<Record<string, string>>,
): Generator<RowScope> {
  const unpivot = source.unpivot;
  if (!unpivot) {
    yield rowScope(row.values, vars);
    return;
  }
  // `match` works on the file's header (JSON rows: each row's keys), computed once per file.
  const columns = unpivotColumnsOf(unpivot, header ?? Object.keys(row.values));
  for (const values of unpivotValues(unpivot, columns, row.values)) yield rowScope(values, vars);
}

const columnsByHeader = new WeakMap<readonly string[], UnpivotColumn[]>();

function unpivotColumnsOf(unpivot: CompiledUnpivot, header: readonly string[]): UnpivotColumn[] {
  if (unpivot.columns) return unpivotColumns(unpivot, header);
  let columns = columnsByHeader.get(header);
  if (!columns) {
    columns = unpivotColumns(unpivot, header);
    columnsByHeader.set(header, columns);
  }
  return columns;
}

/** The rows of several files in turn, each with its file and header. */
async function* readAll(
  files: readonly (SourceFile | MappedFile)[],
): AsyncGenerator<{ file: SourceFile; header: readonly string[] | undefined; row: SourceRow }> {
  for (const entry of files) {
    const { file, header } = "file" in entry ? entry : { file: entry, header: undefined };
    for await (const row of readRows(file)) yield { file, header, row };
  }
}

// An expression that meets a value it cannot use (months("abc")) stops the
// import at that row: silently dropping it would change the figures.
function guard<T>(work: () => T, file: SourceFile, row: SourceRow, column: string): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ExpressionValueError) {
      throw new CrmKpiError(
        "import_bad_row",
        `${file.name}:${row.line} ${column}: ${error.message}; fix the cell or guard the rule with if(...) in the mapping`,
        { file: file.name, line: row.line, column, reason: error.message },
        { file: file.name, line: row.line, column },
      );
    }
    throw error;
  }
}
