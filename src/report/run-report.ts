import type { Grain, Period, PeriodOptions } from "../calendar/period-types.js";
import { previousPeriod } from "../calendar/periods.js";
import { localDateOf } from "../calendar/zoned-time.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { compileReport } from "../core/metrics/compiler/compile-report.js";
import type { ReportPeriod } from "../core/metrics/context/report-period.js";
import { kindOfId, type MetricDefinition } from "../core/metrics/definition/metric-definition.js";
import { checkMetricParams } from "../core/metrics/definition/metric-params.js";
import { type MetricValue, reportedValue } from "../core/metrics/definition/metric-value.js";
import { getMetric, METRICS } from "../core/metrics/registry.js";
import type { EntityName } from "../core/model/entities.js";
import type { CalendarId, DatasetSettings } from "../core/model/settings.js";
import { type CustomerScores, isScoredDimension, storeCustomerScores } from "./customer-scores.js";
import { dataTimeRange, entityRowCounts } from "./data-range.js";
import { loadDatasetSettings } from "./dataset-settings.js";
import { type RangePeriod, type ReportWarning, resolveReportRange } from "./report-range.js";
import { catalogRanks, type OrderedValue, sortReportValues } from "./value-order.js";

export interface ReportRequest {
  readonly metrics: readonly string[] | "all";
  readonly grain?: Grain;
  readonly calendar?: CalendarId;
  /**
   * Period labels (`2024-01`, `1403-01`); default: from the data's first
   * period to its last complete one (report-range.ts).
   */
  readonly from?: string;
  readonly to?: string;
  /** Customer dimensions (`region`, `acquisition_channel`…); all of them together give one row per combination. */
  readonly by?: readonly string[];
  readonly params?: Readonly<Record<string, string>>;
  /** Overrides of the stored dataset settings (`activity`, `timezone`…). */
  readonly settings?: Partial<DatasetSettings>;
  /** Scores for the scored dimensions in `by` (customer-scores.ts): propensity deciles. */
  readonly customerScores?: CustomerScores;
}

export interface ReportResult {
  readonly values: MetricValue[];
  readonly notAvailable: { metric: string; missing: EntityName[] }[];
  /** Metrics that cannot be broken down by the requested dimensions (reported as totals only). */
  readonly notBrokenDown: string[];
  /** In order; `partial` on those ending after the data's as-of day (docs/calendars.md). */
  readonly periods: RangePeriod[];
  readonly settings: DatasetSettings;
  /** About the range: wholly outside the data, a year of another calendar (report-range.ts). */
  readonly warnings: ReportWarning[];
  /** The report's as-of instant: its last period's end, at most the end of the data's last day. */
  readonly asOfMs: number | null;
}

export const CUSTOMER_DIMENSIONS = [
  "region",
  "city",
  "country",
  "segment",
  "industry",
  "acquisition_channel",
  "owner_id",
  "gender",
  "birth_year",
  // RFM as of the report's last period end (core/metrics/relations/customer-rfm.ts); null: no purchase yet.
  "rfm_segment",
  "rfm_score",
] as const;

/** Dimensions some metrics handle themselves (`deal_owner`, `pipeline` for deal metrics). */
export const METRIC_DIMENSIONS: readonly string[] = [
  ...new Set(METRICS.flatMap((m) => Object.keys(m.ownDimensions ?? {}))),
];

/**
 * Computes metrics per period (and per segment) on an engine.
 *
 * @example runReport(engine, { metrics: ["customer_churn_rate"], grain: "month", by: ["region"] })
 */
