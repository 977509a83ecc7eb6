import { stat } from "node:fs/promises";
import path from "node:path";
import { CrmKpiError } from "../../core/errors.js";
import type { DatasetSettings } from "../../core/model/settings.js";
import { headerProblems } from "../header-checks.js";
import type { RawSource } from "../raw-record.js";
import type { KeyPath } from "./compile-mapping.js";
import { loadMapping } from "./load-mapping.js";
import { createMappedSource, type JoinedFile } from "./mapped-source.js";
import { type CsvStart, readHeader, type SourceFile } from "./read-source-file.js";

export type { CompiledMapping } from "./compile-mapping.js";
export { type LoadedMapping, loadMapping, parseMapping } from "./load-mapping.js";

/**
 * The sources a mapping file describes, ready for the canonical importer:
 * one RawSource per (entity, source file) in import order, yielding
 * canonical records that point at the user's own file and line. Source files
 * are resolved against `dataDir`. Fails with `mapping_invalid` before any row
 * is read when the mapping is wrong, a file is missing or a column it names
 * is not in a CSV header.
 *
 * @example const { sources, settings } = await mappedSources("mapping.yaml", "./exports")
 */
export async function mappedSources(
  mappingFile: string,
  dataDir: string,
  options: { readonly encoding?: string } = {},
): Promise<{ sources: RawSource[]; settings?: Partial<DatasetSettings> }> {
  const mapping = await loadMapping(mappingFile);
  const starts = new Map<string, CsvStart | undefined>();
  const open = async (
    spec: { from: string; type: SourceFile["type"]; delimiter: string | undefined },
    fromPath: KeyPath,
  ): Promise<{ file: SourceFile; header: readonly string[] | undefined; headerOnly: boolean }> => {
    const file: SourceFile = {
      path: path.resolve(dataDir, spec.from),
      name: spec.from,
      type: spec.type,
      delimiter: spec.delimiter,
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    };
    let size: number;
    try {
      size = (await stat(file.path)).size;
    } catch {
      throw mapping.problemAt(
        fromPath,
        `the source file ${file.path} does not exist; write its path relative to the data folder ${dataDir}`,
      );
    }
    if (size === 0) throw emptyFile(file);
    const key = `${file.path}|${file.type}|${file.delimiter ?? ""}`;
    if (!starts.has(key)) starts.set(key, checkedStart(file, await readHeader(file)));
    const start = starts.get(key);
    return { file, header: start?.header, headerOnly: start?.hasRows === false };
  };

  const sources: RawSource[] = [];
  for (const source of mapping.sources) {
    const main = await open(source, [...source.path, "from"]);
    const joins: JoinedFile[] = [];
    const joinHeaders = new Map<string, readonly string[] | undefined>();
    for (const join of source.joins) {
      const joined = await open(join, [...join.path, "from"]);
      joinHeaders.set(join.as, joined.header);
      if (joined.header && !joined.header.includes(join.key)) {
        throw mapping.problemAt(
          [...join.path, "key"],
          `${join.from} has no column "${join.key}"; its columns are: ${joined.header.join(", ")}`,
        );
      }
      joins.push({ file: joined.file, key: join.key, on: join.on, as: join.as });
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
    const mapped = createMappedSource(source, main.file, joins, mapping.vars);
    // A CSV source (one with a delimiter) that yields no rows gets the importer's
    // "header but no rows" warning; only a file that truly has no rows is one.
    sources.push(main.headerOnly ? { ...mapped, delimiter: main.file.delimiter ?? "," } : mapped);
  }
  return mapping.settings ? { sources, settings: mapping.settings } : { sources };
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
  const problem = headerProblems(start.header, file.delimiter ?? ",", mappingDelimiter)[0];
  if (!problem) return start;
  if (problem.code === "wrong_delimiter") {
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
  const duplicate = problem;
  throw new CrmKpiError(
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
