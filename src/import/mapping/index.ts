import { access } from "node:fs/promises";
import path from "node:path";
import { CrmKpiError } from "../../core/errors.js";
import type { DatasetSettings } from "../../core/model/settings.js";
import { headerProblems } from "../header-checks.js";
import type { RawSource } from "../raw-record.js";
import type { KeyPath } from "./compile-mapping.js";
import { loadMapping } from "./load-mapping.js";
import { createMappedSource, type JoinedFile } from "./mapped-source.js";
import { readHeader, type SourceFile } from "./read-source-file.js";

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
  const headers = new Map<string, readonly string[] | undefined>();
  const open = async (
    spec: { from: string; type: SourceFile["type"]; delimiter: string | undefined },
    fromPath: KeyPath,
  ): Promise<{ file: SourceFile; header: readonly string[] | undefined }> => {
    const file: SourceFile = {
      path: path.resolve(dataDir, spec.from),
      name: spec.from,
      type: spec.type,
      delimiter: spec.delimiter,
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    };
    try {
      await access(file.path);
    } catch {
      throw mapping.problemAt(
        fromPath,
        `the source file ${file.path} does not exist; write its path relative to the data folder ${dataDir}`,
      );
    }
    const key = `${file.path}|${file.type}|${file.delimiter ?? ""}`;
    if (!headers.has(key)) headers.set(key, checkedHeader(file, await readHeader(file)));
    return { file, header: headers.get(key) };
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
    sources.push(createMappedSource(source, main.file, joins, mapping.vars));
  }
  return mapping.settings ? { sources, settings: mapping.settings } : { sources };
}

/** A user's CSV header naming a column twice cannot be mapped unambiguously: an error naming both positions. */
function checkedHeader(
  file: SourceFile,
  header: readonly string[] | undefined,
): readonly string[] | undefined {
  const duplicate = header && headerProblems(header, undefined)[0];
  if (!duplicate) return header;
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
