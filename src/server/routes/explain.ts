import { createRoute, z } from "@hono/zod-openapi";
import { GRAINS } from "../../calendar/period-types.js";
import { getMetric } from "../../core/metrics/registry.js";
import { CALENDARS } from "../../core/model/settings.js";
import { explainMetric } from "../../report/explain.js";
import { assertCustomerDimension } from "../../report/run-report.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { ApiError } from "../http-errors.js";
import { jsonResponses, MetricValueSchema, RepeatedPairs } from "../openapi-schemas.js";
import { pairsOf, paramsOf } from "../route-input.js";

const COLUMNS = ["part", "entity", "recordId", "amount", "detail"] as const;

const ExplainQuerySchema = z.object({
  metric: z.string().min(1).max(100),
  period: z
    .string()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9-]+$/),
  grain: z.enum(GRAINS).optional(),
  calendar: z.enum(CALENDARS).optional(),
  segment: RepeatedPairs.openapi({ description: "dim=value, repeatable" }),
  param: RepeatedPairs.openapi({ description: "Metric parameter k=v, repeatable" }),
  side: z.enum(["numerator", "denominator", "value"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
  sort: z.enum(COLUMNS).optional(),
  order: z.enum(["asc", "desc"]).default("asc"),
  lang: z.string().max(10).optional(),
});

const ExplainSchema = z
  .object({
    value: MetricValueSchema,
    columns: z.array(z.string()),
    rows: z.array(
      z.object({
        part: z.string(),
        entity: z.string(),
        recordId: z.string(),
        amount: z.number().nullable(),
        detail: z.string().nullable(),
      }),
    ),
    total: z.number(),
    truncated: z.boolean(),
    page: z.number(),
    pageSize: z.number(),
  })
  .openapi("Explain");

const route = createRoute({
  method: "get",
  path: "/api/v1/explain",
  tags: ["report"],
  summary: "The rows behind one number: numerator and denominator, paged and sortable",
  request: { query: ExplainQuerySchema },
  responses: jsonResponses(ExplainSchema, "The value and its rows"),
});

/** Rows fetched from the engine at most; pages are cut from these. */
const ROW_LIMIT = 10_000;

export function registerExplainRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    getMetric(q.metric); // an unknown id fails as unknown_metric before any query
    const segment = pairsOf(q.segment);
    // Checked here too: explainMetric would hand an unknown key to the engine.
    for (const dim of Object.keys(segment)) assertCustomerDimension(dim);
    const params = paramsOf(q.param);
    const result = await deps.db.read((engine) =>
      explainMetric(engine, {
        metric: q.metric,
        period: q.period,
        ...(q.grain ? { grain: q.grain } : {}),
        ...(q.calendar ? { calendar: q.calendar } : {}),
        ...(Object.keys(segment).length > 0 ? { segment } : {}),
        ...(Object.keys(params).length > 0 ? { params } : {}),
        limit: ROW_LIMIT,
      }),
    );
    let rows = q.side ? result.rows.filter((r) => r.part === q.side) : result.rows;
    if (q.sort) {
      const key = q.sort;
      const sign = q.order === "desc" ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * compare(a[key], b[key]));
    }
    const start = (q.page - 1) * q.pageSize;
    if (start > 0 && start >= rows.length)
      throw new ApiError("bad_request", { fields: "page" }, { page: q.page });
    return c.json(
      {
        value: { ...result.value, segment: result.value.segment ? { ...result.value.segment } : null },
        columns: [...COLUMNS],
        rows: rows.slice(start, start + q.pageSize),
        total: rows.length,
        truncated: result.truncated,
        page: q.page,
        pageSize: q.pageSize,
      },
      200,
    );
  });
}

/** Nulls last; numbers by value, text by code point (stable across languages). */
function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : 1;
}
