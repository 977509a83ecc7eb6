import { CrmKpiError } from "../../errors.js";
import type { MetricContext } from "../context/metric-context.js";
import {
  type CombinedCompiler,
  compileOneRequest,
  type Grouping,
  type MetricDefinition,
  type MetricParam,
} from "../definition/metric-definition.js";
import { groupingSetsSql } from "../fragments/grouping-sets.js";
import { customerJoin, drillParts, type MoneyPart } from "../fragments/money-rows.js";
import { customerGroupExpressions, drillColumns, metricColumns } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §2, order-based revenue. Every number is a sum of signed order
 * amounts (`amount_base`; a refund counts −|amount|) over the orders of a
 * period that pass a condition; a rate compares two such sums.
 */
type OrderWindow = "current" | "previous";

interface OrderPart {
  readonly part: MoneyPart["part"];
  /** Which period the orders fall in: P, or P−1 for a rate against the period before. */
  readonly window?: OrderWindow;
  /** Condition over `o` (orders, with their customer's acquired_eff), `c` (customers) and `p` (periods). */
  readonly when?: (ctx: MetricContext, window: OrderWindow) => string;
}

function orderPart(spec: OrderPart): MoneyPart {
  const window = spec.window ?? "current";
  // Orders of P (or P−1) with their customer's acquired_eff, joined by range once per report.
  const orders = window === "current" ? "period_orders" : "previous_period_orders";
  return {
    part: spec.part,
    entity: "orders",
    recordId: "o.order_id",
    amount: () => "o.amount",
    detail: () =>
      `o.type || ' ' || CAST(o.ordered_at AS VARCHAR) || ' customer ' || CAST(o.customer_id AS VARCHAR)`,
    from: (ctx, grouping) =>
      `FROM ${ctx.rel("periods")} p JOIN ${ctx.rel(orders)} o ON o.idx = p.idx
       ${customerJoin(ctx, grouping, "o.customer_id")}
       ${spec.when ? `WHERE ${spec.when(ctx, window)}` : ""}`,
  };
}

/** Customers acquired before the start of P (or of P−1); the order rows carry their customer's acquired_eff. */
const acquiredBefore = (_ctx: MetricContext, window: OrderWindow) =>
  `o.acquired_eff < ${window === "current" ? "p.start_at" : "p.prev_start_at"}`;

const DAYS_PER_UNIT: Readonly<Record<string, number>> = { d: 1, w: 7, m: 30, y: 365 };

/** Days of a new-revenue window (`30d`, `2w`, `1m` = 30 d, `1y` = 365 d). */
export function windowDays(window: string): number {
  const match = /^(\d+)([dwmy])$/.exec(window.trim());
  const unit = match?.[2];
  if (!match || unit === undefined) {
    throw new CrmKpiError(
      "bad_argument",
      `new revenue window "${window}" is not first_order or a duration such as 30d, 2w, 1m, 1y`,
      { param: "window", value: window },
    );
  }
  return Number(match[1]) * (DAYS_PER_UNIT[unit] ?? 1);
}

/**
 * Orders inside their customer's new window: `first_order` = the customer's
 * first order by (ordered_at, order_id), any type; a duration d = orders
 * before acquired_at + d.
 */
function insideNewWindow(ctx: MetricContext): string {
  const window = ctx.param("window", ctx.settings.new_revenue_window);
  if (window === "first_order") {
    return "o.first_order";
  }
  return `o.ordered_at < ${ctx.dialect.addSeconds("o.acquired_eff", ctx.days(windowDays(window)))}`;
}

const WINDOW_PARAM: MetricParam = {
  name: "window",
  description:
    "first_order, or a duration Nd, Nw (7 d), Nm (30 d), Ny (365 d); default: the dataset's new_revenue_window",
  default: "first_order",
  range: { kind: "duration", minDays: 1, maxDays: 3650, also: ["first_order"] },
};

const TOP_PARAM: MetricParam = {
  name: "top_percent",
  description: "the share of paying customers at the top, in percent (rounded up to whole customers)",
  default: "20",
  range: { kind: "number", min: 1, max: 100, integer: true },
};

