import type { MetricContext } from "../context/metric-context.js";
import {
  type CombinedCompiler,
  compileOneRequest,
  type Grouping,
  type MetricDefinition,
  type MetricRequest,
} from "../definition/metric-definition.js";
import { drillColumns, metricColumns, type Part } from "./sql-helpers.js";

/**
 * Shared shape of the §4 and §5 metrics: a metric is one list of rows (a
 * deal in the pipeline, a resolved ticket, a quota row) per period and group,
 * and terms that sum or count some of them. The SQL aggregate and the
 * drill-down read the same rows, so the number and its explanation agree.
 *
 * The rows SQL returns `period_idx`, `g0`…`gN`, `record_id`,
 * `detail` and the columns the terms read (as `r.<name>`).
 */
export interface RowTerm {
  readonly part: Part;
  /** Condition over `r`; absent: every row. */
  readonly when?: string;
  /** The row's contribution over `r`; absent: the row counts 1. */
  readonly amount?: string;
  /** The table the rows of this term come from, when not the metric's `entity`. */
  readonly entity?: string;
  /**
   * An exact integer the SQL sums instead of `amount` (whole milliseconds of a
   * duration), divided once by `divisor` after the sum: a sum of doubles
   * depends on the order DuckDB's threads add them in. `amount` stays what the
   * drill-down shows.
   */
  readonly exact?: { readonly amount: string; readonly divisor: number };
}

/** A value-only sibling computed from the same rows (`_median`, `_p90`). */
export interface RowStatistic {
  readonly id: string;
  /** An aggregate over `r` (e.g. a percentile of `r.x`). */
  readonly value: (ctx: MetricContext) => string;
}

export interface RowMetricSpec
  extends Omit<MetricDefinition, "compile" | "drill" | "siblings" | "builtInBreakdowns"> {
  readonly rows: (ctx: MetricContext, grouping: Grouping) => string;
  /** The table the rows come from (for the drill-down). */
  readonly entity: string;
  readonly terms: readonly RowTerm[];
  readonly statistics?: readonly RowStatistic[];
  readonly builtInBreakdowns?: readonly RowBreakdown[];
  /**
   * True when `rows` lists the same records whatever the grouping, a grouping
   * only adding columns (a GROUP BY over the groups may only add keys that
   * depend on the record: a deal's stage, its customer's region), so its
   * built-in breakdowns come from the same list as the other groupings (see `combinedRows`).
   */
  readonly plainRows?: true;
}

export interface RowBreakdown {
  readonly keys: readonly string[];
  /** Every group of the breakdown (`g0`…`gN`, and `ord`, the order to report them in); absent: only groups with rows are reported. */
  readonly domain?: (ctx: MetricContext) => string;
  /** Whether the breakdown reports the statistics too (stage durations do; ticket breakdowns do not). */
  readonly statistics?: boolean;
}

/** `SUM(CASE WHEN when THEN amount ELSE 0 END)` over the terms of one part, or undefined. */
function aggregate(terms: readonly RowTerm[], part: Part): string | undefined {
  const mine = terms.filter((t) => t.part === part);
  if (mine.length === 0) return undefined;
  const sum = (t: RowTerm) =>
    t.exact
      ? `(SUM(CASE WHEN ${t.when ?? "TRUE"} THEN ${t.exact.amount} ELSE 0 END) / ${t.exact.divisor.toFixed(1)})`
      : `SUM(CASE WHEN ${t.when ?? "TRUE"} THEN ${t.amount ?? "1"} ELSE 0 END)`;
  return `(${mine.map(sum).join(" + ")})`;
}

function breakdownOf(spec: RowMetricSpec, grouping: Grouping): RowBreakdown | undefined {
  if (grouping.source !== "builtin") return undefined;
  return spec.builtInBreakdowns?.find((b) => b.keys.join("|") === grouping.keys.join("|"));
}

function statisticsFor(spec: RowMetricSpec, grouping: Grouping): readonly RowStatistic[] {
  const breakdown = breakdownOf(spec, grouping);
  if (grouping.source === "builtin" && !breakdown?.statistics) return [];
  return spec.statistics ?? [];
}

