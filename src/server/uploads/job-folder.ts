import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CrmKpiError } from "../../core/errors.js";
import { loadMapping } from "../../import/mapping/index.js";
import type { UploadedFile } from "./extract-zip.js";
import { uploadRefused } from "./upload-error.js";

export interface JobFolder {
  readonly dir: string;
  /** Where the mapping was written (a fixed name, never the client's). */
  readonly mappingFile?: string;
  remove(): Promise<void>;
}

/**
 * Writes an upload into a fresh folder of its own under the system temp
 * folder. Only safe base names join that folder, and each resolved path is
 * checked to lie directly inside it; a mapping may only name files of the
 * folder. The caller removes the folder when the job ends.
 */
export async function writeJobFolder(
  files: readonly UploadedFile[],
  mapping?: UploadedFile,
): Promise<JobFolder> {
  const dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-upload-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    for (const file of files) await writeFile(inside(dir, file.name), file.data, { flag: "wx" });
    if (!mapping) return { dir, remove };
    const ext = path.extname(mapping.name).toLowerCase() === ".json" ? ".json" : ".yaml";
    const mappingFile = path.join(dir, `crm-kpi-mapping${ext}`);
    if (files.some((f) => f.name === path.basename(mappingFile)))
      throw uploadRefused("duplicate_name", { name: path.basename(mappingFile) });
    await writeFile(mappingFile, mapping.data, { flag: "wx" });
    await checkMappingPaths(mappingFile);
    return { dir, mappingFile, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** `dir/name` when `name` is one segment that stays inside `dir`; else the upload is refused. */
export function inside(dir: string, name: string): string {
  const target = path.resolve(dir, name);
  if (path.dirname(target) !== path.resolve(dir) || path.basename(target) !== name) {
    throw uploadRefused("unsafe_name", { name });
  }
  return target;
}

/** A mapping's `from` names come from the request too: they must be base names of the folder. */
async function checkMappingPaths(mappingFile: string): Promise<void> {
  let mapping: Awaited<ReturnType<typeof loadMapping>>;
  try {
    mapping = await loadMapping(mappingFile);
  } catch (error) {
    if (error instanceof CrmKpiError) throw error;
    throw uploadRefused("mapping_path", { name: path.basename(mappingFile) });
  }
  for (const source of mapping.sources) {
    for (const from of [source.from, ...source.joins.map((j) => j.from)]) {
      if (from !== path.basename(from) || from === ".." || from === ".") {
        throw uploadRefused("mapping_path", { name: from.slice(0, 100) });
      }
    }
  }
}
