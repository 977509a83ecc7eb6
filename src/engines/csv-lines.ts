import type { SqlValue } from "../core/sql/compiled-query.js";

/**
 * Rows as CSV lines for an engine's bulk reader (DuckDB's COPY, PostgreSQL's
 * COPY FROM STDIN): an empty cell is NULL and a quoted `""` the empty
 * string, so values round-trip exactly (numbers as their shortest
 * round-trip text).
 */
export function csvLine(row: readonly SqlValue[], width: number): string {
  let line = "";
  for (let i = 0; i < width; i++) {
    if (i > 0) line += ",";
    const value = row[i];
    if (value === null || value === undefined) continue;
    line += typeof value === "string" ? csvCell(value) : String(value);
  }
  return `${line}\n`;
}

const NEEDS_QUOTES = /[",\n\r]/;

function csvCell(value: string): string {
  if (value === "") return '""';
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}