function topPercent(ctx: MetricContext): number {
  const text = ctx.param(TOP_PARAM.name, TOP_PARAM.default);
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new CrmKpiError("bad_argument", `top_percent "${text}" must be a whole number from 1 to 100`, {
      param: TOP_PARAM.name,
      value: text,
    });
  }
  return value;
}

type OrderMetric = Omit<MetricDefinition, "compile" | "drill" | "family" | "customerDimensions"> & {
  readonly parts: readonly OrderPart[];
};

/** The parts of each order metric the combined scan serves. */
const PARTS = new Map<string, readonly OrderPart[]>();

/**
 * The order metrics and their groupings in one scan of the period's orders
 * (and of P−1's when a rate needs them): each part a conditional sum.
 */
const COMBINED_ORDERS: CombinedCompiler = {
  compile(ctx, requests) {
    const parts = (id: string) => PARTS.get(id) ?? [];
    const previous = requests.some((r) => parts(r.metric.id).some((p) => p.window === "previous"));
    const columns = "o.idx, o.order_id, o.customer_id, o.ordered_at, o.amount, o.acquired_eff, o.first_order";
    const orders = previous
      ? `(SELECT ${ctx.bind("current")} AS w, ${columns} FROM ${ctx.rel("period_orders")} o
          UNION ALL SELECT ${ctx.bind("previous")} AS w, ${columns} FROM ${ctx.rel("previous_period_orders")} o)`
      : `(SELECT ${ctx.bind("current")} AS w, ${columns} FROM ${ctx.rel("period_orders")} o)`;
    const rowsOf = (part: OrderPart) => {
      const window = part.window ?? "current";
      return [`o.w = ${ctx.bind(window)}`, ...(part.when ? [`(${part.when(ctx, window)})`] : [])].join(
        " AND ",
      );
    };
    return groupingSetsSql(ctx, requests, {
      periodIdx: "p.idx",
      from: (withCustomers) =>
        `FROM ${ctx.rel("periods")} p JOIN ${orders} o ON o.idx = p.idx
         ${withCustomers ? `LEFT JOIN ${ctx.rel("customers")} c ON c.customer_id = o.customer_id` : ""}`,
      knownCustomer: "c.customer_id IS NOT NULL",
      aggregates: ({ metric }) => {
        const mine = parts(metric.id);
        const sum = (part: MoneyPart["part"]) => {
          const of = mine.filter((p) => p.part === part);
          if (of.length === 0) return undefined;
          return of.map((p) => `COALESCE(SUM(CASE WHEN ${rowsOf(p)} THEN o.amount END), 0)`).join(" + ");
        };
        return {
          value: sum("value"),
          numerator: sum("numerator"),
          denominator: sum("denominator"),
          // A group without any of the metric's orders has no row, as in the metric's own query.
          rows: `COUNT(CASE WHEN ${mine.map((p) => `(${rowsOf(p)})`).join(" OR ")} THEN 1 END)`,
        };
      },
    });
  },
};

function orderMetric(m: OrderMetric): MetricDefinition {
  const { parts, ...rest } = m;
  PARTS.set(m.id, parts);
  const metric: MetricDefinition = {
    family: "revenue",
    customerDimensions: "all",
    ...rest,
    combined: COMBINED_ORDERS,
    compile: (ctx, grouping) => compileOneRequest(COMBINED_ORDERS, ctx, { metric, grouping }),
    drill: drillParts(parts.map(orderPart)),
  };
  return metric;
}

/**
 * Net revenue per paying customer (net > 0) in P, ranked: highest first, ties
 * by customer_id. Grouped by a customer dimension, the ranking is within the group.
 * Without `byId`, ties keep no order: the sum of the top ranks is the same
 * whichever tied customer takes the last one, and the sort skips comparing text ids.
 */
