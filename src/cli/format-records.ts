import { isRightToLeft, type Lang } from "../messages/index.js";
import { csvField } from "../server/security/csv-safe.js";
import { renderMarkdownTable, renderTable, type TableColumn } from "./text-table.js";

/**
 * The output formats of every command that prints data (issue 8 part 6):
 * `table` and `md` are for people (localized digits, RTL order), `csv`,
 * `ndjson` and `json` for programs (raw numbers, stable English keys).
 */
export const OUTPUT_FORMATS = ["table", "csv", "ndjson", "json", "md"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type MachineFormat = "csv" | "ndjson" | "json";
export type HumanFormat = "table" | "md";

/** A raw value of a machine record; objects and arrays are JSON-encoded in a CSV cell. */
export type RawValue = string | number | boolean | null | undefined | object;

export function isMachineFormat(format: string): format is MachineFormat {
  return format === "csv" || format === "ndjson" || format === "json";
}

/**
 * Records in a machine format, keys in the order of `keys` (not of the
 * objects), so that the same data always gives the same bytes:
 * csv (RFC 4180, a header line, text cells formula-neutralized),
 * ndjson (one object a line) or json (one indented array).
 *
 * @example machineLines(["id", "n"], [{ id: "a", n: 1 }], "csv") // ["id,n", "a,1"]
 */
export function machineLines(
  keys: readonly string[],
  records: readonly Readonly<Record<string, unknown>>[],
  format: MachineFormat,
): string[] {
  const ordered = records.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));
  switch (format) {
    case "csv":
      return [
        keys.map((k) => csvField(k)).join(","),
        ...ordered.map((r) => keys.map((k) => csvCell(r[k])).join(",")),
      ];
    case "ndjson":
      return ordered.map((r) => JSON.stringify(r));
    case "json":
      return JSON.stringify(ordered, null, 2).split("\n");
  }
}

/** One CSV field: numbers as numbers, booleans as true/false, objects as JSON text. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return csvField(JSON.stringify(value));
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return csvField(value);
  return csvField(String(value));
}

/** A localized table (`table`) or a Markdown table (`md`), mirrored for right-to-left languages. */
export function humanTable(
  format: HumanFormat,
  lang: Lang,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
): string[] {
  const direction = isRightToLeft(lang) ? "rtl" : "ltr";
  return format === "md"
    ? renderMarkdownTable(columns, rows, direction)
    : renderTable(columns, rows, direction);
}
