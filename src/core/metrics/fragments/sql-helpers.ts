import { MONEY_SQL_TYPE } from "../../sql/dialect.js";
import type { MetricContext } from "../context/metric-context.js";
import type { Grouping } from "../definition/metric-definition.js";

/**
 * A missing number (a metric without a numerator, a source's empty column) in
 * rows that a UNION joins: PostgreSQL types a bare NULL as text there, which
 * no number unions with; a SMALLINT NULL gives way to any other branch's
 * number type, on DuckDB too.
 */
export const NO_NUMBER = "CAST(NULL AS SMALLINT)";

/** `SUM(CASE WHEN cond THEN 1 ELSE 0 END)`: a count that is 0, never NULL, on no rows. */
export function countIf(condition: string): string {
  return `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

export interface Aggregates {
  readonly value?: string;
  readonly numerator?: string;
  readonly denominator?: string;
}

/**
 * The SELECT list every metric query returns: metric id, period index,
 * grouping columns, value, numerator and denominator.
 */
export function metricColumns(
  ctx: MetricContext,
  id: string,
  periodIdx: string,
  grouping: Grouping,
  groupExpressions: readonly string[],
  aggregates: Aggregates,
): string {
  const groups = grouping.keys.map((_, i) => `, ${groupExpressions[i] ?? "NULL"} AS g${i}`).join("");
  return `${ctx.bind(id)} AS metric, ${periodIdx} AS period_idx${groups}, ${aggregates.value ?? "NULL"} AS value, ${aggregates.numerator ?? "NULL"} AS numerator, ${aggregates.denominator ?? "NULL"} AS denominator`;
}

/** Grouping expressions of a customer grouping over a customer alias. */
export function customerGroupExpressions(ctx: MetricContext, grouping: Grouping, alias: string): string[] {
  return grouping.source === "customer" ? grouping.keys.map((k) => `${alias}.${ctx.q(k)}`) : [];
}

/** `GROUP BY period, g0, g1`. */
export function groupBy(ctx: MetricContext, periodIdx: string, grouping: Grouping): string {
  return `GROUP BY ${periodIdx}${ctx.groupNames(grouping)}`;
}

export type Part = "value" | "numerator" | "denominator";

/**
 * The SELECT list of a drill-down query (see `MetricDefinition.drill`). Absent
 * columns are typed NULLs: PostgreSQL reads a bare NULL in a DISTINCT branch
 * of a UNION as text, which no numeric branch then matches.
 */
export function drillColumns(
  ctx: MetricContext,
  periodIdx: string,
  grouping: Grouping,
  groupExpressions: readonly string[],
  row: { part: Part; entity: string; recordId: string; amount?: string; detail?: string },
): string {
  const groups = grouping.keys.map((_, i) => `, ${groupExpressions[i] ?? "NULL"} AS g${i}`).join("");
  return `${periodIdx} AS period_idx${groups}, ${ctx.bind(row.part)} AS part, ${ctx.bind(row.entity)} AS entity, CAST(${row.recordId} AS VARCHAR) AS record_id, ${row.amount ?? `CAST(NULL AS ${MONEY_SQL_TYPE})`} AS amount, ${row.detail ?? "CAST(NULL AS VARCHAR)"} AS detail`;
}

/**
 * `COALESCE(hi, far future)`: the end of a span that may be open (NULL). Range
 * joins on `t <= openEnd(hi)` stay range joins; `hi IS NULL OR t <= hi`
 * would make the engine fall back to a nested loop.
 */
export function openEnd(ctx: MetricContext, hi: string): string {
  return `COALESCE(${hi}, ${ctx.dialect.timestampParam(ctx.bind("9999-12-31 00:00:00"))})`;
}

/**
 * The ON condition of a join of rows to the report's periods (alias `period`)
 * by `instant` in [start_at, end_at). Where the dialect computes a row's
 * period index (PostgreSQL, which has no range-join operator), the join also
 * matches on idx, so the planner hashes instead of comparing every row with
 * every period; the range itself still decides.
 */
export function periodJoin(ctx: MetricContext, instant: string, period = "p"): string {
  const range = `${instant} >= ${period}.start_at AND ${instant} < ${period}.end_at`;
  const index = ctx.dialect.periodIndex?.(instant, ctx.rel("periods"));
  return index ? `${period}.idx = ${index} AND ${range}` : range;
}