export async function runReport(engine: Engine, request: ReportRequest): Promise<ReportResult> {
  const settings = { ...(await loadDatasetSettings(engine)), ...request.settings };
  const by = request.by ?? [];
  for (const dim of by) {
    if (isScoredDimension(dim) && request.customerScores?.dimensions.includes(dim)) continue;
    assertCustomerDimension(dim);
  }
  const requested = request.metrics === "all" ? METRICS : uniqueMetrics(request.metrics);
  const counts = await entityRowCounts(engine);
  const notAvailable: ReportResult["notAvailable"] = [];
  const available: MetricDefinition[] = [];
  for (const metric of requested) {
    const missing = metric.requires.filter((e) => (counts[e] ?? 0) === 0);
    if (missing.length > 0) notAvailable.push({ metric: metric.id, missing });
    else available.push(metric);
  }

  // No metric at all only resolves the range (the API's compare does so): nothing to check.
  if (requested.length > 0) checkMetricParams(requested, request.params ?? {});
  const options = periodOptions(settings, request);
  const { periods, warnings, asOfMs } = resolveReportRange(await dataTimeRange(engine), options, request);
  if (periods.length === 0 || available.length === 0) {
    return { values: [], notAvailable, notBrokenDown: [], periods, settings, warnings, asOfMs };
  }
  const reportPeriodsInput = withCalendarContext(periods, options);
  const scores = request.customerScores;
  const scoreDimensions = scores && asOfMs !== null ? scores.dimensions.filter((d) => by.includes(d)) : [];
  if (scores && asOfMs !== null && scoreDimensions.length > 0) {
    await storeCustomerScores(engine, scores.dimensions, await scores.load(engine, asOfMs));
  }
  const plan = compileReport(
    {
      metrics: available,
      by,
      params: request.params ?? {},
      periods: reportPeriodsInput,
      metricDimensions: METRIC_DIMENSIONS,
      scoreDimensions,
    },
    engine.dialect,
    settings,
  );
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);

  const rows: OrderedValue[] = [];
  const wanted = request.metrics === "all" ? undefined : new Set(request.metrics);
  for (const { requests, query } of plan.queries) {
    for (const row of await engine.query(query)) {
      // A statement of several requests tags each row with the request it answers.
      const request = requests[row.req === undefined ? 0 : Number(row.req)];
      if (!request) continue;
      const { metric, grouping, groupingRank } = request;
      const id = String(row.metric);
      if (wanted && !wanted.has(id) && !wanted.has(metric.id)) continue;
      const period = periods[Number(row.period_idx)];
      if (!period) continue;
      const kind = kindOfId(metric, id);
      const segment =
        grouping.keys.length === 0
          ? null
          : Object.fromEntries(
              grouping.keys.map((k, i) => [k, row[`g${i}`] === null ? null : String(row[`g${i}`])]),
            );
      const value: MetricValue = {
        metric: id,
        period: period.label,
        segment,
        ...reportedValue(kind, { value: row.value, numerator: row.numerator, denominator: row.denominator }),
        ...(period.partial ? { partial: true as const } : {}),
      };
      rows.push({ value, periodIdx: Number(row.period_idx), groupingRank });
    }
  }
  const values = sortReportValues(rows, catalogRanks(METRICS));
  const notBrokenDown =
    by.length === 0
      ? []
      : available
          .filter(
            (m) =>
              !plan.queries.some((q) =>
                q.requests.some((r) => r.metric === m && r.grouping.source === "customer"),
              ),
          )
          .map((m) => m.id);
  return { values, notAvailable, notBrokenDown, periods, settings, warnings, asOfMs };
}

export function assertCustomerDimension(dim: string): void {
  // A scored dimension is known, but only a caller that supplies the scores can break down by it.
  const known: readonly string[] = [...CUSTOMER_DIMENSIONS, ...METRIC_DIMENSIONS];
  if (!known.includes(dim)) {
    throw new CrmKpiError("unknown_dimension", `unknown dimension "${dim}"`, {
      dimension: dim,
      known: known.join(", "),
    });
  }
}

function uniqueMetrics(ids: readonly string[]): MetricDefinition[] {
  const result: MetricDefinition[] = [];
  for (const id of ids) {
    const metric = getMetric(id);
    if (!result.includes(metric)) result.push(metric);
  }
  return result;
}

export function periodOptions(
  settings: DatasetSettings,
  request: Pick<ReportRequest, "grain" | "calendar">,
): PeriodOptions {
  return {
    grain: request.grain ?? "month",
    calendar: request.calendar ?? settings.calendar,
    timeZone: settings.timezone,
    weekStart: settings.week_start,
    fiscalYearStartMonth: settings.fiscal_year_start_month,
  };
}

/** Adds what the SQL needs beside the instants: local dates and the period before. */
export function withCalendarContext(periods: readonly Period[], options: PeriodOptions): ReportPeriod[] {
  return periods.map((p) => {
    const prev = previousPeriod(p, options);
    return {
      label: p.label,
      startMs: p.startMs,
      endMs: p.endMs,
      startDate: localDateOf(p.startMs, options.timeZone),
      endDate: localDateOf(p.endMs, options.timeZone),
      prevStartMs: prev.startMs,
      prevEndMs: prev.endMs,
      ...monthsOf(options.grain),
    };
  });
}

/** Calendar months in a period of `grain`; days and weeks are left to their length (ReportPeriod.months). */
function monthsOf(grain: Grain): { months?: number } {
  switch (grain) {
    case "month":
      return { months: 1 };
    case "quarter":
    case "fiscal_quarter":
      return { months: 3 };
    case "year":
    case "fiscal_year":
      return { months: 12 };
    default:
      return {};
  }
}
