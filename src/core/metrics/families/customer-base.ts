import type { MetricContext } from "../context/metric-context.js";
import {
  type CombinedCompiler,
  compileOneRequest,
  type Grouping,
  type MetricDefinition,
} from "../definition/metric-definition.js";
import { groupingSetsSql } from "../fragments/grouping-sets.js";
import {
  countIf,
  customerGroupExpressions,
  drillColumns,
  groupBy,
  metricColumns,
  type Part,
} from "../fragments/sql-helpers.js";

/**
 * METRICS.md §1. Every number is a signed count of rows of
 * `period_customers` (one row per period and acquired customer, flagged
 * active at start, active at end, acquired in the period), so one list of
 * terms gives both the SQL aggregate and the drill-down.
 */
interface Term {
  readonly part: Part;
  /** Condition over `pc` (period_customers), `c` (customers) and `p` (periods). */
  readonly when: string | ((ctx: MetricContext) => string);
  readonly sign?: 1 | -1;
  readonly label: string;
}

const ACTIVE_START: Term = { part: "denominator", when: "pc.active_start", label: "active at start" };
const CHURNED = "pc.active_start AND NOT pc.active_end";
type From = (ctx: MetricContext) => string;
const FROM: From = (ctx) =>
  `FROM ${ctx.rel("period_customers")} pc JOIN ${ctx.rel("customers")} c ON c.customer_id = pc.customer_id JOIN ${ctx.rel("periods")} p ON p.idx = pc.idx`;
/**
 * The same with `pr`, the customer's net revenue row of the period when they
 * ordered in it (period_customer_revenue: one row per period and customer),
 * an equi-join instead of an EXISTS probe per row.
 */
const FROM_WITH_ORDERS: From = (ctx) =>
  `${FROM(ctx)} LEFT JOIN ${ctx.rel("period_customer_revenue")} pr ON pr.idx = pc.idx AND pr.customer_id = pc.customer_id`;

const condition = (ctx: MetricContext, t: Term) => (typeof t.when === "string" ? t.when : t.when(ctx));

function aggregate(ctx: MetricContext, terms: readonly Term[], part: Part): string | undefined {
  const mine = terms.filter((t) => t.part === part);
  if (mine.length === 0) return undefined;
  return `(${mine.map((t) => `${t.sign === -1 ? "-" : ""}${countIf(condition(ctx, t))}`).join(" + ")})`;
}

function compileTerms(id: string, terms: readonly Term[]) {
  return (ctx: MetricContext, grouping: Grouping): string =>
    `SELECT ${metricColumns(ctx, id, "pc.idx", grouping, customerGroupExpressions(ctx, grouping, "c"), {
      value: aggregate(ctx, terms, "value"),
      numerator: aggregate(ctx, terms, "numerator"),
      denominator: aggregate(ctx, terms, "denominator"),
    })}
    ${FROM(ctx)}
    ${groupBy(ctx, "pc.idx", grouping)}`;
}

/** The terms of each metric the combined query serves. */
const TERMS = new Map<string, readonly Term[]>();

/** Term metrics and groupings in one scan of `period_customers` (GROUPING SETS). */
const termsCompiler = (from: From): CombinedCompiler => ({
  compile: (ctx, requests) =>
    groupingSetsSql(ctx, requests, {
      periodIdx: "pc.idx",
      from: () => from(ctx),
      aggregates: ({ metric }) => {
        const terms = TERMS.get(metric.id) ?? [];
        return {
          value: aggregate(ctx, terms, "value"),
          numerator: aggregate(ctx, terms, "numerator"),
          denominator: aggregate(ctx, terms, "denominator"),
        };
      },
    }),
});

const COMBINED_TERMS = termsCompiler(FROM);
// active_purchase_rate scans apart: the join with the period's orders would slow the shared scan.
const COMBINED_ORDER_TERMS = termsCompiler(FROM_WITH_ORDERS);

function drillTerms(terms: readonly Term[], from: From) {
  return (ctx: MetricContext, grouping: Grouping): string =>
    terms
      .map(
        (t) => `SELECT ${drillColumns(ctx, "pc.idx", grouping, customerGroupExpressions(ctx, grouping, "c"), {
          part: t.part,
          entity: "customers",
          recordId: "pc.customer_id",
          amount: t.sign === -1 ? "-1" : "NULL",
          detail: `${ctx.bind(t.label)}`,
        })}
        ${from(ctx)} WHERE ${condition(ctx, t)}`,
      )
      .join("\nUNION ALL\n");
}

type TermMetric = Omit<
  MetricDefinition,
  "compile" | "drill" | "family" | "requires" | "customerDimensions"
> & {
  readonly terms: readonly Term[];
  readonly requires?: MetricDefinition["requires"];
  /** The metric's terms read the period's orders (`pr`, FROM_WITH_ORDERS). */
  readonly withOrders?: true;
};