function compileRows(spec: RowMetricSpec, ctx: MetricContext, grouping: Grouping): string {
  const groups = grouping.keys.map((_, i) => `r.g${i}`);
  const by = `GROUP BY r.period_idx${ctx.groupNames(grouping, "r.")}`;
  const main = `SELECT ${metricColumns(ctx, spec.id, "r.period_idx", grouping, groups, {
    value: aggregate(spec.terms, "value"),
    numerator: aggregate(spec.terms, "numerator"),
    denominator: aggregate(spec.terms, "denominator"),
  })} FROM r ${by}`;
  const stats = statisticsFor(spec, grouping).map(
    (s) =>
      `SELECT ${metricColumns(ctx, s.id, "r.period_idx", grouping, groups, { value: s.value(ctx) })} FROM r ${by}`,
  );
  const agg = [main, ...stats].join("\nUNION ALL\n");
  const domain = breakdownOf(spec, grouping)?.domain;
  if (!domain) return `WITH r AS (${spec.rows(ctx, grouping)}) ${agg}`;
  // Every group of the breakdown in every period, so an empty stage reads 0/0 (null).
  const ids = [spec.id, ...statisticsFor(spec, grouping).map((s) => s.id)]
    .map((id) => `SELECT ${ctx.bind(id)} AS metric`)
    .join(" UNION ALL ");
  const on = grouping.keys.map((_, i) => ` AND a.g${i} IS NOT DISTINCT FROM dom.g${i}`).join("");
  return `WITH r AS (${spec.rows(ctx, grouping)}), agg AS (${agg})
    SELECT m.metric, p.idx AS period_idx${ctx.groupNames(grouping, "dom.")}, a.value, a.numerator, a.denominator
    FROM ${ctx.rel("periods")} p CROSS JOIN (${ids}) m CROSS JOIN (${domain(ctx)}) dom
    LEFT JOIN agg a ON a.period_idx = p.idx AND a.metric = m.metric${on}
    ORDER BY p.idx, m.metric, dom.ord`;
}

function drillRows(spec: RowMetricSpec, ctx: MetricContext, grouping: Grouping): string {
  const groups = grouping.keys.map((_, i) => `r.g${i}`);
  const selects = spec.terms.map(
    (t) =>
      `SELECT ${drillColumns(ctx, "r.period_idx", grouping, groups, {
        part: t.part,
        entity: t.entity ?? spec.entity,
        recordId: "r.record_id",
        // A NULL contribution (a deal without amount) adds nothing to the SUM; NULL in a drill row would mean "counts 1".
        amount: t.amount ? `COALESCE(${t.amount}, 0)` : "NULL",
        detail: "r.detail",
      })} FROM r WHERE ${t.when ?? "TRUE"}`,
  );
  return `WITH r AS (${spec.rows(ctx, grouping)}) ${selects.join("\nUNION ALL\n")}`;
}

/**
 * A metric's groupings from one list of rows: the rows of a customer
 * grouping are the total's (its join is a LEFT JOIN) with their groups, and
 * with `plainRows` so are a built-in breakdown's; one GROUPING SETS aggregate
 * gives every grouping. Each value is text, as the statistics rows (doubles)
 * share the columns with the sums.
 */
