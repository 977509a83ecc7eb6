import { promisify } from "node:util";
import { brotliCompress, gzip, constants as zlibConstants } from "node:zlib";
import { createRoute, z } from "@hono/zod-openapi";
import { GRAINS, type Period, type PeriodOptions, previousPeriod } from "../../calendar/index.js";
import type { Engine } from "../../core/engine.js";
import type { MetricValue } from "../../core/metrics/definition/metric-value.js";
import { getMetric } from "../../core/metrics/registry.js";
import { CALENDARS } from "../../core/model/settings.js";
import { goalNotesFor } from "../../goals/goal-notes.js";
import type { Lang } from "../../messages/index.js";
import { propensityDecileScores } from "../../predict/propensity-deciles.js";
import { qualityWarningsFor } from "../../quality/quality-warnings.js";
import { isScoredDimension } from "../../report/customer-scores.js";
import {
  assertCustomerDimension,
  periodOptions,
  type ReportRequest,
  type ReportResult,
  runReport,
} from "../../report/run-report.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { KeptReports } from "../kept-reports.js";
import { jsonResponses, MetricValueSchema, RepeatedPairs } from "../openapi-schemas.js";
import { PeriodSchema, periodJson } from "../period-json.js";
import { ResultCache } from "../result-cache.js";
import { paramsOf, splitList } from "../route-input.js";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

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
    rangeWarnings: z
      .array(
        z.object({
          code: z.string(),
          messageKey: z.string(),
          params: z.record(z.string(), z.string()),
          message: z.string(),
        }),
      )
      .openapi({ description: "About the range: wholly outside the data, a year of another calendar" }),
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
  for (const dim of by) if (!isScoredDimension(dim)) assertCustomerDimension(dim);
  const params = paramsOf(query.param);
  const customerScores = propensityDecileScores(by);
  return {
    metrics: ids,
    grain: query.grain,
    ...(query.calendar ? { calendar: query.calendar } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(by.length > 0 ? { by } : {}),
    ...(customerScores ? { customerScores } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
}

/** A report before its period labels are put in a language. */
interface ComputedReport {
  readonly body: Omit<ReportBody, "periods">;
  readonly periods: readonly Period[];
  readonly options: PeriodOptions;
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
  return localize(await computeReport(engine, request, compare, runReport), lang);
}

/** How a report is computed: anew (`runReport`), or from the last one kept (`KeptReports`). */
type RunReport = (engine: Engine, request: ReportRequest) => Promise<ReportResult>;

async function computeReport(
  engine: Engine,
  request: ReportRequest,
  compare: boolean,
  run: RunReport,
): Promise<ComputedReport> {
  const { result, previous } = compare
    ? await reportWithPrevious(engine, request, run)
    : { result: await run(engine, request), previous: undefined };
  const options = periodOptions(result.settings, request);
  const reported = [...new Set(result.values.map((v) => v.metric))];
  return {
    periods: result.periods,
    options,
    body: {
      values: result.values.map(valueJson),
      ...(previous ? { previous } : {}),
      notAvailable: result.notAvailable,
      notBrokenDown: result.notBrokenDown,
      // Judged as of the report's last period, as `crm-kpi report` does.
      goals: (await goalNotesFor(engine, reported, result.asOfMs ?? undefined, {
        request,
        result,
      })) as unknown as Record<string, unknown>[],
      warnings: await qualityWarningsFor(engine, reported),
      rangeWarnings: result.warnings.map((w) => ({ ...w, params: { ...w.params } })),
    },
  };
}

/**
 * The report and the period before each of its periods from ONE run over the
 * range widened by a period: the two ranges overlap all but one period, so
 * two runs would compute nearly everything twice (profiled: ~3 s each at
 * scale 10). Values of a period do not depend on the range around it.
 */
async function reportWithPrevious(
  engine: Engine,
  request: ReportRequest,
  run: RunReport,
): Promise<{ result: ReportResult; previous: z.infer<typeof PreviousValueSchema>[] }> {
  // No metric: only the range's periods are resolved, which is cheap.
  const range = await runReport(engine, { ...request, metrics: [] });
  const first = range.periods[0];
  const last = range.periods.at(-1);
  if (!first || !last) return { result: await run(engine, request), previous: [] };
  const options = periodOptions(range.settings, request);
  const wide = await run(engine, {
    ...request,
    from: previousPeriod(first, options).label,
    to: last.label,
  });
  const current = new Set(range.periods.map((p) => p.label));
  const shift = new Map(range.periods.map((p) => [previousPeriod(p, options).label, p.label]));
  const previous = wide.values.flatMap((v) => {
    const period = shift.get(v.period);
    return period === undefined ? [] : [{ ...valueJson(v), period, previousPeriod: v.period }];
  });
  return {
    result: {
      ...wide,
      periods: range.periods,
      warnings: range.warnings,
      values: wide.values.filter((v) => current.has(v.period)),
    },
    previous,
  };
}

function localize(report: ComputedReport, lang: Lang): ReportBody {
  return { periods: report.periods.map((p) => periodJson(p, report.options, lang)), ...report.body };
}

function valueJson(v: MetricValue): z.infer<typeof MetricValueSchema> {
  return { ...v, segment: v.segment ? { ...v.segment } : null };
}

/** A report body serialized once per (version, request, compare, lang): hits only write bytes. */
interface SerializedReport {
  readonly json: Uint8Array;
  readonly gzip: Uint8Array;
  /** Quality 9: ~35 % smaller than gzip for ~50 ms once per key (profiled: bytes bound a warm hit). */
  readonly br: Uint8Array;
}

interface ReportCaches {
  /** The language-free part (values, notes, warnings), shared by every language. */
  readonly computed: ResultCache<ComputedReport>;
  readonly serialized: ResultCache<SerializedReport>;
  /** Outlives writes: the next report after an import starts from the last one. */
  readonly kept: KeptReports;
}

// Per database, so a warm-up at server start fills the caches the route reads.
const cachesByDb = new WeakMap<AppDeps["db"], ReportCaches>();

function cachesOf(db: AppDeps["db"]): ReportCaches {
  let caches = cachesByDb.get(db);
  if (!caches) {
    caches = {
      computed: new ResultCache<ComputedReport>(),
      serialized: new ResultCache<SerializedReport>(),
      kept: new KeptReports(),
    };
    cachesByDb.set(db, caches);
  }
  return caches;
}

/**
 * The serialized report of a validated query. Identical concurrent requests
 * share one computation; the key holds the dataset version, so a write never
 * serves a stale body.
 */
export function serializedReport(
  db: AppDeps["db"],
  query: z.infer<typeof ReportQuerySchema>,
  lang: Lang,
): Promise<SerializedReport> {
  const request = reportRequestOf(query);
  const compare = query.compare === "previous";
  const version = db.version;
  const { computed, serialized, kept } = cachesOf(db);
  return serialized.get(version, [request, compare, lang], async () => {
    const report = await computed.get(version, [request, compare], () =>
      db.read((engine) => computeReport(engine, request, compare, (e, r) => kept.report(e, r))),
    );
    const json = new TextEncoder().encode(JSON.stringify(localize(report, lang)));
    const [gz, br] = await Promise.all([
      gzipAsync(json, { level: 6 }),
      brotliAsync(json, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.byteLength,
        },
      }),
    ]);
    return { json, gzip: gz, br };
  });
}

