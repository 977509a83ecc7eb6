import type { MetricContext } from "../context/metric-context.js";
import { numberParam } from "../definition/duration-param.js";
import {
  type CombinedCompiler,
  compileOneRequest,
  type MetricDefinition,
} from "../definition/metric-definition.js";
import { GROSS_MARGIN_PARAM } from "../definition/shared-params.js";
import { groupingSetsSql } from "../fragments/grouping-sets.js";
import { customerJoin, drillParts, type MoneyPart } from "../fragments/money-rows.js";
import type { Aggregates } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §2, MRR and its movements. Each customer's MRR is read at the
 * start of P (s) and just before its end (e), both from `period_mrr`; every
 * number is a sum over customers of one expression in s and e, so one list of
 * terms gives the SQL and the drill-down. Paying means MRR > 0; movements are
 * positive amounts. The metrics peers have (ARR, ARPA, quick ratio, MRR churn
 * rates, MRR-based LTV: issue 12 part 4) are sums of the same terms.
 */
interface MrrTerm {
  readonly part: MoneyPart["part"];
  /** Condition over `m.s`, `m.e`, `m.customer_id` and `p` (periods). */
  readonly when: string;
  /** The customer's contribution; absent: the customer counts 1. */
  readonly amount?: string;
}

const PAYING_AT_START = "m.s > 0";
const PAYING_AT_END = "m.e > 0";
const NOT_PAYING_AT_START = "m.s <= 0 AND m.e > 0";
/** A paid term began before P: the customer paid once and comes back (a trial turning paid is new). */
const PAID_BEFORE = "m.paid_before";

function mrrPart(term: MrrTerm): MoneyPart {
  const amount = term.amount;
  return {
    part: term.part,
    entity: "customers",
    recordId: "m.customer_id",
    ...(amount === undefined ? {} : { amount: () => amount }),
    detail: () => `'MRR at start ' || CAST(m.s AS VARCHAR) || ', at end ' || CAST(m.e AS VARCHAR)`,
    from: (ctx, grouping) =>
      `FROM ${ctx.rel("period_mrr")} m JOIN ${ctx.rel("periods")} p ON p.idx = m.idx
        ${customerJoin(ctx, grouping, "m.customer_id")}
        WHERE ${term.when}`,
  };
}

/** Σ of the terms' amounts over a group (0 without rows); each term a conditional sum. */
type SumOf = (terms: readonly MrrTerm[]) => string;

const sumOf: SumOf = (terms) =>
  terms.map((t) => `COALESCE(SUM(CASE WHEN ${t.when} THEN ${t.amount ?? "1"} END), 0)`).join(" + ");

type MrrMetric = Omit<
  MetricDefinition,
  "compile" | "drill" | "family" | "customerDimensions" | "requires" | "unit"
> & {
  readonly unit?: MetricDefinition["unit"];
  /** The rows behind the number, and (without `aggregates`) the sum of each part. */
  readonly terms: readonly MrrTerm[];
  /** Numbers that are not one sum per part (mrr_ltv: a quotient of ratios), from sums of terms. */
  readonly aggregates?: (ctx: MetricContext, sum: SumOf) => Aggregates;
};

type MrrSpec = Pick<MrrMetric, "terms" | "aggregates">;

/** The terms of each MRR metric the combined scan serves. */
const SPECS = new Map<string, MrrSpec>();

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
        const { terms = [], aggregates } = SPECS.get(metric.id) ?? {};
        const sum = (part: MrrTerm["part"]) => {
          const of = terms.filter((t) => t.part === part);
          return of.length === 0 ? undefined : sumOf(of);
        };
        return {
          ...(aggregates
            ? aggregates(ctx, sumOf)
            : { value: sum("value"), numerator: sum("numerator"), denominator: sum("denominator") }),
          // A group without any of the metric's rows has no row, as in the metric's own query.
          rows: `COUNT(CASE WHEN ${terms.map((t) => `(${t.when})`).join(" OR ")} THEN 1 END)`,
        };
      },
    }),
};