function combinedRows(spec: RowMetricSpec): CombinedCompiler {
  const accepts = ({ grouping }: MetricRequest): boolean => {
    if (grouping.source === "total" || grouping.source === "customer") return true;
    return spec.plainRows === true;
  };
  return {
    accepts,
    compile(ctx, requests) {
      const keys = [...new Set(requests.flatMap((r) => r.grouping.keys))];
      const width = Math.max(...requests.map((r) => r.grouping.keys.length));
      const groups = keys.map((_, i) => `r.g${i}`);
      const setOf = (grouping: Grouping) => grouping.keys.map((k) => keys.indexOf(k));
      const sets = [...new Set(requests.map((r) => setOf(r.grouping).join(",")))].map((set) =>
        set === "" ? [] : set.split(",").map(Number),
      );
      // GROUPING(g0, g1…) has bit (n−1−i) set when g_i is rolled up: a NULL of the data stays a group.
      const setId = (set: readonly number[]) =>
        keys.reduce((id, _, i) => (set.includes(i) ? id : id | (1 << (keys.length - 1 - i))), 0);
      const statistics = spec.statistics ?? [];
      const text = (expr: string | undefined) => `CAST(${expr ?? "NULL"} AS VARCHAR)`;
      const setColumn = groups.length === 0 ? "0" : `GROUPING(${groups.join(", ")})`;
      const groupingSets = sets.map(
        (set) => `(${["r.period_idx", ...set.map((i) => `r.g${i}`)].join(", ")})`,
      );
      const agg = `SELECT r.period_idx${groups.map((g, i) => `, ${g} AS k${i}`).join("")}, ${setColumn} AS set_id,
          ${text(aggregate(spec.terms, "value"))} AS value, ${text(aggregate(spec.terms, "numerator"))} AS numerator,
          ${text(aggregate(spec.terms, "denominator"))} AS denominator
          ${statistics.map((st, j) => `, ${text(st.value(ctx))} AS s${j}`).join("")}
        FROM r GROUP BY GROUPING SETS (${groupingSets.join(", ")})`;
      const branches = requests.map((r, req) => {
        const set = setOf(r.grouping);
        const columns = Array.from({ length: width }, (_, i) => {
          const k = set[i];
          return `, ${k === undefined ? "NULL" : `k${k}`} AS g${i}`;
        }).join("");
        const row = (id: string, values: string) =>
          `SELECT ${ctx.bind(id)} AS metric, period_idx${columns}, ${values} FROM agg WHERE set_id = ${setId(set)}`;
        const mine = statisticsFor(spec, r.grouping);
        const rows = [
          row(spec.id, "value, numerator, denominator"),
          ...statistics.flatMap((st, j) =>
            mine.includes(st)
              ? [
                  row(
                    st.id,
                    `s${j} AS value, ${text(undefined)} AS numerator, ${text(undefined)} AS denominator`,
                  ),
                ]
              : [],
          ),
        ].join("\nUNION ALL\n");
        const domain = breakdownOf(spec, r.grouping)?.domain;
        if (!domain) return `SELECT ${req} AS req, a.* FROM (${rows}) a`;
        // Every group of the breakdown in every period, so an empty stage reads 0/0 (null), as `compileRows` does.
        const ids = [spec.id, ...mine.map((st) => st.id)].map((id) => `SELECT ${ctx.bind(id)} AS metric`);
        const on = r.grouping.keys.map((_, i) => ` AND a.g${i} IS NOT DISTINCT FROM dom.g${i}`).join("");
        const filled = Array.from(
          { length: width },
          (_, i) => `, ${i < r.grouping.keys.length ? `dom.g${i}` : "NULL"} AS g${i}`,
        ).join("");
        return `SELECT ${req} AS req, m.metric, p.idx AS period_idx${filled}, a.value, a.numerator, a.denominator
          FROM ${ctx.rel("periods")} p CROSS JOIN (${ids.join(" UNION ALL ")}) m CROSS JOIN (${domain(ctx)}) dom
          LEFT JOIN (${rows}) a ON a.period_idx = p.idx AND a.metric = m.metric${on}`;
      });
      // Every key in one list: a customer grouping's rows carry built-in keys too (breakdownWithin).
      const rows = spec.rows(ctx, { keys, source: keys.length === 0 ? "total" : "customer" });
      return `WITH r AS (${rows}), agg AS MATERIALIZED (${agg})
        ${branches.join("\nUNION ALL\n")}`;
    },
  };
}

