import type { DuckDBConnection } from "@duckdb/node-api";
import type { CsvFileSpec } from "../../core/engine.js";
import { duckdbDialect } from "./duckdb-dialect.js";

/**
 * `Engine.createCsvTable` for DuckDB: its parallel `read_csv` with every
 * option spelled out (no sniffing), all columns VARCHAR, and strict mode so
 * a record the importer's tokenizer would read differently is an error
 * rather than a guess. A CREATE TABLE … AS SELECT keeps the file's order
 * (`preserve_insertion_order`, on by default), so a row's `rowid` is its
 * record index. No `new_line`: the importer's scan has checked that the
 * file keeps to one line ending, and DuckDB 1.5.6 in strict mode silently
 * reads no rows at all with `new_line = '\r\n'` (or `'\n'` on a CRLF file).
 */
export async function createDuckDBCsvTable(
  connection: DuckDBConnection,
  table: string,
  csv: CsvFileSpec,
  select: readonly string[],
): Promise<string> {
  const columns = Array.from({ length: csv.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  await connection.run(
    `CREATE TEMP TABLE ${duckdbDialect.quoteIdentifier(table)} AS SELECT ${select.join(", ")}
     FROM read_csv($1, columns = {${columns}}, header = true, auto_detect = false, delim = $2,
       quote = '"', escape = '"', strict_mode = true, null_padding = false,
       ignore_errors = false, encoding = 'utf-8')`,
    [csv.path, csv.delimiter],
  );
  return "rowid";
}
