import { readdir } from "node:fs/promises";
import { CrmKpiError } from "../../core/errors.js";
import type { SourceType } from "../mapping/compile-mapping.js";
import { readRows } from "../mapping/read-source-file.js";
import { resolveSourceFiles } from "../mapping/source-files.js";
import type { SampledFile } from "./draft-mapping.js";

const TYPES: readonly (readonly [RegExp, SourceType])[] = [
  [/\.csv$/i, "csv"],
  [/\.(ndjson|jsonl)$/i, "ndjson"],
  [/\.json$/i, "json"],
];
// Not data: the dataset's settings file.
const SKIPPED = new Set(["crm-kpi.json"]);

/**
 * The data files directly in `dir` (CSV, NDJSON, JSON), each with its header
 * and first `sample` rows. A CSV's separator is sniffed; a file that is not
 * UTF-8 is read as Windows-1252 and says so.
 */
export async function sampleFolder(dir: string, sample: number): Promise<SampledFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    throw new CrmKpiError(
      "import_no_files",
      `cannot read the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? "error"}); check the path`,
      {},
      { file: dir },
    );
  }
  const files: SampledFile[] = [];
  for (const name of names) {
    const type = TYPES.find(([re]) => re.test(name))?.[1];
    if (!type || SKIPPED.has(name)) continue;
    const file =
      (await sampleFile(dir, name, type, undefined, sample)) ??
      (await sampleFile(dir, name, type, "windows-1252", sample));
    if (file) files.push(file);
  }
  if (files.length === 0) {
    throw new CrmKpiError(
      "import_no_files",
      `no CSV, NDJSON or JSON files in ${dir}`,
      { messageKey: "presets.error.noDataFiles" },
      { file: dir },
    );
  }
  return files;
}

async function sampleFile(
  dir: string,
  name: string,
  type: SourceType,
  encoding: string | undefined,
  sampleSize: number,
): Promise<SampledFile | undefined> {
  try {
    const found = await resolveSourceFiles(dir, {
      from: name,
      type,
      delimiter: type === "csv" ? "auto" : undefined,
      ...(encoding ? { encoding } : {}),
    });
    const first = found.files[0];
    if (!first) return undefined;
    const rows: Record<string, string>[] = [];
    const header = [...(first.start?.header ?? [])];
    if (first.bytes > 0) {
      for await (const row of readRows(first.file)) {
        if (row.defect) continue;
        rows.push({ ...row.values });
        if (type !== "csv")
          for (const key of Object.keys(row.values)) if (!header.includes(key)) header.push(key);
        if (rows.length >= sampleSize) break;
      }
    }
    const delimiter = first.file.delimiter;
    return {
      name,
      type,
      delimiter: type === "csv" && delimiter !== undefined && delimiter !== "," ? delimiter : undefined,
      encoding,
      header,
      rows,
    };
  } catch {
    return undefined;
  }
}