/** A metric defined by a list of rows and terms over them (see `RowMetricSpec`). */
export function rowMetric(spec: RowMetricSpec): MetricDefinition {
  const {
    rows: _rows,
    terms: _terms,
    entity: _entity,
    statistics,
    builtInBreakdowns,
    plainRows: _plainRows,
    ...rest
  } = spec;
  const combined = combinedRows(spec);
  // A metric with only built-in breakdowns that need rows of their own has nothing to combine.
  const combines =
    spec.hasTotal !== false ||
    spec.customerDimensions !== "none" ||
    (spec.plainRows === true && (spec.builtInBreakdowns ?? []).length > 0);
  const metric: MetricDefinition = {
    ...rest,
    ...(statistics && statistics.length > 0 ? { siblings: statistics.map((s) => s.id) } : {}),
    ...(builtInBreakdowns ? { builtInBreakdowns: builtInBreakdowns.map((b) => ({ keys: b.keys })) } : {}),
    ...(combines ? { combined } : {}),
    compile(ctx, grouping) {
      const request = { metric, grouping };
      return combines && combined.accepts?.(request)
        ? compileOneRequest(combined, ctx, request)
        : compileRows(spec, ctx, grouping);
    },
    drill: (ctx, grouping) => drillRows(spec, ctx, grouping),
  };
  return metric;
}

/** Mean terms over `r.x`: numerator = Σ x, denominator = count (METRICS.md "Output"). */
export const MEAN_TERMS: readonly RowTerm[] = [{ part: "numerator", amount: "r.x" }, { part: "denominator" }];

/**
 * Mean terms of a duration: the rows give `r.x` (in the unit, for the
 * drill-down and percentiles) and `r.x_ms` (whole milliseconds); the
 * numerator sums the milliseconds exactly and converts once.
 */
export function durationMeanTerms(msPerUnit: number): readonly RowTerm[] {
  return [
    { part: "numerator", amount: "r.x", exact: { amount: "r.x_ms", divisor: msPerUnit } },
    { part: "denominator" },
  ];
}

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** The `_median` and `_p90` siblings of a mean over `r.x` (continuous percentiles). */
export function percentileSiblings(id: string): readonly RowStatistic[] {
  return [
    { id: `${id}_median`, value: (ctx) => ctx.dialect.percentileCont(0.5, "r.x") },
    { id: `${id}_p90`, value: (ctx) => ctx.dialect.percentileCont(0.9, "r.x") },
  ];
}

/**
 * How a rows query names its groups: the customer's columns for `--by` or
 * the metric's own dimensions (`own`: name → expression), a built-in
 * breakdown's expressions, or nothing for the total. Returns `, e0 AS g0, …`
 * and the join it needs. Every row keeps its place under `--by`: a row
 * without a (known) customer falls in the `null` bucket, so the segments add
 * up to the total. A customer grouping nested in a built-in breakdown
 * (`breakdownWithin`: per stage, per region) takes the built-in keys from `builtIn`.
 */
export function groupSelect(
  ctx: MetricContext,
  grouping: Grouping,
  customerId: string,
  builtIn: Readonly<Record<string, string>> = {},
  own: Readonly<Record<string, string>> = {},
): { columns: string; join: string } {
  if (grouping.source === "customer") {
    const notCustomer = (k: string) => Object.hasOwn(own, k) || Object.hasOwn(builtIn, k);
    const expression = (k: string) => own[k] ?? builtIn[k] ?? `c.${ctx.q(k)}`;
    return {
      columns: grouping.keys.map((k, i) => `, ${expression(k)} AS g${i}`).join(""),
      join: grouping.keys.every(notCustomer)
        ? ""
        : `LEFT JOIN ${ctx.rel("customers")} c ON c.customer_id = ${customerId}`,
    };
  }
  const columns = grouping.keys.map((k, i) => `, ${builtIn[k] ?? "NULL"} AS g${i}`).join("");
  return { columns, join: "" };
}

/** `x >= p.start_at AND x < p.end_at`: an instant inside period `p`. */
export function inPeriod(instant: string, period = "p"): string {
  return `${instant} >= ${period}.start_at AND ${instant} < ${period}.end_at`;
}
