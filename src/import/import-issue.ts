import { CrmKpiError } from "../core/errors.js";

/** A problem found while importing, with its place. `reason` says what is wrong and what to do. */
export interface ImportIssue {
  severity: "error" | "warning";
  code: string;
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  /** English: what is wrong and what to do (API, rejects file). */
  reason: string;
  /** The catalog message of `reason` (`importer.row.*`); absent: the code's generic `importer.issue.<code>`. */
  messageKey?: string;
  params?: Readonly<Record<string, string | number>>;
  /** The length of the cell when `value` is only its start (see `shortValue`). */
  valueLength?: number;
}

/** Characters of a cell an error shows; a longer one is cut and its length said. */
export const MAX_SHOWN_VALUE = 60;

/**
 * A cell as errors show it: short values whole, long ones (a 1 MB cell, a
 * whole file read as one cell) cut to a prefix and "…", so an error stays
 * one readable line (the issue's `valueLength` keeps the full length).
 */
export function shortValue(value: string): string {
  if (value.length <= MAX_SHOWN_VALUE) return value;
  // Do not cut a surrogate pair in half.
  let end = MAX_SHOWN_VALUE;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** `value` and `valueLength` of an issue about `value` (cut when long). */
export function issueValue(value: string | null): Pick<ImportIssue, "value" | "valueLength"> {
  if (value === null) return { value: null };
  const shown = shortValue(value);
  return shown === value ? { value } : { value: shown, valueLength: value.length };
}

/**
 * Thrown when rows or files were rejected and `skipInvalid` is off. Nothing
 * was written; `issues` lists every error found, not just the first.
 */
export class ImportRejectedError extends CrmKpiError {
  readonly issues: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];

  constructor(issues: readonly ImportIssue[], warnings: readonly ImportIssue[]) {
    const first = issues[0];
    const where = first ? `${first.file}${first.line === null ? "" : `:${first.line}`}` : "";
    super(
      "import_rejected",
      `${issues.length} error(s) in the input, first at ${where}: ${first?.reason ?? ""}. Nothing was imported; fix the rows or rerun with --skip-invalid to import the valid rows.`,
      { errors: issues.length },
      first
        ? {
            file: first.file,
            ...(first.line === null ? {} : { line: first.line }),
            ...(first.column === null ? {} : { column: first.column }),
            ...(first.value === null ? {} : { value: shortValue(first.value) }),
          }
        : undefined,
    );
    this.name = "ImportRejectedError";
    this.issues = issues;
    this.warnings = warnings;
  }
}
