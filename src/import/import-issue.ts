import { CrmKpiError } from "../core/errors.js";

/** A problem found while importing, with its place. `reason` says what is wrong and what to do. */
export interface ImportIssue {
  severity: "error" | "warning";
  code: string;
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
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
            ...(first.value === null ? {} : { value: first.value }),
          }
        : undefined,
    );
    this.name = "ImportRejectedError";
    this.issues = issues;
    this.warnings = warnings;
  }
}
