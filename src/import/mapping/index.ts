import { CrmKpiError } from "../../core/errors.js";
import type { DatasetSettings } from "../../core/model/settings.js";
import { type HeaderProblem, headerProblems } from "../header-checks.js";
import type { ImportIssue } from "../import-issue.js";
import type { RawSource } from "../raw-record.js";
import type { CompiledSource, KeyPath } from "./compile-mapping.js";
import { loadMapping } from "./load-mapping.js";
import { createMappedSource, type JoinedFile } from "./mapped-source.js";
import type { CsvStart, SourceFile } from "./read-source-file.js";
import {
  commonColumns,
  noFileProblem,
  noFileWarning,
  type OpenedFile,
  unpivotWarnings,
} from "./source-checks.js";
import { resolveSourceFiles, type SourceFilesSpec } from "./source-files.js";

export type { CompiledMapping } from "./compile-mapping.js";
export { type LoadedMapping, loadMapping, parseMapping } from "./load-mapping.js";

/**
 * The sources a mapping file describes, ready for the canonical importer:
 * one RawSource per mapping source in import order (a glob's files read in
 * turn), yielding canonical records that point at the user's own file and
 * line. Source files are resolved against `dataDir` (source-files.ts). Fails
 * with `mapping_invalid` before any row is read when the mapping is wrong, no
 * file matches a required source or a column it names is not in a CSV
 * header; `warnings` says which optional sources found no file.
 *
 * @example const { sources, settings } = await mappedSources("mapping.yaml", "./exports")
 */
export async function mappedSources(
  mappingFile: string,
  dataDir: string,
  options: { readonly encoding?: string } = {},
): Promise<{ sources: RawSource[]; settings?: Partial<DatasetSettings>; warnings: ImportIssue[] }> {
  const mapping = await loadMapping(mappingFile);
  const starts = new Map<string, CsvStart | undefined>();
  const warnings: ImportIssue[] = [];
  // The files of a source or join (a path or a glob, filtered by match_columns),
  // checked; empty only for an optional one (source-files.ts).
  const open = async (
    spec: SourceFilesSpec & { readonly optional?: boolean },
    fromPath: KeyPath,
  ): Promise<OpenedFile[]> => {
    const found = await resolveSourceFiles(dataDir, spec, options);
    if (found.files.length === 0) {
      // An optional source ignores files it could not read: they belong to other sources.
      if (spec.optional) return [];
      if (found.readError !== undefined) throw found.readError;
      throw mapping.problemAt(fromPath, await noFileProblem(dataDir, spec, found));
    }
    return found.files.map(({ file, start: raw, bytes }) => {
      if (bytes === 0) throw emptyFile(file);
      const key = `${file.path}|${file.type}|${file.delimiter ?? ""}`;
      if (!starts.has(key)) starts.set(key, checkedStart(file, raw));
      const start = starts.get(key);
      return { file, header: start?.header, headerOnly: start?.hasRows === false };
    });
  };

  const sources: RawSource[] = [];
  for (const source of mapping.sources) {
    const mains = await open(source, [...source.path, "from"]);
    if (mains.length === 0) {
      warnings.push(noFileWarning(source));
      continue;
    }
    // The columns every file of the source has: a glob's files are checked as one.
    const main = commonColumns(mains);
    const filesByAlias = new Map<string, readonly OpenedFile[]>([["", mains]]);
    const joins: JoinedFile[] = [];
    const joinHeaders = new Map<string, readonly string[] | undefined>();
    for (const join of source.joins) {
      const joinedFiles = await open(join, [...join.path, "from"]);
      filesByAlias.set(join.as, joinedFiles);
      const joined = joinedFiles.length > 0 ? commonColumns(joinedFiles) : { header: undefined };
      joinHeaders.set(join.as, joined.header);
      if (joined.header && !joined.header.includes(join.key)) {
        throw mapping.problemAt(
          [...join.path, "key"],
          `${join.from} has no column "${join.key}"; its columns are: ${joined.header.join(", ")}`,
        );
      }
      joins.push({
        files: joinedFiles.map((f) => f.file),
        key: join.key,
        on: join.on,
        as: join.as,
        // A join without a file (optional) reads empty cells: nothing to require.
        required: join.required && joinedFiles.length > 0,
        path: join.path,
      });
    }
    for (const read of source.reads) {
      // `deal.seller_id` reads column seller_id of the file joined as `deal`.
      const dot = read.column.indexOf(".");
      const alias = dot > 0 ? read.column.slice(0, dot) : undefined;
      const joined = alias !== undefined && joinHeaders.has(alias);
      const header = joined ? joinHeaders.get(alias as string) : main.header;
      const column = joined ? read.column.slice(dot + 1) : read.column;
      if (header && !header.includes(column)) {
        throw mapping.problemAt(
          read.path,
          `${joined ? source.joins.find((j) => j.as === alias)?.from : source.from} has no column "${column}"; its columns are: ${header.join(", ")}`,
        );
      }
    }
    checkDuplicateReads(source, filesByAlias);
    warnings.push(...unpivotWarnings(source, mains));
    const mapped = createMappedSource(source, mains, joins, mapping.vars, mapping.keyPath);
    // A CSV source (one with a delimiter) that yields no rows gets the importer's
    // "header but no rows" warning; only a file that truly has no rows is one.
    sources.push(main.headerOnly ? { ...mapped, delimiter: main.file.delimiter ?? "," } : mapped);
  }
  return mapping.settings ? { sources, settings: mapping.settings, warnings } : { sources, warnings };
}

