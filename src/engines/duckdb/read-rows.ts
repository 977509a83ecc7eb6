import { type DuckDBResultReader, DuckDBTypeId } from "@duckdb/node-api";
import type { ResultRow } from "../../core/engine.js";
import type { SqlValue } from "../../core/sql/compiled-query.js";

/**
 * Column types whose raw values are already JSON-safe and equal to what
 * `getRowObjectsJson` gives: text, booleans, integers of up to 32 bits,
 * NULL. A report's statements return only these (values travel as text).
 */
const PLAIN_TYPES: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.VARCHAR,
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.SQLNULL,
]);

/**
 * The rows of `reader` as JSON-safe objects (the engine's value contract,
 * docs/database.md). When every column is of a plain type the rows are built
 * from the raw columns, several times faster than the per-value converter of
 * `getRowObjectsJson` (a report reads tens of thousands of rows); otherwise
 * the converter decides every value.
 */
export function readRowObjects(reader: DuckDBResultReader): ResultRow[] {
  const count = reader.columnCount;
  for (let c = 0; c < count; c++) {
    if (!PLAIN_TYPES.has(reader.columnTypeId(c))) return reader.getRowObjectsJson() as ResultRow[];
  }
  const names = reader.deduplicatedColumnNames();
  // Raw values of the plain types are JavaScript strings, booleans, numbers or null.
  const columns = reader.getColumns() as SqlValue[][];
  const rows: ResultRow[] = new Array(reader.currentRowCount);
  for (let r = 0; r < rows.length; r++) {
    const row: ResultRow = {};
    for (let c = 0; c < count; c++) row[names[c] as string] = columns[c]?.[r] ?? null;
    rows[r] = row;
  }
  return rows;
}
