import {
  type CombinedCompiler,
  compileOneRequest,
  type MetricDefinition,
} from "../definition/metric-definition.js";
import { groupingSetsSql } from "../fragments/grouping-sets.js";
import { customerJoin, drillParts, type MoneyPart } from "../fragments/money-rows.js";

/**
 * METRICS.md §2, MRR and its movements. Each customer's MRR is read at the
 * start of P (s) and just before its end (e), both from `period_mrr`; every
 * number is a sum over customers of one expression in s and e, so one list of
 * terms gives the SQL and the drill-down. Paying means MRR > 0; movements are
 * positive amounts.
 */
interface MrrTerm {
  readonly part: MoneyPart["part"];
  /** Condition over `m.s`, `m.e`, `m.customer_id` and `p` (periods). */
  readonly when: string;
  readonly amount: string;
}

const PAYING_AT_START = "m.s > 0";
const NOT_PAYING_AT_START = "m.s <= 0 AND m.e > 0";
/** A paid term began before P: the customer paid once and comes back (a trial turning paid is new). */
const PAID_BEFORE = "m.paid_before";

function mrrPart(term: MrrTerm): MoneyPart {
  return {
    part: term.part,
    entity: "customers",
    recordId: "m.customer_id",
    amount: () => term.amount,
    detail: () => `'MRR at start ' || CAST(m.s AS VARCHAR) || ', at end ' || CAST(m.e AS VARCHAR)`,
    from: (ctx, grouping) =>
      `FROM ${ctx.rel("period_mrr")} m JOIN ${ctx.rel("periods")} p ON p.idx = m.idx
        ${customerJoin(ctx, grouping, "m.customer_id")}
        WHERE ${term.when}`,
  };
}

type MrrMetric = Omit<
  MetricDefinition,
  "compile" | "drill" | "family" | "customerDimensions" | "requires" | "unit"
> & {
  readonly unit?: MetricDefinition["unit"];
  readonly terms: readonly MrrTerm[];
};

/** The terms of each MRR metric the combined scan serves. */
const TERMS = new Map<string, readonly MrrTerm[]>();

/** Every MRR metric and grouping in one scan of `period_mrr`: each part a conditional sum. */
const COMBINED_MRR: CombinedCompiler = {
  compile: (ctx, requests) =>
    groupingSetsSql(ctx, requests, {
      periodIdx: "p.idx",
      from: (withCustomers) =>
        `FROM ${ctx.rel("period_mrr")} m JOIN ${ctx.rel("periods")} p ON p.idx = m.idx
          ${withCustomers ? `LEFT JOIN ${ctx.rel("customers")} c ON c.customer_id = m.customer_id` : ""}`,
      knownCustomer: "c.customer_id IS NOT NULL",
      aggregates: ({ metric }) => {
        const terms = TERMS.get(metric.id) ?? [];
        const sum = (part: MrrTerm["part"]) => {
          const of = terms.filter((t) => t.part === part);
          if (of.length === 0) return undefined;
          return of.map((t) => `COALESCE(SUM(CASE WHEN ${t.when} THEN ${t.amount} END), 0)`).join(" + ");
        };
        return {
          value: sum("value"),
          numerator: sum("numerator"),
          denominator: sum("denominator"),
          // A group without any of the metric's rows has no row, as in the metric's own query.
          rows: `COUNT(CASE WHEN ${terms.map((t) => `(${t.when})`).join(" OR ")} THEN 1 END)`,
        };
      },
    }),
};

function mrrMetric(m: MrrMetric): MetricDefinition {
  const { terms, ...rest } = m;
  TERMS.set(m.id, terms);
  const metric: MetricDefinition = {
    family: "revenue",
    requires: ["subscriptions"],
    customerDimensions: "all",
    unit: "money",
    ...rest,
    combined: COMBINED_MRR,
    compile: (ctx, grouping) => compileOneRequest(COMBINED_MRR, ctx, { metric, grouping }),
    drill: drillParts(terms.map(mrrPart)),
  };
  return metric;
}

const MRR_START: MrrTerm = { part: "denominator", when: PAYING_AT_START, amount: "m.s" };

export const mrrMetrics: readonly MetricDefinition[] = [
  mrrMetric({
    id: "mrr",
    kind: "sum",
    direction: "up",
    formula: "at end − ε: Σ over active terms of amount / months(interval) (month 1, quarter 3, year 12)",
    terms: [{ part: "value", when: "m.e <> 0", amount: "m.e" }],
  }),
  mrrMetric({
    id: "mrr_new",
    kind: "sum",
    direction: "up",
    formula: "Σ MRR at end of customers with MRR 0 at start and no earlier paid term",
    terms: [{ part: "value", when: `${NOT_PAYING_AT_START} AND NOT ${PAID_BEFORE}`, amount: "m.e" }],
  }),
  mrrMetric({
    id: "mrr_expansion",
    kind: "sum",
    direction: "up",
    formula: "Σ (MRR at end − MRR at start) of customers paying at start whose MRR grew",
    terms: [{ part: "value", when: `${PAYING_AT_START} AND m.e > m.s`, amount: "m.e - m.s" }],
  }),
  mrrMetric({
    id: "mrr_contraction",
    kind: "sum",
    direction: "down",
    formula: "Σ (MRR at start − MRR at end) of customers paying at start and at end whose MRR shrank",
    terms: [{ part: "value", when: `${PAYING_AT_START} AND m.e > 0 AND m.e < m.s`, amount: "m.s - m.e" }],
  }),
  mrrMetric({
    id: "mrr_churned",
    kind: "sum",
    direction: "down",
    formula: "Σ MRR at start of customers paying at start and not at end",
    terms: [{ part: "value", when: `${PAYING_AT_START} AND m.e <= 0`, amount: "m.s" }],
  }),
  mrrMetric({
    id: "mrr_reactivation",
    kind: "sum",
    direction: "up",
    formula: "Σ MRR at end of customers with MRR 0 at start and an earlier term with amount > 0",
    terms: [{ part: "value", when: `${NOT_PAYING_AT_START} AND ${PAID_BEFORE}`, amount: "m.e" }],
  }),
  mrrMetric({
    id: "net_revenue_retention",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    // Per customer paying at start, s + expansion − contraction − churn is just e.
    formula: "(MRR_start + mrr_expansion − mrr_contraction − mrr_churned) / MRR_start",
    terms: [{ part: "numerator", when: PAYING_AT_START, amount: "m.e" }, MRR_START],
  }),
  mrrMetric({
    id: "gross_revenue_retention",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    // Per customer paying at start, s − contraction − churn is min(s, e).
    formula: "(MRR_start − mrr_contraction − mrr_churned) / MRR_start",
    terms: [
      { part: "numerator", when: PAYING_AT_START, amount: "CASE WHEN m.e < m.s THEN m.e ELSE m.s END" },
      MRR_START,
    ],
  }),
];
