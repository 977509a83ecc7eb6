import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { RawRecord, RawSource } from "../raw-record.js";
import { mappedSources } from "./index.js";

/** Writes files and a mapping into `dir` and opens the mapping's sources (tests only). */
export async function setupMapping(dir: string, files: Record<string, string>, mapping: string) {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  await writeFile(path.join(dir, "mapping.yaml"), mapping);
  return mappedSources(path.join(dir, "mapping.yaml"), dir);
}

/** Every record of an entity's sources, in order. */
export async function recordsOf(sources: readonly RawSource[], entity: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for (const source of sources.filter((s) => s.entity === entity)) {
    for await (const record of source.records()) out.push(record);
  }
  return out;
}
