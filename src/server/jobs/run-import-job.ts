import path from "node:path";
import { ImportRejectedError, importDataset } from "../../import/import-dataset.js";
import type { ServerDatabase } from "../app-types.js";
import type { JobFolder } from "../uploads/job-folder.js";
import type { JobProgress, JobRegistry } from "./job-registry.js";

/** Progress events at most this often (and on each new file). */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Runs one import job: `importDataset` on the job's folder as a write of the
 * server database, so readers see the old data until it commits and a
 * rejected import changes nothing. The folder is removed afterwards, whatever
 * happened. After a committed import `afterImport` runs (the alerts' check);
 * its failure is logged and does not fail the import. Resolves when the job
 * is finished; never rejects.
 */
export async function runImportJob(
  registry: JobRegistry,
  db: ServerDatabase,
  jobId: string,
  folder: JobFolder,
  skipInvalid: boolean,
  afterImport?: () => Promise<unknown>,
): Promise<void> {
  let lastFile = "";
  let lastAt = 0;
  const onProgress = (p: { file: string; rows: number; bytesRead: number; bytesTotal: number }) => {
    const now = Date.now();
    if (p.file === lastFile && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastFile = p.file;
    lastAt = now;
    const progress: JobProgress = {
      file: path.basename(p.file),
      rows: p.rows,
      bytes: p.bytesRead,
      bytesTotal: p.bytesTotal,
    };
    registry.progress(jobId, progress);
  };
  // The outcome is recorded once the folder is gone, so a finished job has left nothing behind.
  let record: () => void;
  try {
    const result = await db.write((engine) => {
      registry.start(jobId);
      return importDataset(engine, folder.dir, {
        ...(folder.mappingFile ? { mappingFile: folder.mappingFile } : {}),
        skipInvalid,
        rejectsFile: path.join(folder.dir, "crm-kpi-rejects.ndjson"),
        onProgress,
      });
    });
    const summary = {
      rowsByEntity: result.rowsByEntity,
      rejected: result.rejected,
      warnings: result.warnings.length,
      durationMs: result.durationMs,
    };
    record = () => registry.succeed(jobId, summary, result.errors);
    // Alerts are checked after every import, before the job reports success (docs/alerts.md).
    if (afterImport) {
      await afterImport().catch((error: unknown) => {
        console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      });
    }
  } catch (error) {
    const issues = error instanceof ImportRejectedError ? error.issues : [];
    record = () => registry.fail(jobId, { cause: error }, issues);
  } finally {
    await folder.remove();
  }
  record();
}
