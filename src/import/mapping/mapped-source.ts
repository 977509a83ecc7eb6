import { CrmKpiError } from "../../core/errors.js";
import type { RawRecord, RawSource } from "../raw-record.js";
import type { CompiledSource, RowScope } from "./compile-mapping.js";
import { ExpressionValueError } from "./expression.js";
import { readRows, type SourceFile, type SourceRow } from "./read-source-file.js";

/**
 * A RawSource that reads one user file and yields canonical records for one
 * entity: filter (`where`), unpivot, split into variants, map columns, dedupe.
 * Each call to `records()` reads the file again from the start.
 */
export function createMappedSource(
  source: CompiledSource,
  file: SourceFile,
  joins: readonly JoinedFile[],
  vars: Readonly<Record<string, string>>,
): RawSource {
  return {
    entity: source.entity,
    file: file.name,
    columns: async () => source.targetColumns,
    records: () => mapRows(source, file, joins, vars),
  };
}

/** A file looked up by `key` for each row of the main file (a left join: no match = empty cells). */
export interface JoinedFile {
  readonly file: SourceFile;
  readonly key: string;
  readonly on: string;
  readonly as: string;
}

async function loadJoin(join: JoinedFile): Promise<Map<string, Record<string, string>>> {
  const byKey = new Map<string, Record<string, string>>();
  for await (const row of readRows(join.file)) {
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
  file: SourceFile,
  joins: readonly JoinedFile[],
  vars: Readonly<Record<string, string>>,
): AsyncGenerator<RawRecord> {
  const seen = source.dedupeKey ? new Set<string>() : undefined;
  const tables = await Promise.all(joins.map(loadJoin));
  for await (const sourceRow of readRows(file)) {
    if (sourceRow.defect) {
      yield {
        entity: source.entity,
        file: file.name,
        line: sourceRow.line,
        values: {},
        defect: sourceRow.defect,
      };
      continue;
    }
    let row = sourceRow;
    if (joins.length > 0) {
      const values: Record<string, string> = { ...sourceRow.values };
      joins.forEach((join, i) => {
        Object.assign(values, tables[i]?.get((sourceRow.values[join.on] ?? "").trim()));
      });
      row = { line: sourceRow.line, values };
    }
    const scope = rowScope(row.values, vars);
    if (source.where && !guard(() => source.where?.test(scope) ?? true, file, row, "where")) continue;
    for (const unpivoted of unpivotRow(source, row, vars)) {
      for (const variant of source.variants) {
        if (variant.where && !guard(() => variant.where?.test(unpivoted) ?? true, file, row, "split.where"))
          continue;
        const values: Record<string, string> = {};
        for (const column of variant.columns) {
          values[column.target] = guard(() => column.value(unpivoted), file, row, column.target);
        }
        if (seen && source.dedupeKey) {
          const key = source.dedupeKey.map((k) => values[k] ?? "");
          // Records without a key are left for the importer to reject, with their line.
          if (key.some((k) => k !== "")) {
            const id = JSON.stringify(key);
            if (seen.has(id)) continue;
            seen.add(id);
          }
        }
        yield { entity: source.entity, file: file.name, line: row.line, values };
      }
    }
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
  row: SourceRow,
  vars: Readonly<Record<string, string>>,
): Generator<RowScope> {
  const unpivot = source.unpivot;
  if (!unpivot) {
    yield rowScope(row.values, vars);
    return;
  }
  for (const column of unpivot.columns) {
    const cell = row.values[column] ?? "";
    if (cell.trim() === "" && !unpivot.keepEmpty) continue;
    yield rowScope({ ...row.values, [unpivot.name]: column, [unpivot.value]: cell }, vars);
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
