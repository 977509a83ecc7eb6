import type { ImportIssue } from "../import-issue.js";
import type { CompiledSource } from "./compile-mapping.js";
import type { SourceFile } from "./read-source-file.js";
import { csvFilesIn, type SourceFilesResult, type SourceFilesSpec } from "./source-files.js";
import { unpivotColumns } from "./unpivot.js";

/**
 * What mappedSources says about the files it found (or did not) for a
 * source, before any row is read: the error when none matches, the warning
 * for an optional source without a file or an unpivot pattern without a column.
 */

/** A file a source reads, with its checked header. */
export interface OpenedFile {
  readonly file: SourceFile;
  readonly header: readonly string[] | undefined;
  readonly headerOnly: boolean;
}

// An error lists this many of the folder's CSV files, then says how many more.
const MAX_LISTED = 20;

/**
 * The files of a glob as one: the first file, and the columns every file
 * has (so a column the mapping reads must be in each). No header (JSON) in
 * one of them: undefined, as for one JSON file.
 */
export function commonColumns(files: readonly OpenedFile[]): OpenedFile {
  const first = files[0] as OpenedFile;
  let header = first.header;
  for (const other of files.slice(1)) {
    if (header === undefined || other.header === undefined) header = undefined;
    else {
      const has = new Set(other.header);
      header = header.filter((name) => has.has(name));
    }
  }
  return { file: first.file, header, headerOnly: files.every((f) => f.headerOnly) };
}

/** Why no file was found for a required source: what the folder has, and what the closest file lacks. */
export async function noFileProblem(
  dataDir: string,
  spec: SourceFilesSpec,
  found: SourceFilesResult,
): Promise<string> {
  const csv = await csvFilesIn(dataDir);
  const listed =
    csv.length === 0
      ? "the folder has no CSV files"
      : `its CSV files are: ${csv.slice(0, MAX_LISTED).join(", ")}${csv.length > MAX_LISTED ? ` and ${csv.length - MAX_LISTED} more` : ""}`;
  const closest = found.closest
    ? `; the closest, ${found.closest.name}, lacks ${found.closest.missing.map((c) => `"${c}"`).join(", ")}`
    : "";
  if (found.candidates.length === 0 && !/[*?]/.test(spec.from)) {
    return `the source file ${spec.from} does not exist in the data folder ${dataDir}; write its path relative to that folder (${listed})${closest}`;
  }
  if (found.candidates.length === 0) {
    return `no file in the data folder ${dataDir} matches ${spec.from}; ${listed}${closest}`;
  }
  return `no file matching ${spec.from} has all of the columns ${(spec.matchColumns ?? []).map((c) => `"${c}"`).join(", ")}; ${listed}${closest}`;
}

/** The warning for an optional source that found no file: the import goes on without it. */
export function noFileWarning(source: CompiledSource): ImportIssue {
  return {
    severity: "warning",
    code: "mapping_no_file",
    // The key path tells apart a preset's many optional sources that share one glob.
    file: source.path.join("."),
    line: null,
    column: null,
    value: null,
    reason: `${source.entity}: no file found for this optional source (${source.from}); it was skipped`,
    messageKey: "mapping.warning.noFile",
    params: { entity: source.entity, from: source.from },
  };
}

/** Warnings for files where `unpivot.match` matched no header name: the source yields nothing from them. */
export function unpivotWarnings(source: CompiledSource, files: readonly OpenedFile[]): ImportIssue[] {
  const unpivot = source.unpivot;
  if (!unpivot?.match) return [];
  return files
    .filter((f) => f.header !== undefined && unpivotColumns(unpivot, f.header).length === 0)
    .map((f) => ({
      severity: "warning" as const,
      code: "mapping_unpivot_no_column",
      file: f.file.name,
      line: 1,
      column: null,
      value: null,
      reason: `${source.entity}: no column of ${f.file.name} matches the unpivot pattern ${unpivotPattern(unpivot.match)}; the file gave no records`,
      messageKey: "mapping.warning.unpivotNoColumn",
      params: { entity: source.entity, file: f.file.name, pattern: unpivotPattern(unpivot.match) },
    }));
}

/** The pattern as the user wrote it (without the full-match wrapper compileUnpivot adds). */
function unpivotPattern(match: RegExp | undefined): string {
  const source = match?.source ?? "";
  return source.startsWith("^(?:") && source.endsWith(")$") ? source.slice(4, -2) : source;
}
