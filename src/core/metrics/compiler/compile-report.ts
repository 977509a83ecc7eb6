import type { DatasetSettings } from "../../model/settings.js";
import type { CompiledQuery } from "../../sql/compiled-query.js";
import type { SqlDialect } from "../../sql/dialect.js";
import { MetricContext } from "../context/metric-context.js";
import { type SharedRelationName, sharedRelationTable } from "../context/relation-names.js";
import type { ReportInput } from "../context/report-period.js";
import type { Grouping, MetricDefinition } from "../definition/metric-definition.js";
import { orderRelations, sharedRelationSelect } from "../relations/shared-relations.js";

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
  /** Dimensions that are no customer column (`deal_owner`): only metrics declaring them in `ownDimensions` take them. */
  readonly metricDimensions?: readonly string[];
}

/** The groupings a metric reports: its total, its built-in breakdowns, and --by when it supports it. */
export function groupingsOf(
  metric: MetricDefinition,
  by: readonly string[],
  metricDimensions: readonly string[] = [],
): Grouping[] {
  const groupings: Grouping[] = [];
  if (metric.hasTotal !== false) groupings.push({ keys: [], source: "total" });
  for (const breakdown of metric.builtInBreakdowns ?? [])
    groupings.push({ keys: breakdown.keys, source: "builtin" });
  if (by.length > 0 && supportsDimensions(metric, by, metricDimensions))
    groupings.push({ keys: [...(metric.breakdownWithin ?? []), ...by], source: "customer" });
  return groupings;
}

export function supportsDimensions(
  metric: MetricDefinition,
  by: readonly string[],
  metricDimensions: readonly string[] = [],
): boolean {
  const dims = metric.customerDimensions;
  return by.every((d) => {
    if (isOwnDimension(metric, d)) return true;
    if (metricDimensions.includes(d)) return false;
    return dims === "all" || (dims !== "none" && dims.includes(d));
  });
}

function isOwnDimension(metric: MetricDefinition, key: string): boolean {
  return Object.hasOwn(metric.ownDimensions ?? {}, key);
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
    for (const grouping of groupingsOf(metric, spec.by, spec.metricDimensions)) {
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
      SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.part ORDER BY d.entity, d.record_id) AS rn,
        COUNT(*) OVER (PARTITION BY d.part) AS part_rows
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
  // Customer keys: the combinations customers hold; a metric's own dimension: each of its values.
  const alias = (k: string, i: number) => (isOwnDimension(metric, k) ? `o${i}` : "d");
  const customerKeys = keys.flatMap((k, i) => (isOwnDimension(metric, k) ? [] : [`${ctx.q(k)} AS g${i}`]));
  // Plus the groups the rows hold: rows without a customer (a lead, a deal) form a null bucket
  // even when every customer has a value.
  const rowGroups = keys.flatMap((k, i) => (isOwnDimension(metric, k) ? [] : [`g${i}`]));
  const customerDomain =
    customerKeys.length === 0
      ? ""
      : ` CROSS JOIN (SELECT DISTINCT ${customerKeys.join(", ")} FROM ${ctx.rel("customers")}
          UNION SELECT DISTINCT ${rowGroups.join(", ")} FROM agg) d`;
  const ownDomains = keys
    .map((k, i) => {
      const values = metric.ownDimensions?.[k];
      return values ? ` CROSS JOIN (SELECT DISTINCT v AS g${i} FROM (${values(ctx)}) ov) o${i}` : "";
    })
    .join("");
  const on = keys.map((k, i) => ` AND a.g${i} IS NOT DISTINCT FROM ${alias(k, i)}.g${i}`).join("");
  const columns = keys.map((k, i) => `, ${alias(k, i)}.g${i}`).join("");
  const domain = `${customerDomain}${ownDomains}`;
  return `WITH agg AS (${inner})
    SELECT m.metric, p.idx AS period_idx${columns}, a.value, a.numerator, a.denominator
    FROM ${ctx.rel("periods")} p CROSS JOIN (${ids}) m${domain}
    LEFT JOIN agg a ON a.period_idx = p.idx AND a.metric = m.metric${on}`;
}
