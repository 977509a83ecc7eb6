import type { DatasetSettings } from "../../model/settings.js";
import type { CompiledQuery } from "../../sql/compiled-query.js";
import { ParamList } from "../../sql/compiled-query.js";
import type { SqlDialect } from "../../sql/dialect.js";
import { MetricContext } from "../context/metric-context.js";
import type { SharedRelationName } from "../context/relation-names.js";
import type { ReportInput } from "../context/report-period.js";
import type {
  CombinedCompiler,
  Grouping,
  MetricDefinition,
  MetricRequest,
} from "../definition/metric-definition.js";
import { relationStatements } from "../relations/shared-relations.js";

/** A request of the plan, with its grouping's position among the metric's groupings (0: the first). */
export interface PlannedRequest extends MetricRequest {
  readonly groupingRank: number;
}

/**
 * One statement answering one or more requests. Its rows carry `req`, the index
 * in `requests` of the request they answer (absent when there is only one);
 * a statement of several requests returns `metric`, `g0`…`gN`, `value`,
 * `numerator` and `denominator` as text (one type per column across requests).
 */
export interface ReportQuery {
  readonly requests: readonly PlannedRequest[];
  readonly query: CompiledQuery;
}

export interface ReportPlan {
  /** Statements that materialize the report-wide relations, in dependency order. */
  readonly prelude: readonly CompiledQuery[];
  readonly queries: readonly ReportQuery[];
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
 * Parts (a request, or a combined compiler's requests) of one family in one
 * UNION ALL statement at most: fewer statements (each costs a few ms), while
 * one union of the whole report ran out of memory at the 1 GB budget.
 */
const BATCH_SIZE = 10;

/** Requests one statement part answers: one request, or those of one combined compiler. */
interface Unit {
  readonly combined?: CombinedCompiler;
  readonly requests: PlannedRequest[];
}

/**
 * Compiles a whole report: pure, returns SQL and bound values only. Totals and
 * customer breakdowns get a row for every period (and every dimension value),
 * so an empty period reads 0 or null instead of disappearing. The requests of
 * one combined compiler share one scan; the rest of a family goes in batches
 * of up to BATCH_SIZE parts (a request, or a combined compiler's requests).
 */
export function compileReport(spec: ReportSpec, dialect: SqlDialect, settings: DatasetSettings): ReportPlan {
  const used = new Set<SharedRelationName>(["periods"]);
  const families = new Map<string, Unit[]>();
  const combinedUnits = new Map<CombinedCompiler, Unit>();
  for (const metric of spec.metrics) {
    for (const [groupingRank, grouping] of groupingsOf(metric, spec.by, spec.metricDimensions).entries()) {
      const request = { metric, grouping, groupingRank };
      const combined = metric.combined?.accepts?.(request) === false ? undefined : metric.combined;
      const unit = combined ? combinedUnits.get(combined) : undefined;
      if (unit) {
        unit.requests.push(request);
        continue;
      }
      const created: Unit = combined ? { combined, requests: [request] } : { requests: [request] };
      if (combined) combinedUnits.set(combined, created);
      pushTo(families, metric.family, created);
    }
  }
  const queries: ReportQuery[] = [];
  for (const units of families.values()) {
    for (let i = 0; i < units.length; i += BATCH_SIZE) {
      const params = new ParamList(dialect.placeholder);
      const contexts: MetricContext[] = [];
      const context = () => {
        const ctx = new MetricContext(dialect, settings, spec.params, params);
        contexts.push(ctx);
        return ctx;
      };
      const batch = units.slice(i, i + BATCH_SIZE);
      const sql = batchSql(context, batch);
      queries.push({ requests: batch.flatMap((u) => u.requests), query: { sql, params: params.values } });
      for (const ctx of contexts) for (const name of ctx.used) used.add(name);
    }
  }
  return { prelude: compilePrelude(used, spec, dialect, settings), queries };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The units' rows: one metric's query as it is, or a UNION ALL of every request's rows tagged with `req`. */
function batchSql(context: () => MetricContext, units: readonly Unit[]): string {
  const answer = (ctx: MetricContext, { metric, grouping }: MetricRequest, inner: string) =>
    fillsRows(metric, grouping) ? fillEveryPeriod(ctx, metric, grouping, inner) : inner;
  const [first] = units;
  const [only] = first?.requests ?? [];
  if (units.length === 1 && first?.combined === undefined && only) {
    const ctx = context();
    return answer(ctx, only, only.metric.compile(ctx, only.grouping));
  }
  const requests = units.flatMap((u) => u.requests);
  const width = Math.max(...requests.map((r) => r.grouping.keys.length));
  const ctes: string[] = [];
  const branches: string[] = [];
  for (const unit of units) {
    // A combined compiler's rows, materialized: each of its requests' branches reads them.
    const rows = `family_rows_${ctes.length}`;
    if (unit.combined)
      ctes.push(`${rows} AS MATERIALIZED (${unit.combined.compile(context(), unit.requests)})`);
    for (const [local, request] of unit.requests.entries()) {
      const ctx = context();
      const inner = unit.combined
        ? `SELECT * FROM ${rows} WHERE req = ${local}`
        : request.metric.compile(ctx, request.grouping);
      const groups = Array.from({ length: width }, (_, i) =>
        i < request.grouping.keys.length
          ? `, CAST(b.g${i} AS VARCHAR) AS g${i}`
          : `, CAST(NULL AS VARCHAR) AS g${i}`,
      ).join("");
      branches.push(`SELECT ${branches.length} AS req, CAST(b.metric AS VARCHAR) AS metric, b.period_idx${groups},
        CAST(b.value AS VARCHAR) AS value, CAST(b.numerator AS VARCHAR) AS numerator,
        CAST(b.denominator AS VARCHAR) AS denominator
        FROM (${answer(ctx, request, inner)}) b`);
    }
  }
  const union = branches.join("\nUNION ALL\n");
  return ctes.length > 0 ? `WITH ${ctes.join(",\n")}\n${union}` : union;
}

function compilePrelude(
  used: Iterable<SharedRelationName>,
  spec: ReportSpec,
  dialect: SqlDialect,
  settings: DatasetSettings,
): CompiledQuery[] {
  return relationStatements(used, spec, dialect, settings, spec.params);
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
      SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.part ORDER BY d.entity, ${dialect.binaryOrder("d.record_id")}) AS rn,
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
export function fillsRows(metric: MetricDefinition, grouping: Grouping): boolean {
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