function termMetric(m: TermMetric): MetricDefinition {
  const { terms, withOrders, ...rest } = m;
  const [combined, from] = withOrders ? [COMBINED_ORDER_TERMS, FROM_WITH_ORDERS] : [COMBINED_TERMS, FROM];
  TERMS.set(m.id, terms);
  const metric: MetricDefinition = {
    family: "customers",
    requires: ["customers"],
    customerDimensions: "all",
    ...rest,
    combined,
    compile: (ctx, grouping) => compileOneRequest(combined, ctx, { metric, grouping }),
    drill: drillTerms(terms, from),
  };
  return metric;
}

const growthMetric: MetricDefinition = {
  id: "customer_base_growth_rate",
  family: "customers",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  requires: ["customers"],
  customerDimensions: "all",
  formula: "N / B, B = customers acquired before start (method all) or S (method active)",
  params: [
    {
      name: "method",
      description: "all: every customer acquired before start; active: S",
      default: "all",
      range: { kind: "choice", values: ["all", "active"] },
    },
  ],
  compile(ctx, grouping) {
    if (ctx.param("method", "all") === "active") return compileTerms(this.id, GROWTH_ACTIVE)(ctx, grouping);
    return `SELECT ${metricColumns(
      ctx,
      this.id,
      "p.idx",
      grouping,
      customerGroupExpressions(ctx, grouping, "c"),
      {
        numerator: countIf("c.acquired_eff >= p.start_at"),
        denominator: countIf("c.acquired_eff < p.start_at"),
      },
    )}
      ${GROWTH_FROM(ctx)}
      ${groupBy(ctx, "p.idx", grouping)}`;
  },
  drill(ctx, grouping) {
    if (ctx.param("method", "all") === "active") return drillTerms(GROWTH_ACTIVE, FROM)(ctx, grouping);
    const row = (part: Part, when: string, label: string) =>
      `SELECT ${drillColumns(ctx, "p.idx", grouping, customerGroupExpressions(ctx, grouping, "c"), {
        part,
        entity: "customers",
        recordId: "c.customer_id",
        detail: ctx.bind(label),
      })} ${GROWTH_FROM(ctx)} WHERE ${when}`;
    return `${row("numerator", "c.acquired_eff >= p.start_at", "acquired in the period")}
      UNION ALL ${row("denominator", "c.acquired_eff < p.start_at", "acquired before start")}`;
  },
};

const GROWTH_FROM = (ctx: MetricContext) =>
  `FROM ${ctx.rel("periods")} p JOIN ${ctx.rel("customers")} c ON c.acquired_eff < p.end_at`;
const GROWTH_ACTIVE: readonly Term[] = [
  { part: "numerator", when: "pc.acquired_in", label: "acquired in the period" },
  ACTIVE_START,
];

export const customerBaseMetrics: readonly MetricDefinition[] = [
  termMetric({
    id: "new_customers",
    kind: "count",
    unit: "customers",
    direction: "up",
    formula: "N = #customers with acquired_at in P",
    terms: [{ part: "value", when: "pc.acquired_in", label: "acquired in the period" }],
  }),
  termMetric({
    id: "churned_customers",
    kind: "count",
    unit: "customers",
    direction: "down",
    formula: "#customers active at start and not active at end",
    terms: [{ part: "value", when: CHURNED, label: "active at start, not at end" }],
  }),
  termMetric({
    id: "customer_churn_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "down",
    formula: "churned customers / S (customers active at start)",
    terms: [{ part: "numerator", when: CHURNED, label: "active at start, not at end" }, ACTIVE_START],
  }),
  termMetric({
    id: "customer_retention_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    formula: "(E − N) / S",
    terms: [
      { part: "numerator", when: "pc.active_end", label: "active at end" },
      { part: "numerator", when: "pc.acquired_in", sign: -1, label: "acquired in the period (subtracted)" },
      ACTIVE_START,
    ],
  }),
  termMetric({
    id: "reactivated_customers",
    kind: "count",
    unit: "customers",
    direction: "up",
    formula: "#customers active at end, not at start, acquired before start",
    terms: [
      {
        part: "value",
        when: "pc.active_end AND NOT pc.active_start AND c.acquired_eff < p.start_at",
        label: "active at end, not at start, acquired before",
      },
    ],
  }),
  termMetric({
    id: "net_customer_change",
    kind: "count",
    unit: "customers",
    direction: "up",
    formula: "N − churned customers",
    terms: [
      { part: "value", when: "pc.acquired_in", label: "acquired in the period" },
      { part: "value", when: CHURNED, sign: -1, label: "churned (subtracted)" },
    ],
  }),
  growthMetric,
  termMetric({
    id: "active_purchase_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    requires: ["customers", "orders"],
    withOrders: true,
    formula: "#customers in E with an order in P / E",
    terms: [
      {
        part: "numerator",
        when: "pc.active_end AND pr.customer_id IS NOT NULL",
        label: "active at end with an order in the period",
      },
      { part: "denominator", when: "pc.active_end", label: "active at end" },
    ],
  }),
];
