import path from "node:path";
import type { EntityName } from "../../core/model/entities.js";
import { discoverSources } from "../../import/discover-sources.js";
import { type ImportIssue, type ImportResult, importDataset } from "../../import/import-dataset.js";
import { mappedSources } from "../../import/mapping/index.js";
import type { RawSource } from "../../import/raw-record.js";
import type { ServerDatabase } from "../app-types.js";
import type { JobFolder } from "../uploads/job-folder.js";

export interface PreviewSample {
  readonly entity: EntityName;
  readonly file: string;
  /** The first rows as the importer sees them: canonical column → cell text. */
  readonly rows: Record<string, string | null>[];
}

export interface ImportPreview {
  readonly samples: PreviewSample[];
  /** Rows that would be written per entity (valid rows only). */
  readonly rowsByEntity: Record<EntityName, number>;
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
}

/** Thrown through the transaction so that it rolls back; carries what the import found. */
class RollBack {
  constructor(readonly result: ImportResult) {}
}

/**
 * What importing the folder would do, with nothing written: the first
 * `rowsPerSource` mapped rows of each source, and every row error. The
 * import runs for real inside a transaction that is always rolled back.
 */
export async function previewImport(
  db: ServerDatabase,
  folder: JobFolder,
  rowsPerSource = 10,
): Promise<ImportPreview> {
  const sources = folder.mappingFile
    ? (await mappedSources(folder.mappingFile, folder.dir)).sources
    : await discoverSources(folder.dir);
  const samples: PreviewSample[] = [];
  for (const source of sources) samples.push(await sampleOf(source, rowsPerSource));
  let result: ImportResult | undefined;
  try {
    await db.write((engine) =>
      engine.transaction(async () => {
        const found = await importDataset(engine, folder.dir, {
          ...(folder.mappingFile ? { mappingFile: folder.mappingFile } : {}),
          skipInvalid: true,
          rejectsFile: path.join(folder.dir, "crm-kpi-rejects.ndjson"),
        });
        throw new RollBack(found);
      }),
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    result = error.result;
  }
  return {
    samples,
    rowsByEntity: result?.rowsByEntity ?? ({} as Record<EntityName, number>),
    errors: result?.errors ?? [],
    warnings: result?.warnings ?? [],
  };
}

async function sampleOf(source: RawSource, limit: number): Promise<PreviewSample> {
  const rows: Record<string, string | null>[] = [];
  if (limit > 0) {
    for await (const record of source.records()) {
      rows.push(Object.fromEntries(Object.entries(record.values).map(([k, v]) => [k, v ?? null])));
      if (rows.length >= limit) break;
    }
  }
  return { entity: source.entity, file: path.basename(source.file), rows };
}
