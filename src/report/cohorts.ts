import { formatPeriodLabel } from "../calendar/format-period-label.js";
import type { Grain, Lang, Period } from "../calendar/period-types.js";
import { parsePeriodLabel, periodsBetween } from "../calendar/periods.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { MetricContext } from "../core/metrics/context/metric-context.js";
import type { ReportPeriod } from "../core/metrics/context/report-period.js";
import { openEnd } from "../core/metrics/fragments/sql-helpers.js";
import { relationStatements } from "../core/metrics/relations/shared-relations.js";
import type { CalendarId, DatasetSettings } from "../core/model/settings.js";
import type { CompiledQuery } from "../core/sql/compiled-query.js";
import type { SqlDialect } from "../core/sql/dialect.js";
import { dataTimeRange } from "./data-range.js";
import { loadDatasetSettings } from "./dataset-settings.js";
import { periodOptions, withCalendarContext } from "./run-report.js";

export interface CohortRequest {
  readonly grain?: Grain;
  readonly calendar?: CalendarId;
  /** Period labels of the first and last cohort; default: the data's whole range. */
  readonly from?: string;
  readonly to?: string;
  /** Overrides of the stored dataset settings (`activity`, `timezone`…). */
  readonly settings?: Partial<DatasetSettings>;
}

/** One cell: the cohort `offset` periods after its acquisition period. */
export interface CohortCell {
  readonly offset: number;
  readonly customers: number;
  /** customers / cohort size. */
  readonly customerShare: number | null;
  readonly revenue: number;
  /** revenue / the cohort's period-0 revenue; null when that is 0. */
  readonly revenueShare: number | null;
}

export interface Cohort {
  /** Label of the acquisition period (`2024-01`, `1403-01`). */
  readonly cohort: string;
  readonly size: number;
  /** Revenue of the cohort in its acquisition period (offset 0). */
  readonly revenue: number;
  readonly cells: CohortCell[];
}

export interface CohortResult {
  readonly periods: Period[];
  readonly cohorts: Cohort[];
  readonly settings: DatasetSettings;
}

/**
 * Cohort retention: customers grouped by the period of their acquired_at
 * (METRICS.md §1) × periods since. A customer counts in a later period when
 * active at some instant of it (METRICS.md §1 activity rules); revenue is the
 * cohort's signed order revenue plus the subscription terms that start in the
 * period. Offsets run up to the last period of the range, so the table is a
 * triangle. Cohorts without customers are left out.
 *
 * @example await runCohorts(engine, { grain: "month", from: "2024-01", to: "2024-06" })
 */
export async function runCohorts(engine: Engine, request: CohortRequest = {}): Promise<CohortResult> {
  const settings = { ...(await loadDatasetSettings(engine)), ...request.settings };
  const options = periodOptions(settings, request);
  const range = await dataTimeRange(engine);
  const fromMs = request.from ? parsePeriodLabel(request.from, options).startMs : range?.firstMs;
  const toMs = request.to ? parsePeriodLabel(request.to, options).endMs - 1 : range?.lastMs;
  if (fromMs === undefined || toMs === undefined) return { periods: [], cohorts: [], settings };
  if (toMs < fromMs) {
    throw new CrmKpiError("unknown_period", "--to is before --from", {
      from: request.from ?? "",
      to: request.to ?? "",
    });
  }
  const periods = periodsBetween(fromMs, toMs, options);
  const plan = compileCohorts(withCalendarContext(periods, options), engine.dialect, settings);
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
  const rows = await engine.query(plan.cells);
  return { periods, cohorts: toCohorts(rows, periods), settings };
}

export interface LabeledCohort extends Cohort {
  /** The acquisition period as a reader of `lang` names it (Jalali month names for fa…). */
  readonly label: string;
}

/** Adds each cohort's display label in `lang` and the request's calendar (CLI table, API). */
export function labelCohorts(result: CohortResult, request: CohortRequest, lang: Lang): LabeledCohort[] {
  const options = periodOptions(result.settings, request);
  return result.cohorts.map((cohort) => {
    const period = result.periods.find((p) => p.label === cohort.cohort);
    let label = cohort.cohort;
    try {
      if (period) label = formatPeriodLabel(period, options, lang);
    } catch {
      // A period the calendar cannot name keeps its canonical label.
    }
    return { cohort: cohort.cohort, label, size: cohort.size, revenue: cohort.revenue, cells: cohort.cells };
  });
}