/** A 0-byte file, or a CSV file without even a header: an error naming it, as for a canonical file. */
function emptyFile(file: SourceFile): CrmKpiError {
  return new CrmKpiError(
    "import_bad_file",
    `${file.name}: the file is empty (not even a header); export it again, or remove its source from the mapping if there is no data for it`,
    { messageKey: "importer.error.emptyFile", file: file.name },
    { file: file.name },
  );
}

/** How a mapping sets a source's separator, for the fix of a header that holds another one. */
function mappingDelimiter(separator: string): string {
  return `delimiter: "${separator === "\t" ? "\\t" : separator}"`;
}

/**
 * The start of a CSV file, checked as the canonical importer checks a header:
 * empty, a column named twice (it cannot be mapped unambiguously), or one
 * column holding another separator than the mapping's (default `,`).
 */
function checkedStart(file: SourceFile, start: CsvStart | undefined): CsvStart | undefined {
  if (!start) return start;
  if (start.header.every((name) => name === "")) throw emptyFile(file);
  // A column named twice is checked against what the mapping reads (checkDuplicateReads).
  const problem = headerProblems(start.header, file.delimiter ?? ",", mappingDelimiter).find(
    (p) => p.code === "wrong_delimiter",
  );
  if (!problem) return start;
  throw new CrmKpiError(
    "import_bad_file",
    `${file.name}:1: ${problem.reason}`,
    // importer.file.looksTab -> importer.error.looksTab: the same problem, as an error naming the file
    {
      messageKey: problem.messageKey.replace("importer.file.", "importer.error."),
      file: file.name,
      ...problem.params,
    },
    { file: file.name, line: 1 },
  );
}

/**
 * A column named twice in a header is an error only when the mapping reads
 * it: it cannot be mapped unambiguously. Exports such as HubSpot's repeat
 * labels of columns a mapping has no use for; those are read past.
 */
function checkDuplicateReads(
  source: CompiledSource,
  filesByAlias: ReadonlyMap<string, readonly OpenedFile[]>,
): void {
  const read = new Map<string, Set<string>>();
  const add = (alias: string, column: string) => {
    const set = read.get(alias) ?? new Set<string>();
    set.add(column);
    read.set(alias, set);
  };
  for (const { column } of source.reads) {
    const dot = column.indexOf(".");
    const alias = dot > 0 ? column.slice(0, dot) : "";
    if (alias !== "" && filesByAlias.has(alias)) add(alias, column.slice(dot + 1));
    else add("", column);
  }
  for (const join of source.joins) add(join.as, join.key);
  for (const [alias, files] of filesByAlias) {
    for (const { file, header } of files) {
      if (!header) continue;
      const duplicate = headerProblems(header, undefined).find(
        (p) => p.column !== null && read.get(alias)?.has(p.column),
      );
      if (duplicate) throw duplicateColumn(file, duplicate);
    }
  }
}

function duplicateColumn(file: SourceFile, duplicate: HeaderProblem): CrmKpiError {
  return new CrmKpiError(
    "import_bad_file",
    `${file.name}:1: ${duplicate.reason}`,
    {
      messageKey: "importer.error.duplicateColumn",
      file: file.name,
      column: duplicate.column ?? "",
      ...duplicate.params,
    },
    { file: file.name, line: 1, ...(duplicate.column === null ? {} : { column: duplicate.column }) },
  );
}