/** The overview's first requests (web/src/views/overview and the period picker), for the warm-up. */
export const OVERVIEW_QUERIES: readonly Record<string, string>[] = [
  {
    metrics:
      "customer_churn_rate,customer_retention_rate,new_customers,mrr,net_new_revenue,net_revenue_retention," +
      "clv,cac,ltv_to_cac,close_rate,win_rate,sales_cycle_days,pipeline_value,avg_resolution_hours," +
      "open_tickets,nps,csat,email_list_growth_rate",
    grain: "month",
    calendar: "gregorian",
    compare: "previous",
  },
  { metrics: "new_customers", grain: "month", calendar: "gregorian" },
];

/** Computes the overview's reports in the background so the first load finds them (failures are ignored). */
export async function warmReports(db: AppDeps["db"], lang: Lang = "en"): Promise<void> {
  for (const raw of OVERVIEW_QUERIES) {
    try {
      await serializedReport(db, ReportQuerySchema.parse(raw), lang);
    } catch {
      // A dataset that cannot compute the overview answers the first request with the error instead.
    }
  }
}

export function registerReportRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const report = await serializedReport(deps.db, c.req.valid("query"), c.get("lang"));
    const accepted = c.req.header("accept-encoding") ?? "";
    const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : undefined;
    c.header("content-type", "application/json; charset=UTF-8");
    c.header("vary", "Accept-Encoding");
    if (encoding) c.header("content-encoding", encoding);
    const bytes = encoding ? report[encoding] : report.json;
    // The body is already serialized (and compressed): the typed c.json would serialize it again.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200) as never;
  });
}
