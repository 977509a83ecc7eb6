import { createRoute, z } from "@hono/zod-openapi";
import {
  formatPeriodLabel,
  GRAINS,
  type Period,
  type PeriodOptions,
  previousPeriod,
} from "../../calendar/index.js";
import type { Engine } from "../../core/engine.js";
import type { MetricValue } from "../../core/metrics/metric-value.js";
import { getMetric } from "../../core/metrics/registry.js";
import { CALENDARS } from "../../core/model/settings.js";
import type { Lang } from "../../messages/index.js";
import { goalNotesFor } from "../../report/goal-notes.js";
import { qualityWarningsFor } from "../../report/quality-warnings.js";
import {
  assertCustomerDimension,
  periodOptions,
  type ReportRequest,
  type ReportResult,
  runReport,
} from "../../report/run-report.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonResponses, MetricValueSchema, RepeatedPairs } from "../openapi-schemas.js";
import { ResultCache } from "../result-cache.js";
import { paramsOf, splitList } from "../route-input.js";

const PeriodLabel = z
  .string()
  .max(20)
  .regex(/^[A-Za-z0-9-]+$/);

export const ReportQuerySchema = z.object({
  metrics: z
    .string()
    .max(4000)
    .default("all")
    .openapi({ description: "Metric ids, comma separated, or all" }),
  grain: z.enum(GRAINS).default("month"),
  calendar: z.enum(CALENDARS).optional(),
  from: PeriodLabel.optional(),
  to: PeriodLabel.optional(),
  by: z.string().max(500).optional().openapi({ description: "Dimensions, comma separated" }),
  param: RepeatedPairs.openapi({ description: "Metric parameter k=v, repeatable" }),
  compare: z.enum(["previous"]).optional(),
  lang: z.string().max(10).optional(),
});

const PeriodSchema = z
  .object({ label: z.string(), display: z.string(), start: z.string(), end: z.string() })
  .openapi("Period");

const PreviousValueSchema = MetricValueSchema.extend({
  previousPeriod: z.string().openapi({ description: "The label of the period the value is from" }),
}).openapi("PreviousValue");

const ReportSchema = z
  .object({
    periods: z.array(PeriodSchema),
    values: z.array(MetricValueSchema),
    previous: z.array(PreviousValueSchema).optional(),
    notAvailable: z.array(z.object({ metric: z.string(), missing: z.array(z.string()) })),
    notBrokenDown: z.array(z.string()),
    goals: z.array(z.record(z.string(), z.unknown())),
    warnings: z.array(z.object({ kind: z.string(), count: z.number(), metrics: z.array(z.string()) })),
  })
  .openapi("Report");

export type ReportBody = z.infer<typeof ReportSchema>;

const route = createRoute({
  method: "get",
  path: "/api/v1/report",
  tags: ["report"],
  summary: "Metrics per period (and segment), optionally with the previous period",
  request: { query: ReportQuerySchema },
  responses: jsonResponses(ReportSchema, "The report"),
});

/** The library request of a validated query; metric ids and dimensions are checked against the catalog. */
export function reportRequestOf(query: z.infer<typeof ReportQuerySchema>): ReportRequest {
  const ids = query.metrics.trim() === "all" ? "all" : [...new Set(splitList(query.metrics))];
  if (ids !== "all") for (const id of ids) getMetric(id);
  const by = splitList(query.by);
  for (const dim of by) assertCustomerDimension(dim);
  const params = paramsOf(query.param);
  return {
    metrics: ids,
    grain: query.grain,
    ...(query.calendar ? { calendar: query.calendar } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(by.length > 0 ? { by } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
}

/**
 * The report as `crm-kpi report` computes it, with the goal notes and
 * quality warnings of its metrics; `compare` adds the period before each.
 */
export async function buildReport(
  engine: Engine,
  request: ReportRequest,
  compare: boolean,
  lang: Lang,
): Promise<ReportBody> {
  const result = await runReport(engine, request);
  const options = periodOptions(result.settings, request);
  const reported = [...new Set(result.values.map((v) => v.metric))];
  return {
    periods: result.periods.map((p) => periodJson(p, options, lang)),
    values: result.values.map(valueJson),
    ...(compare ? { previous: await previousValues(engine, request, result, options) } : {}),
    notAvailable: result.notAvailable,
    notBrokenDown: result.notBrokenDown,
    goals: (await goalNotesFor(engine, reported)) as unknown as Record<string, unknown>[],
    warnings: await qualityWarningsFor(engine, reported),
  };
}

/** The same report over the range shifted back one period; each value names the period it compares with. */
async function previousValues(
  engine: Engine,
  request: ReportRequest,
  result: ReportResult,
  options: PeriodOptions,
): Promise<z.infer<typeof PreviousValueSchema>[]> {
  const first = result.periods[0];
  const last = result.periods.at(-1);
  if (!first || !last) return [];
  const shift = new Map(result.periods.map((p) => [previousPeriod(p, options).label, p.label]));
  const previous = await runReport(engine, {
    ...request,
    from: previousPeriod(first, options).label,
    to: previousPeriod(last, options).label,
  });
  return previous.values.flatMap((v) => {
    const current = shift.get(v.period);
    return current === undefined ? [] : [{ ...valueJson(v), period: current, previousPeriod: v.period }];
  });
}

function periodJson(p: Period, options: PeriodOptions, lang: Lang): z.infer<typeof PeriodSchema> {
  let display = p.label;
  try {
    display = formatPeriodLabel(p, options, lang);
  } catch {
    // A label the calendar cannot name is still a correct label.
  }
  return {
    label: p.label,
    display,
    start: new Date(p.startMs).toISOString(),
    end: new Date(p.endMs).toISOString(),
  };
}

function valueJson(v: MetricValue): z.infer<typeof MetricValueSchema> {
  return { ...v, segment: v.segment ? { ...v.segment } : null };
}

export function registerReportRoutes(app: ApiApp, deps: AppDeps): void {
  const cache = new ResultCache<ReportBody>();
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const request = reportRequestOf(query);
    const lang = c.get("lang");
    const compare = query.compare === "previous";
    const body = await cache.get(deps.db.version, [request, compare, lang], () =>
      deps.db.read((engine) => buildReport(engine, request, compare, lang)),
    );
    return c.json(body, 200);
  });
}
