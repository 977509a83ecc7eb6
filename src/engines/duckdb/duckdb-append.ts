import type { DuckDBConnection } from "@duckdb/node-api";
import type { SqlValue } from "../../core/sql/compiled-query.js";

/**
 * Loads rows with DuckDB's appender. Values arrive as text or numbers and the
 * appender's target is a staging table of VARCHAR/DOUBLE columns named
 * `columns`; the caller casts into the typed table with one INSERT … SELECT.
 */
export async function appendWithDuckDBAppender(
  connection: DuckDBConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        const value = row[i];
        if (value === null || value === undefined) appender.appendNull();
        else if (typeof value === "number") appender.appendDouble(value);
        else if (typeof value === "bigint") appender.appendBigInt(value);
        else if (typeof value === "boolean") appender.appendBoolean(value);
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
