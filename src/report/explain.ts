import type { Grain } from "../calendar/period-types.js";
import { parsePeriodLabel } from "../calendar/periods.js";
import type { Engine, ResultRow } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { compileExplain, groupingsOf } from "../core/metrics/compiler/compile-report.js";
import {
  type Grouping,
  kindOfId,
  type MetricDefinition,
} from "../core/metrics/definition/metric-definition.js";
import { checkMetricParams } from "../core/metrics/definition/metric-params.js";
import { type MetricValue, reportedValue } from "../core/metrics/definition/metric-value.js";
import { getMetric } from "../core/metrics/registry.js";
import type { CalendarId, DatasetSettings } from "../core/model/settings.js";
import { entityRowCounts } from "./data-range.js";
import { loadDatasetSettings } from "./dataset-settings.js";
import {
  assertCustomerDimension,
  METRIC_DIMENSIONS,
  periodOptions,
  withCalendarContext,
} from "./run-report.js";

export interface ExplainRequest {
  readonly metric: string;
  /** A period label in the chosen calendar and grain (`2024-03`, `1403-01`). */
  readonly period: string;
  readonly grain?: Grain;
  readonly calendar?: CalendarId;
  /** Segment filter: `{ region: "North" }`, `{ survey: "nps" }`; values may be null (the empty bucket). */
  readonly segment?: Readonly<Record<string, string | null>>;
  readonly params?: Readonly<Record<string, string>>;
  readonly settings?: Partial<DatasetSettings>;
  /** At most this many rows behind the number (default 1,000). */
  readonly limit?: number;
}

export interface ExplainRow {
  readonly part: "value" | "numerator" | "denominator";
  readonly entity: string;
  readonly recordId: string;
  readonly amount: number | null;
  readonly detail: string | null;
}

export interface ExplainResult {
  readonly value: MetricValue;
  readonly rows: ExplainRow[];
  readonly truncated: boolean;
  /** How many rows each part has in all, of which `rows` holds at most `limit`. */
  readonly totals: Readonly<Partial<Record<ExplainRow["part"], number>>>;
}

/**
 * The number for one metric, period and segment, with the rows behind its
 * numerator and denominator.
 *
 * @example explainMetric(engine, { metric: "customer_churn_rate", period: "2024-03", segment: { region: "Europe" } })
 */
export async function explainMetric(engine: Engine, request: ExplainRequest): Promise<ExplainResult> {
  const metric = getMetric(request.metric);
  const settings = { ...(await loadDatasetSettings(engine)), ...request.settings };
  const counts = await entityRowCounts(engine);
  const missing = metric.requires.filter((e) => (counts[e] ?? 0) === 0);
  if (missing.length > 0) {
    throw new CrmKpiError(
      "not_available",
      `${metric.id} is not available: no ${missing.join(", ")} imported`,
      {
        metric: metric.id,
        missing: missing.join(", "),
      },
    );
  }
  const options = periodOptions(settings, request);
  const period = parsePeriodLabel(request.period, options);
  const segment = request.segment ?? {};
  assertSegmentKeys(metric, Object.keys(segment));
  const grouping = groupingFor(
    metric.id,
    groupingsOf(metric, Object.keys(segment), METRIC_DIMENSIONS),
    Object.keys(segment),
  );
  const groupValues = grouping.keys.map((k) => segment[k] ?? null);
  const limit = request.limit ?? 1000;
  checkMetricParams([metric], request.params ?? {});
  const plan = compileExplain(
    {
      metrics: [metric],
      by: grouping.keys,
      params: request.params ?? {},
      periods: withCalendarContext([period], options),
    },
    metric,
    grouping,
    0,
    groupValues,
    engine.dialect,
    settings,
    limit + 1,
  );
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
  const valueRows = (await engine.query(plan.value)).filter(
    (r) =>
      r.metric === request.metric &&
      grouping.keys.every((_, i) => (r[`g${i}`] ?? null) === (groupValues[i] ?? null)),
  );
  const row: ResultRow = valueRows[0] ?? { value: null, numerator: null, denominator: null };
  const kind = kindOfId(metric, request.metric);
  const value: MetricValue = {
    metric: request.metric,
    period: period.label,
    segment:
      grouping.keys.length === 0
        ? null
        : Object.fromEntries(grouping.keys.map((k, i) => [k, groupValues[i] ?? null])),
    ...reportedValue(kind, { value: row.value, numerator: row.numerator, denominator: row.denominator }),
  };
  const drilled = await engine.query(plan.rows);
  const rows = drilled
    .filter((r) => Number(r.rn) <= limit)
    .map((r) => ({
      part: String(r.part) as ExplainRow["part"],
      entity: String(r.entity),
      recordId: String(r.record_id),
      amount: r.amount === null || r.amount === undefined ? null : Number(r.amount),
      detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
    }));
  const totals: Partial<Record<ExplainRow["part"], number>> = {};
  for (const r of drilled) totals[String(r.part) as ExplainRow["part"]] = Number(r.part_rows);
  return { value, rows, truncated: drilled.some((r) => Number(r.rn) > limit), totals };
}

/**
 * A segment key must be a dimension the metric knows (its built-in breakdowns,
 * its own dimensions) or a customer dimension: anything else is the same
 * `unknown_dimension` as `report --by`, never a database error.
 */
function assertSegmentKeys(metric: MetricDefinition, keys: readonly string[]): void {
  const own = new Set([
    ...(metric.builtInBreakdowns ?? []).flatMap((b) => b.keys),
    ...Object.keys(metric.ownDimensions ?? {}),
  ]);
  for (const key of keys) if (!own.has(key)) assertCustomerDimension(key);
}

function groupingFor(metricId: string, groupings: readonly Grouping[], keys: readonly string[]): Grouping {
  const match = groupings.find((g) => g.keys.length === keys.length && g.keys.every((k, i) => k === keys[i]));
  if (match) return match;
  for (const key of keys) assertCustomerDimension(key);
  throw new CrmKpiError("unknown_dimension", `${metricId} cannot be broken down by ${keys.join(", ")}`, {
    dimension: keys.join(", "),
    known: groupings.map((g) => g.keys.join("+")).join(", "),
  });
}