export interface CohortPlan {
  readonly prelude: readonly CompiledQuery[];
  readonly cells: CompiledQuery;
}

/** Pure: the SQL of a cohort table over `periods` (shared relations first, then the cells). */
export function compileCohorts(
  periods: readonly ReportPeriod[],
  dialect: SqlDialect,
  settings: DatasetSettings,
): CohortPlan {
  const ctx = new MetricContext(dialect, settings, {});
  const p = ctx.rel("periods");
  const c = ctx.rel("customers");
  const spans = ctx.rel("customer_spans");
  const orders = ctx.rel("period_orders");
  // Offset 0 always holds the whole cohort: the acquisition is activity (METRICS.md §1).
  const sql = `
    WITH cohort AS (
      SELECT c.customer_id, p.idx AS cohort_idx
      FROM ${c} c JOIN ${p} p ON c.acquired_eff >= p.start_at AND c.acquired_eff < p.end_at
    ),
    active AS (
      SELECT co.customer_id, co.cohort_idx, p.idx AS period_idx
      FROM cohort co JOIN ${spans} s ON s.customer_id = co.customer_id
      JOIN ${p} p ON p.idx > co.cohort_idx AND s.lo < p.end_at AND ${openEnd(ctx, "s.hi")} > p.start_at
      UNION
      SELECT customer_id, cohort_idx, cohort_idx FROM cohort
    ),
    counts AS (SELECT cohort_idx, period_idx, COUNT(*) AS customers FROM active GROUP BY cohort_idx, period_idx),
    money AS (
      SELECT co.cohort_idx, o.idx AS period_idx, o.amount
      FROM cohort co JOIN ${orders} o ON o.customer_id = co.customer_id AND o.idx >= co.cohort_idx
      UNION ALL
      SELECT co.cohort_idx, p.idx, t.amount_base
      FROM cohort co JOIN subscriptions t ON t.customer_id = co.customer_id
      JOIN ${p} p ON t.start_at >= p.start_at AND t.start_at < p.end_at AND p.idx >= co.cohort_idx
    ),
    revenue AS (SELECT cohort_idx, period_idx, SUM(amount) AS revenue FROM money GROUP BY cohort_idx, period_idx),
    sizes AS (SELECT cohort_idx, COUNT(*) AS size FROM cohort GROUP BY cohort_idx)
    SELECT z.cohort_idx, p.idx AS period_idx, z.size,
           COALESCE(n.customers, 0) AS customers, COALESCE(r.revenue, 0) AS revenue
    FROM sizes z JOIN ${p} p ON p.idx >= z.cohort_idx
    LEFT JOIN counts n ON n.cohort_idx = z.cohort_idx AND n.period_idx = p.idx
    LEFT JOIN revenue r ON r.cohort_idx = z.cohort_idx AND r.period_idx = p.idx
    ORDER BY z.cohort_idx, p.idx`;
  const prelude = relationStatements(ctx.used, { periods }, dialect, settings);
  return { prelude, cells: { sql, params: ctx.params.values } };
}

function toCohorts(rows: readonly Record<string, unknown>[], periods: readonly Period[]): Cohort[] {
  const cohorts: Cohort[] = [];
  let current: { cohort: Cohort; idx: number } | undefined;
  for (const row of rows) {
    const idx = Number(row.cohort_idx);
    const size = Number(row.size);
    if (current?.idx !== idx) {
      const label = periods[idx]?.label ?? String(idx);
      current = { idx, cohort: { cohort: label, size, revenue: roundMoney(Number(row.revenue)), cells: [] } };
      cohorts.push(current.cohort);
    }
    const customers = Number(row.customers);
    const revenue = roundMoney(Number(row.revenue));
    const base = current.cohort.revenue;
    current.cohort.cells.push({
      offset: Number(row.period_idx) - idx,
      customers,
      customerShare: size === 0 ? null : customers / size,
      revenue,
      revenueShare: base === 0 ? null : revenue / base,
    });
  }
  return cohorts;
}

/** Money comes back as DECIMAL(38,12); 6 digits keep sums exact to display. */
function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
