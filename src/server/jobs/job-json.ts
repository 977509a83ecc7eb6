import { z } from "@hono/zod-openapi";
import type { ImportIssue } from "../../import/import-dataset.js";
import { issueReason } from "../../import/issue-text.js";
import { type Lang, t } from "../../messages/index.js";
import { errorBodyOf } from "../http-errors.js";
import type { ImportJob } from "./job-registry.js";

export const RowErrorSchema = z
  .object({
    file: z.string(),
    line: z.number().int().nullable(),
    column: z.string().nullable(),
    value: z.string().nullable(),
    code: z.string(),
    message: z.string().openapi({ description: "In the request's language" }),
    reason: z
      .string()
      .openapi({ description: "The importer's own sentence (English): the rule and the fix" }),
  })
  .openapi("RowError");

export const ImportJobSchema = z
  .object({
    id: z.string(),
    state: z.enum(["queued", "running", "succeeded", "failed"]),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    skipInvalid: z.boolean(),
    progress: z
      .object({
        file: z.string(),
        rows: z.number(),
        bytes: z.number().optional(),
        bytesTotal: z.number().optional(),
      })
      .nullable(),
    result: z
      .object({
        rowsByEntity: z.record(z.string(), z.number()),
        rejected: z.number(),
        warnings: z.number(),
        durationMs: z.number(),
      })
      .nullable(),
    errors: z.array(RowErrorSchema),
    errorCount: z.number().int(),
    error: z
      .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
      .nullable()
      .openapi({ description: "Why the job failed as a whole (same shape as an error body)" }),
  })
  .openapi("ImportJob");

export type ImportJobJson = z.infer<typeof ImportJobSchema>;
export type RowErrorJson = z.infer<typeof RowErrorSchema>;

/** A row error as data, its message in `lang`. */
export function rowErrorJson(issue: ImportIssue, lang: Lang): RowErrorJson {
  const place = `${issue.file}${issue.line === null ? "" : `:${issue.line}`}${issue.column ? ` ${issue.column}` : ""}`;
  // English has the importer's exact sentence; other languages the same facts from the catalogs.
  const message =
    lang === "en" ? issue.reason : t(lang, "upload.rowError", { place, reason: issueReason(issue, lang) });
  return {
    file: issue.file,
    line: issue.line,
    column: issue.column,
    value: issue.value,
    code: issue.code,
    message,
    reason: issue.reason,
  };
}

/** The job as the API sends it, in the reader's language. */
export function jobJson(job: ImportJob, lang: Lang): ImportJobJson {
  const failure = job.failure ? errorBodyOf(job.failure.cause, lang).body.error : null;
  return {
    id: job.id,
    state: job.state,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    skipInvalid: job.skipInvalid,
    progress: job.progress ? { ...job.progress } : null,
    result: job.result ? { ...job.result, rowsByEntity: { ...job.result.rowsByEntity } } : null,
    errors: job.errors.map((e) => rowErrorJson(e, lang)),
    errorCount: job.errorCount,
    error: failure ? { code: failure.code, message: failure.message, details: failure.details } : null,
  };
}
