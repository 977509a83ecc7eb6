import type { MetricContext } from "../context/metric-context.js";
import type { Grouping } from "../definition/metric-definition.js";
import { customerGroupExpressions, drillColumns, metricColumns, type Part } from "./sql-helpers.js";

/**
 * Shared shape of the §2 money metrics: each metric is a list of parts, every
 * part a set of rows with an amount (an order, a customer's MRR, a due term).
 * The SQL aggregate sums the parts and the drill-down lists the same rows, so
 * the number and its explanation cannot drift apart.
 */
export interface MoneyPart {
  readonly part: Part;
  /** FROM … WHERE over `p` (periods) and `c` (customers, when grouped by a customer dimension). */
  readonly from: (ctx: MetricContext, grouping: Grouping) => string;
  /** The row's contribution; absent: the row counts 1. */
  readonly amount?: (ctx: MetricContext) => string;
  readonly entity: string;
  readonly recordId: string;
  /** Short text behind the row (an SQL expression). */
  readonly detail: (ctx: MetricContext) => string;
}

/**
 * Customers joined to the rows of `on` for a customer segment (only known
 * customers). A total needs no join: it keeps rows of unknown customers (total
 * revenue counts every order), so parts of a total must not read `c`.
 */
export function customerJoin(ctx: MetricContext, grouping: Grouping, on: string): string {
  return grouping.source === "customer" ? `JOIN ${ctx.rel("customers")} c ON c.customer_id = ${on}` : "";
}

/** A signed order amount in the base currency: a refund counts −|amount| whatever its sign. */
export function signedOrderAmount(ctx: MetricContext, alias = "o"): string {
  return `CASE WHEN ${alias}.type = ${ctx.bind("refund")} THEN -ABS(${alias}.amount_base) ELSE ${alias}.amount_base END`;
}

/** The rows of every part; `forSum` makes a counted row's amount 1 and skips the detail text. */
function partRows(
  ctx: MetricContext,
  grouping: Grouping,
  parts: readonly MoneyPart[],
  forSum: boolean,
): string {
  const groups = customerGroupExpressions(ctx, grouping, "c");
  return parts
    .map(
      (p) =>
        `SELECT ${drillColumns(ctx, "p.idx", grouping, groups, {
          part: p.part,
          entity: p.entity,
          recordId: forSum ? "NULL" : p.recordId,
          amount: p.amount?.(ctx) ?? (forSum ? "1" : "NULL"),
          detail: forSum ? "NULL" : p.detail(ctx),
        })} ${p.from(ctx, grouping)}`,
    )
    .join("\nUNION ALL\n");
}

function sumPart(ctx: MetricContext, parts: readonly MoneyPart[], part: Part): string | undefined {
  if (!parts.some((p) => p.part === part)) return undefined;
  return `COALESCE(SUM(CASE WHEN x.part = ${ctx.bind(part)} THEN x.amount END), 0)`;
}

/** `compile` of a metric made of parts. */
export function compileParts(id: string, parts: readonly MoneyPart[]) {
  return (ctx: MetricContext, grouping: Grouping): string =>
    `SELECT ${metricColumns(
      ctx,
      id,
      "x.period_idx",
      grouping,
      grouping.keys.map((_, i) => `x.g${i}`),
      {
        value: sumPart(ctx, parts, "value"),
        numerator: sumPart(ctx, parts, "numerator"),
        denominator: sumPart(ctx, parts, "denominator"),
      },
    )}
    FROM (${partRows(ctx, grouping, parts, true)}) x
    GROUP BY x.period_idx${ctx.groupNames(grouping, "x.")}`;
}

/** `drill` of a metric made of parts. */
export function drillParts(parts: readonly MoneyPart[]) {
  return (ctx: MetricContext, grouping: Grouping): string => partRows(ctx, grouping, parts, false);
}