function mrrMetric(m: MrrMetric): MetricDefinition {
  const { terms, aggregates, ...rest } = m;
  SPECS.set(m.id, { terms, ...(aggregates ? { aggregates } : {}) });
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

/** One customer's movement, as its own metric reports it (a positive amount). */
const MOVEMENT = {
  new: { part: "value", when: `${NOT_PAYING_AT_START} AND NOT ${PAID_BEFORE}`, amount: "m.e" },
  expansion: { part: "value", when: `${PAYING_AT_START} AND m.e > m.s`, amount: "m.e - m.s" },
  contraction: { part: "value", when: `${PAYING_AT_START} AND m.e > 0 AND m.e < m.s`, amount: "m.s - m.e" },
  churned: { part: "value", when: `${PAYING_AT_START} AND m.e <= 0`, amount: "m.s" },
  reactivation: { part: "value", when: `${NOT_PAYING_AT_START} AND ${PAID_BEFORE}`, amount: "m.e" },
} as const satisfies Record<string, MrrTerm>;

/** A term counted in another part, subtracted when `sign` is −1 (net churn takes expansion off). */
function inPart(part: MrrTerm["part"], term: MrrTerm, sign: 1 | -1 = 1): MrrTerm {
  const amount = term.amount ?? "1";
  return { ...term, part, amount: sign === 1 ? amount : `-(${amount})` };
}

const MRR_START: MrrTerm = { part: "denominator", when: PAYING_AT_START, amount: "m.s" };
const MRR_AT_END: MrrTerm = { part: "value", when: "m.e <> 0", amount: "m.e" };
/** MRR lost from customers paying at start: churned + contraction. */
const LOST = [MOVEMENT.churned, MOVEMENT.contraction] as const;

/** ARPA × gross_margin over the monthly gross MRR churn rate; the months of P scale P's churn to a month. */
function mrrLtvAggregates(ctx: MetricContext, sum: SumOf): Aggregates {
  const margin = numberParam(ctx, GROSS_MARGIN_PARAM.name, GROSS_MARGIN_PARAM.default);
  const double = (sql: string) => `CAST(${sql} AS DOUBLE PRECISION)`;
  const paying: MrrTerm = { part: "numerator", when: PAYING_AT_END };
  const mrrOfPaying: MrrTerm = { ...paying, amount: "m.e" };
  return {
    numerator: `${double(sum([mrrOfPaying]))} / NULLIF(${double(sum([paying]))}, 0) * ${double(ctx.bind(margin))}`,
    denominator: `${double(sum(LOST))} / NULLIF(${double(sum([MRR_START]))}, 0) / MAX(p.months)`,
  };
}

export const mrrMetrics: readonly MetricDefinition[] = [
  mrrMetric({
    id: "mrr",
    kind: "sum",
    direction: "up",
    formula: "at end − ε: Σ over active terms of amount / months(interval) (month 1, quarter 3, year 12)",
    terms: [MRR_AT_END],
  }),
  mrrMetric({
    id: "mrr_new",
    kind: "sum",
    direction: "up",
    formula: "Σ MRR at end of customers with MRR 0 at start and no earlier paid term",
    terms: [MOVEMENT.new],
  }),
  mrrMetric({
    id: "mrr_expansion",
    kind: "sum",
    direction: "up",
    formula: "Σ (MRR at end − MRR at start) of customers paying at start whose MRR grew",
    terms: [MOVEMENT.expansion],
  }),
  mrrMetric({
    id: "mrr_contraction",
    kind: "sum",
    direction: "down",
    formula: "Σ (MRR at start − MRR at end) of customers paying at start and at end whose MRR shrank",
    terms: [MOVEMENT.contraction],
  }),
  mrrMetric({
    id: "mrr_churned",
    kind: "sum",
    direction: "down",
    formula: "Σ MRR at start of customers paying at start and not at end",
    terms: [MOVEMENT.churned],
  }),
  mrrMetric({
    id: "mrr_reactivation",
    kind: "sum",
    direction: "up",
    formula: "Σ MRR at end of customers with MRR 0 at start and an earlier term with amount > 0",
    terms: [MOVEMENT.reactivation],
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
  mrrMetric({
    id: "arr",
    kind: "sum",
    direction: "up",
    formula: "12 × mrr (at end − ε)",
    terms: [{ ...MRR_AT_END, amount: `12 * ${MRR_AT_END.amount}` }],
  }),
  mrrMetric({
    id: "paying_customers",
    kind: "count",
    unit: "customers",
    direction: "up",
    formula: "#customers with MRR > 0 at end − ε",
    terms: [{ part: "value", when: PAYING_AT_END }],
  }),
  mrrMetric({
    id: "arpa",
    kind: "ratio",
    direction: "up",
    formula: "Σ MRR at end of paying customers / paying_customers",
    terms: [
      { part: "numerator", when: PAYING_AT_END, amount: "m.e" },
      { part: "denominator", when: PAYING_AT_END },
    ],
  }),
  mrrMetric({
    id: "quick_ratio",
    kind: "ratio",
    unit: "score",
    direction: "up",
    formula: "(mrr_new + mrr_expansion + mrr_reactivation) / (mrr_contraction + mrr_churned)",
    terms: [
      inPart("numerator", MOVEMENT.new),
      inPart("numerator", MOVEMENT.expansion),
      inPart("numerator", MOVEMENT.reactivation),
      inPart("denominator", MOVEMENT.contraction),
      inPart("denominator", MOVEMENT.churned),
    ],
  }),
  mrrMetric({
    id: "net_mrr_churn_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "down",
    formula: "(mrr_churned + mrr_contraction − mrr_expansion − mrr_reactivation) / MRR_start",
    terms: [
      inPart("numerator", MOVEMENT.churned),
      inPart("numerator", MOVEMENT.contraction),
      inPart("numerator", MOVEMENT.expansion, -1),
      inPart("numerator", MOVEMENT.reactivation, -1),
      MRR_START,
    ],
  }),
  mrrMetric({
    id: "gross_mrr_churn_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "down",
    formula: "(mrr_churned + mrr_contraction) / MRR_start",
    terms: [...LOST.map((t) => inPart("numerator", t)), MRR_START],
  }),
  mrrMetric({
    id: "mrr_ltv",
    kind: "quotient",
    direction: "up",
    formula:
      "arpa × gross_margin / monthly gross_mrr_churn_rate; monthly = gross_mrr_churn_rate of P / months in P (month 1, quarter 3, year 12; days and weeks: days / 30.4375)",
    params: [GROSS_MARGIN_PARAM],
    // Rows: the paying customers at end behind ARPA, the customers paying at start behind the churn rate.
    terms: [{ part: "numerator", when: PAYING_AT_END, amount: "m.e" }, MRR_START],
    aggregates: mrrLtvAggregates,
  }),
];
