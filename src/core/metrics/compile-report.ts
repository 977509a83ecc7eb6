import type { DatasetSettings } from "../model/settings.js";
import type { CompiledQuery } from "../sql/compiled-query.js";
import type { SqlDialect } from "../sql/dialect.js";
import { MetricContext } from "./metric-context.js";
import type { Grouping, MetricDefinition } from "./metric-definition.js";
import {
  orderRelations,
  type ReportInput,
  type SharedRelationName,
  sharedRelationSelect,
  sharedRelationTable,
} from "./shared-relations.js";

export interface MetricQuery {
  readonly metric: MetricDefinition;
  readonly grouping: Grouping;
  readonly query: CompiledQuery;
}

export interface ReportPlan {
  /** Statements that materialize the report-wide relations, in dependency order. */
  readonly prelude: readonly CompiledQuery[];
  readonly queries: readonly MetricQuery[];
}

export interface ReportSpec extends ReportInput {
  readonly metrics: readonly MetricDefinition[];
  /** Customer dimensions asked for with --by (one grouping with all of them). */
  readonly by: readonly string[];
  readonly params: Readonly<Record<string, string>>;
}

/** The groupings a metric reports: its total, its built-in breakdowns, and --by when it supports it. */
export function groupingsOf(metric: MetricDefinition, by: readonly string[]): Grouping[] {
  const groupings: Grouping[] = [];
  if (metric.hasTotal !== false) groupings.push({ keys: [], source: "total" });
  for (const breakdown of metric.builtInBreakdowns ?? [])
    groupings.push({ keys: breakdown.keys, source: "builtin" });
  if (by.length > 0 && supportsDimensions(metric, by)) groupings.push({ keys: by, source: "customer" });
  return groupings;
}

export function supportsDimensions(metric: MetricDefinition, by: readonly string[]): boolean {
  const dims = metric.customerDimensions;
  if (dims === "all") return true;
  if (dims === "none") return false;
  return by.every((d) => dims.includes(d));
}

/**
 * Compiles a whole report: pure, returns SQL and bound values only. Totals and
 * customer breakdowns get a row for every period (and every dimension value),
 * so an empty period reads 0 or null instead of disappearing.
 */
export function compileReport(spec: ReportSpec, dialect: SqlDialect, settings: DatasetSettings): ReportPlan {
  const used = new Set<SharedRelationName>(["periods"]);
  const queries: MetricQuery[] = [];
  for (const metric of spec.metrics) {
    for (const grouping of groupingsOf(metric, spec.by)) {
      const ctx = new MetricContext(dialect, settings, spec.params);
      const inner = metric.compile(ctx, grouping);
      const sql = fillsRows(metric, grouping) ? fillEveryPeriod(ctx, metric, grouping, inner) : inner;
      for (const name of ctx.used) used.add(name);
      queries.push({ metric, grouping, query: { sql, params: ctx.params.values } });
    }
  }
  return { prelude: compilePrelude(used, spec, dialect, settings), queries };
}

function compilePrelude(
  used: Iterable<SharedRelationName>,
  spec: ReportSpec,
  dialect: SqlDialect,
  settings: DatasetSettings,
): CompiledQuery[] {
  return orderRelations(used).map((name) => {
    const ctx = new MetricContext(dialect, settings, spec.params);
    const select = sharedRelationSelect(name, ctx, spec);
    const table = dialect.quoteIdentifier(sharedRelationTable(name));
    return { sql: `CREATE OR REPLACE TEMP TABLE ${table} AS ${select}`, params: ctx.params.values };
  });
}

export interface ExplainPlan {
  readonly prelude: readonly CompiledQuery[];
  /** The metric's rows for the grouping (all periods of the spec). */
  readonly value: CompiledQuery;
  /** The rows behind the number for one period and group. */
  readonly rows: CompiledQuery;
}

/**
 * Compiles a drill-down: the metric's value and the rows behind it for
 * period `periodIdx` of the spec and one group (`groupValues` in key order).
 */
export function compileExplain(
  spec: ReportSpec,
  metric: MetricDefinition,
  grouping: Grouping,
  periodIdx: number,
  groupValues: readonly (string | null)[],
  dialect: SqlDialect,
  settings: DatasetSettings,
  rowLimit: number,
): ExplainPlan {
  const valueCtx = new MetricContext(dialect, settings, spec.params);
  const inner = metric.compile(valueCtx, grouping);
  const value = fillsRows(metric, grouping) ? fillEveryPeriod(valueCtx, metric, grouping, inner) : inner;
  const rowsCtx = new MetricContext(dialect, settings, spec.params);
  const drill = metric.drill(rowsCtx, grouping);
  const filters = groupValues.map((v, i) => ` AND d.g${i} IS NOT DISTINCT FROM ${rowsCtx.bind(v)}`).join("");
  // Up to `rowLimit` rows of each part, so a long denominator list does not hide the numerator.
  const rows = `SELECT * FROM (
      SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.part ORDER BY d.entity, d.record_id) AS rn
      FROM (${drill}) d WHERE d.period_idx = ${rowsCtx.bind(periodIdx)}${filters}) x
    WHERE x.rn <= ${rowsCtx.bind(rowLimit)} ORDER BY x.part DESC, x.rn`;
  const used = new Set<SharedRelationName>([...valueCtx.used, ...rowsCtx.used, "periods"]);
  return {
    prelude: compilePrelude(used, spec, dialect, settings),
    value: { sql: value, params: valueCtx.params.values },
    rows: { sql: rows, params: rowsCtx.params.values },
  };
}

/** Totals and customer breakdowns get every period (and value) filled in, unless the metric owns its rows. */
function fillsRows(metric: MetricDefinition, grouping: Grouping): boolean {
  if (grouping.source === "builtin") return false;
  return !(grouping.source === "customer" && metric.ownsCustomerRows === true);
}

function fillEveryPeriod(
  ctx: MetricContext,
  metric: MetricDefinition,
  grouping: Grouping,
  inner: string,
): string {
  const ids = [metric.id, ...(metric.siblings ?? [])]
    .map((id) => `SELECT ${ctx.bind(id)} AS metric`)
    .join(" UNION ALL ");
  const keys = grouping.keys;
  const domain =
    keys.length === 0
      ? ""
      : ` CROSS JOIN (SELECT DISTINCT ${keys.map((k, i) => `${ctx.q(k)} AS g${i}`).join(", ")} FROM ${ctx.rel("customers")}) d`;
  const on = keys.map((_, i) => ` AND a.g${i} IS NOT DISTINCT FROM d.g${i}`).join("");
  return `WITH agg AS (${inner})
    SELECT m.metric, p.idx AS period_idx${ctx.groupNames(grouping, "d.")}, a.value, a.numerator, a.denominator
    FROM ${ctx.rel("periods")} p CROSS JOIN (${ids}) m${domain}
    LEFT JOIN agg a ON a.period_idx = p.idx AND a.metric = m.metric${on}`;
}
