import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { checkServerAlerts } from "../alerts-runner.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { ApiError } from "../http-errors.js";
import { ImportJobSchema, jobJson, RowErrorSchema, rowErrorJson } from "../jobs/job-json.js";
import { isFinished, type JobEvent, JobRegistry } from "../jobs/job-registry.js";
import { previewImport } from "../jobs/preview-import.js";
import { runImportJob } from "../jobs/run-import-job.js";
import { ErrorSchema, jsonResponses } from "../openapi-schemas.js";
import { requireAdmin } from "../security/require-role.js";
import { writeJobFolder } from "../uploads/job-folder.js";
import { readUpload } from "../uploads/read-upload.js";

const UploadFormSchema = z
  .object({
    files: z.array(z.string().openapi({ format: "binary" })).openapi({
      description: "Dataset files (.csv .ndjson .json, crm-kpi.json) or one .zip of them",
    }),
    mapping: z
      .string()
      .openapi({ format: "binary", description: "Optional mapping file (.yaml .yml .json)" })
      .optional(),
    skipInvalid: z.enum(["true", "false"]).optional(),
  })
  .openapi("ImportUpload");

const JobParams = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const JobBodySchema = z.object({ job: ImportJobSchema }).openapi("ImportJobAnswer");

const PreviewSchema = z
  .object({
    samples: z.array(
      z.object({
        entity: z.string(),
        file: z.string(),
        rows: z.array(z.record(z.string(), z.string().nullable())),
      }),
    ),
    rowsByEntity: z.record(z.string(), z.number()),
    errors: z.array(RowErrorSchema),
    errorCount: z.number().int(),
    warnings: z.array(RowErrorSchema),
  })
  .openapi("ImportPreview");

const PreviewQuery = z.object({ rows: z.coerce.number().int().min(0).max(50).default(10) });

const errorAnswer = (description: string) => ({
  content: { "application/json": { schema: ErrorSchema } },
  description,
});
const uploadErrors = {
  400: errorAnswer("Not a valid upload (details.reason)"),
  403: errorAnswer("Needs an admin token"),
  413: errorAnswer("Over the upload or zip limits (details.reason)"),
  422: errorAnswer("Mapping invalid"),
};

const getJob = createRoute({
  method: "get",
  path: "/api/v1/imports/{id}",
  tags: ["import"],
  summary: "An import job: state, progress, result and row errors",
  request: { params: JobParams },
  responses: jsonResponses(JobBodySchema, "The job"),
});

/**
 * Import over HTTP: uploads become a job folder, the job runs
 * `importDataset` as one database write, progress goes out as Server-Sent
 * Events. Multipart routes are documented through the registry and handled
 * without the form validator, so the body is read only once, counted
 * against `limits.uploadBytes`.
 */
export function registerImportRoutes(app: ApiApp, deps: AppDeps, registry = new JobRegistry()): void {
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/api/v1/imports",
    tags: ["import"],
    summary: "Start an import job from uploaded files or a zip (admin)",
    request: { body: { content: { "multipart/form-data": { schema: UploadFormSchema } }, required: true } },
    responses: {
      202: { content: { "application/json": { schema: JobBodySchema } }, description: "The queued job" },
      ...uploadErrors,
    },
  });
  app.post("/api/v1/imports", async (c) => {
    requireAdmin(c);
    const upload = await readUpload(c, deps.limits);
    const folder = await writeJobFolder(upload.files, upload.mapping);
    const job = registry.create(upload.skipInvalid);
    void runImportJob(registry, deps.db, job.id, folder, upload.skipInvalid, () =>
      checkServerAlerts(deps.db, deps.delivery ?? {}),
    );
    return c.json({ job: jobJson(job, c.get("lang")) }, 202);
  });

  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/api/v1/imports/preview",
    tags: ["import"],
    summary: "Parse and validate an upload: first mapped rows and the row errors, nothing written (admin)",
    request: {
      query: PreviewQuery,
      body: { content: { "multipart/form-data": { schema: UploadFormSchema } }, required: true },
    },
    responses: {
      200: { content: { "application/json": { schema: PreviewSchema } }, description: "The preview" },
      ...uploadErrors,
    },
  });
  app.post("/api/v1/imports/preview", async (c) => {
    requireAdmin(c);
    const query = PreviewQuery.safeParse({ rows: c.req.query("rows") ?? undefined });
    if (!query.success) throw new ApiError("bad_request", {}, { parameter: "rows" });
    const upload = await readUpload(c, deps.limits);
    const folder = await writeJobFolder(upload.files, upload.mapping);
    try {
      const preview = await previewImport(deps.db, folder, query.data.rows);
      const lang = c.get("lang");
      return c.json(
        {
          samples: preview.samples,
          rowsByEntity: preview.rowsByEntity,
          errors: preview.errors.slice(0, registry.maxErrors).map((e) => rowErrorJson(e, lang)),
          errorCount: preview.errors.length,
          warnings: preview.warnings.slice(0, registry.maxErrors).map((e) => rowErrorJson(e, lang)),
        },
        200,
      );
    } finally {
      await folder.remove();
    }
  });

  app.openapi(getJob, (c) => {
    const job = registry.get(c.req.valid("param").id);
    if (!job) throw new ApiError("not_found", {}, {}, "upload.error.unknown_job");
    return c.json({ job: jobJson(job, c.get("lang")) }, 200);
  });

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/api/v1/imports/{id}/events",
    tags: ["import"],
    summary: "Server-Sent Events of a job: state, progress, then one done event with the final job",
    request: { params: JobParams },
    responses: {
      200: { content: { "text/event-stream": { schema: z.string() } }, description: "The event stream" },
      400: errorAnswer("Not a job id"),
      404: errorAnswer("No such job"),
    },
  });
  app.get("/api/v1/imports/:id/events", (c) => {
    const parsed = JobParams.safeParse({ id: c.req.param("id") });
    if (!parsed.success) throw new ApiError("bad_request", {}, { parameter: "id" });
    const id = parsed.data.id;
    if (!registry.get(id)) throw new ApiError("not_found", {}, {}, "upload.error.unknown_job");
    const lang = c.get("lang");
    return streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [];
      let wake: (() => void) | undefined;
      let aborted = false;
      // Subscribe before the snapshot, so no event falls between the two.
      const unsubscribe = registry.subscribe(id, (event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        aborted = true;
        wake?.();
      });
      try {
        const snapshot = registry.get(id);
        if (!snapshot) return;
        const first: JobEvent = isFinished(snapshot)
          ? { type: "done", job: snapshot }
          : { type: "state", job: snapshot };
        queue.unshift(first);
        while (!aborted) {
          const event = queue.shift();
          if (!event) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
            continue;
          }
          await stream.writeSSE({ event: event.type, data: JSON.stringify(jobJson(event.job, lang)) });
          if (event.type === "done") break;
        }
      } finally {
        unsubscribe();
      }
    });
  });
}