function rankedCustomers(ctx: MetricContext, grouping: Grouping, byId: boolean): string {
  const groups = customerGroupExpressions(ctx, grouping, "c");
  const groupCols = groups.map((g, i) => `, ${g} AS g${i}`).join("");
  const partition = `x.period_idx${ctx.groupNames(grouping, "x.")}`;
  return `SELECT x.*, ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY x.revenue DESC${byId ? `, ${ctx.dialect.binaryOrder("x.customer_id")}` : ""}) AS rank_no,
           COUNT(*) OVER (PARTITION BY ${partition}) AS paying
    FROM (
      SELECT o.idx AS period_idx${groupCols}, o.customer_id, o.revenue
      FROM ${ctx.rel("period_customer_revenue")} o ${customerJoin(ctx, grouping, "o.customer_id")}
    ) x WHERE x.revenue > 0`;
}

/** rank ≤ ceil(n · pct / 100), in integers so no float rounding moves the cut. */
const inTop = (ctx: MetricContext) => `100 * (r.rank_no - 1) < ${ctx.bind(topPercent(ctx))} * r.paying`;

const concentrationMetric: MetricDefinition = {
  id: "revenue_concentration_top20",
  family: "revenue",
  kind: "ratio",
  unit: "fraction",
  direction: "down",
  requires: ["orders"],
  customerDimensions: "all",
  formula:
    "Σ net revenue in P of the top ceil(20 % × n) paying customers / Σ net revenue in P of the n paying customers " +
    "(paying = net revenue in P > 0, refunds subtracted; ranked by net revenue, ties by customer_id)",
  params: [TOP_PARAM],
  compile(ctx, grouping) {
    return `SELECT ${metricColumns(
      ctx,
      this.id,
      "r.period_idx",
      grouping,
      grouping.keys.map((_, i) => `r.g${i}`),
      { numerator: `SUM(CASE WHEN ${inTop(ctx)} THEN r.revenue ELSE 0 END)`, denominator: "SUM(r.revenue)" },
    )}
      FROM (${rankedCustomers(ctx, grouping, false)}) r
      GROUP BY r.period_idx${ctx.groupNames(grouping, "r.")}`;
  },
  drill(ctx, grouping) {
    const row = (part: "numerator" | "denominator", where: string) =>
      `SELECT ${drillColumns(
        ctx,
        "r.period_idx",
        grouping,
        grouping.keys.map((_, i) => `r.g${i}`),
        {
          part,
          entity: "customers",
          recordId: "r.customer_id",
          amount: "r.revenue",
          detail: `'rank ' || CAST(r.rank_no AS VARCHAR) || ' of ' || CAST(r.paying AS VARCHAR) || ' paying customers'`,
        },
      )} FROM (${rankedCustomers(ctx, grouping, true)}) r ${where}`;
    return `${row("numerator", `WHERE ${inTop(ctx)}`)} UNION ALL ${row("denominator", "")}`;
  },
};

export const revenueMetrics: readonly MetricDefinition[] = [
  orderMetric({
    id: "revenue",
    kind: "sum",
    unit: "money",
    direction: "up",
    requires: ["orders"],
    formula: "Σ order amounts with ordered_at in P (a refund counts −|amount|)",
    parts: [{ part: "value" }],
  }),
  orderMetric({
    id: "net_new_revenue",
    kind: "sum",
    unit: "money",
    direction: "up",
    requires: ["orders"],
    formula:
      "Σ order amounts in P of orders inside their customer's new window (first_order: the first order by (ordered_at, order_id); duration d: ordered_at < acquired_at + d)",
    params: [WINDOW_PARAM],
    parts: [{ part: "value", when: (ctx) => insideNewWindow(ctx) }],
  }),
  orderMetric({
    id: "expansion_revenue",
    kind: "sum",
    unit: "money",
    direction: "up",
    requires: ["orders", "customers"],
    formula: "Σ order amounts in P from customers acquired before start",
    parts: [{ part: "value", when: acquiredBefore }],
  }),
  orderMetric({
    id: "expansion_revenue_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    requires: ["orders", "customers"],
    formula: "expansion_revenue(P) / expansion_revenue(P−1)",
    parts: [
      { part: "numerator", when: acquiredBefore },
      { part: "denominator", window: "previous", when: acquiredBefore },
    ],
  }),
  concentrationMetric,
];
