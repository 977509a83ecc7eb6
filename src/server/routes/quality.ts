import { createRoute, z } from "@hono/zod-openapi";
import type { Finding } from "../../quality/findings.js";
import { runQuality } from "../../quality/run-quality.js";
import { loadFindings, saveFindings } from "../../quality/stored-findings.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { ThresholdQuery, thresholdsOf } from "../linkage-query.js";
import { jsonResponses } from "../openapi-schemas.js";
import { requireAdmin } from "../security/require-role.js";

const QualitySchema = z
  .object({
    findings: z.array(
      z.record(z.string(), z.unknown()).openapi({ description: "A finding; `kind` tells which" }),
    ),
    score: z.number().nullable(),
    components: z.record(z.string(), z.number()).nullable(),
    computedAt: z.string().nullable(),
  })
  .openapi("Quality");

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/quality",
  tags: ["quality"],
  summary: "The stored findings of the last quality run, with the health score",
  responses: jsonResponses(QualitySchema, "Findings and health score (null before the first run)"),
});

const runRoute = createRoute({
  method: "post",
  path: "/api/v1/quality/run",
  tags: ["quality"],
  summary: "Run every data quality check and store the findings (admin)",
  request: { query: z.object({ ...ThresholdQuery, lang: z.string().max(10).optional() }) },
  responses: jsonResponses(QualitySchema, "The new findings"),
});

function qualityJson(findings: readonly Finding[], computedAt: string | null): z.infer<typeof QualitySchema> {
  const health = findings.find((f) => f.kind === "data_health_score");
  return {
    findings: findings.map((f) => ({ ...f })),
    score: health?.value ?? null,
    components: health ? { ...health.components } : null,
    computedAt,
  };
}

export function registerQualityRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(getRoute, async (c) => {
    const { findings, computedAt } = await deps.db.read(loadFindings);
    return c.json(qualityJson(findings, computedAt), 200);
  });
  app.openapi(runRoute, async (c) => {
    requireAdmin(c);
    const thresholds = thresholdsOf(c.req.valid("query"));
    const stored = await deps.db.write(async (engine) => {
      const report = await runQuality(engine, thresholds);
      await saveFindings(engine, report.findings);
      return loadFindings(engine);
    });
    return c.json(qualityJson(stored.findings, stored.computedAt), 200);
  });
}
