import type { MetricContext } from "../context/metric-context.js";
import type { Grouping, MetricRequest } from "../definition/metric-definition.js";
import { type Aggregates, NO_NUMBER, type Part } from "./sql-helpers.js";

/** A metric's aggregates in a combined scan, and when it has a row at all. */
export interface CombinedAggregates extends Aggregates {
  /**
   * An aggregate that is 0 when none of the metric's rows is in the group: the
   * group then gives no row, as the metric's own query would not (absent: every group has a row).
   */
  readonly rows?: string;
}

export interface GroupingSetsScan {
  /** The period index over the scanned rows (`pc.idx`). */
  readonly periodIdx: string;
  /** FROM … over the scanned rows, joining the customers as `c` when `withCustomers`. */
  readonly from: (withCustomers: boolean) => string;
  /**
   * True on a row that has a customer, for a scan that LEFT JOINs the
   * customers: a customer grouping counts only those (as an inner join would);
   * absent: every row has one.
   */
  readonly knownCustomer?: string;
  readonly aggregates: (request: MetricRequest) => CombinedAggregates;
}

const PARTS: readonly (Part | "rows")[] = ["value", "numerator", "denominator", "rows"];

/**
 * Several requests over one scan: one GROUPING SETS aggregate (the period,
 * plus each customer grouping's keys) with each metric's aggregates as
 * columns, then one branch per request reading its grouping set's rows.
 * Returns the rows a `CombinedCompiler` returns (`req`, `metric`,
 * `period_idx`, `g0`…, `value`, `numerator`, `denominator`). Only totals and
 * customer groupings: the keys are customer columns.
 */
export function groupingSetsSql(
  ctx: MetricContext,
  requests: readonly MetricRequest[],
  scan: GroupingSetsScan,
): string {
  const keys = [...new Set(requests.flatMap((r) => customerKeys(r.grouping)))];
  const known = keys.length > 0 ? scan.knownCustomer : undefined;
  const keyExprs = [...(known ? [known] : []), ...keys.map((k) => `c.${ctx.q(k)}`)];
  const exprOf = (k: string) => `c.${ctx.q(k)}`;
  const width = Math.max(...requests.map((r) => r.grouping.keys.length));
  const ids = [...new Set(requests.map((r) => r.metric.id))];
  const aggregates = ids.map((id) =>
    scan.aggregates(requests.find((r) => r.metric.id === id) as MetricRequest),
  );
  const columns = aggregates.flatMap((a, m) =>
    PARTS.map((part) => `, ${a[part] ?? NO_NUMBER} AS m${m}_${part}`),
  );
  const sets = [...new Set(requests.map((r) => customerKeys(r.grouping).join("\u0000")))].map((set) =>
    set === "" ? [] : set.split("\u0000"),
  );
  const setExprs = (set: readonly string[]) =>
    set.length === 0 ? [] : [...(known ? [known] : []), ...set.map(exprOf)];
  const groupingSets = sets.map((set) => `(${[scan.periodIdx, ...setExprs(set)].join(", ")})`);
  // GROUPING(e0, e1…) has bit (n−1−i) set when e_i is rolled up: a NULL of the data stays a group.
  const setId = (set: readonly string[]) => {
    const mine = setExprs(set);
    return keyExprs.reduce((id, e, i) => (mine.includes(e) ? id : id | (1 << (keyExprs.length - 1 - i))), 0);
  };
  const branches = requests.map((r, req) => {
    const mine = customerKeys(r.grouping);
    const groups = Array.from({ length: width }, (_, i) => {
      const key = mine[i];
      return `, ${key === undefined ? "NULL" : `k${keys.indexOf(key) + (known ? 1 : 0)}`} AS g${i}`;
    }).join("");
    const m = ids.indexOf(r.metric.id);
    const where = [
      `set_id = ${setId(mine)}`,
      ...(known && mine.length > 0 ? ["k0"] : []),
      ...(aggregates[m]?.rows ? [`m${m}_rows > 0`] : []),
    ].join(" AND ");
    return `SELECT ${req} AS req, ${ctx.bind(r.metric.id)} AS metric, period_idx${groups},
      m${m}_value AS value, m${m}_numerator AS numerator, m${m}_denominator AS denominator
      FROM base WHERE ${where}`;
  });
  const keyColumns = keyExprs.map((e, i) => `, ${e} AS k${i}`).join("");
  const setColumn = keyExprs.length === 0 ? "0" : `GROUPING(${keyExprs.join(", ")})`;
  return `WITH base AS MATERIALIZED (
      SELECT ${scan.periodIdx} AS period_idx${keyColumns}, ${setColumn} AS set_id${columns.join("")}
      ${scan.from(keys.length > 0)}
      GROUP BY GROUPING SETS (${groupingSets.join(", ")}))
    ${branches.join("\nUNION ALL\n")}`;
}

function customerKeys(grouping: Grouping): readonly string[] {
  return grouping.source === "customer" ? grouping.keys : [];
}
