import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { CrmKpiError } from "../core/errors.js";
import { isEntityName } from "../core/model/entities.js";
import { type CsvOptions, csvSource } from "./csv-source.js";
import { jsonArraySource, ndjsonSource } from "./json-sources.js";
import type { RawSource } from "./raw-record.js";

const READERS = {
  csv: csvSource,
  ndjson: ndjsonSource,
  json: jsonArraySource,
} as const;

/**
 * The canonical files of a dataset folder: `NAME.csv`, `NAME.ndjson` or
 * `NAME.json` per entity (files named after no entity are left alone).
 * Records name files relative to `dir`, as users see them. `options` set
 * the encoding of every file and the separator of the CSV ones.
 */
export async function discoverSources(dir: string, options: CsvOptions = {}): Promise<RawSource[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new CrmKpiError(
      "import_no_files",
      `cannot read the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? "error"}); check the path`,
      {},
      { file: dir },
    );
  }
  const sources: RawSource[] = [];
  for (const name of names.sort()) {
    const match = /^(.+)\.(csv|ndjson|json)$/i.exec(name);
    if (!match) continue;
    const entity = match[1] as string;
    const ext = (match[2] as string).toLowerCase() as keyof typeof READERS;
    if (!isEntityName(entity)) continue;
    sources.push(READERS[ext](entity, join(dir, name), name, options));
  }
  return sources;
}
