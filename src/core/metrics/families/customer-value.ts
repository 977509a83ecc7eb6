import type { MetricContext } from "../context/metric-context.js";
import { durationDays, numberParam, parseDurationDays } from "../definition/duration-param.js";
import type { Grouping, MetricDefinition, MetricParam } from "../definition/metric-definition.js";
import { GROSS_MARGIN_PARAM } from "../definition/shared-params.js";
import {
  channelsSql,
  newCustomersPerPeriodSql,
  spendPerPeriodSql,
  spendRowsSql,
} from "../fragments/acquisition-spend.js";
import { customerJoin, signedOrderAmount } from "../fragments/money-rows.js";
import {
  countIf,
  customerGroupExpressions,
  drillColumns,
  metricColumns,
  type Part,
  periodJoin,
} from "../fragments/sql-helpers.js";
import { customerDomainSql } from "../relations/window-segments.js";
import { windowDays, windowStart } from "../relations/window-stats.js";

/**
 * METRICS.md §3 customer value (cac itself lives in acquisition-cost.ts).
 *
 * Every value metric reads one row per period of window statistics over
 * W = [end − window, end): revenue, #orders (refund rows included), buyers,
 * customers active at the window start and those of them churned by end.
 * A metric is a choice of numerator and denominator over that row, and its
 * drill-down lists the orders and customers behind the same columns.
 *
 * A window other than 365 d gives per-window customer value; lifespan and clv
 * are annualized (lifespan in years = window in years / churn over W), so
 * clv = customer value per window / churn over W whatever the window.
 */

const DAY_SECONDS = 86_400;
const YEAR_DAYS = 365;

const WINDOW: MetricParam = {
  name: "window",
  description: "length of W, ending at the period end",
  default: "365d",
  range: { kind: "duration", minDays: 1, maxDays: 3650 },
};
const LIFESPAN: MetricParam = {
  name: "lifespan_years",
  description: "customer lifespan in years; empty: 1 / annual churn over W",
  default: "",
  range: { kind: "number", min: 0, max: 100, minExclusive: true, optional: true },
};
const PAYBACK_WINDOW: MetricParam = {
  name: "payback_window",
  description: "cohort revenue window after acquisition (30-day months)",
  default: "90d",
  range: { kind: "duration", minDays: 1, maxDays: 3650 },
};

/** A numeric constant, bound and typed (a bare bound integer would make the division integral). */
function num(ctx: MetricContext, value: number): string {
  return `CAST(${ctx.bind(value)} AS DOUBLE PRECISION)`;
}

/** Orders in W per period: idx, order_id, customer_id, ordered_at, amount (signed, base currency). */
function windowOrdersSql(ctx: MetricContext): string {
  return `SELECT p.idx, o.order_id, o.customer_id, o.ordered_at, ${signedOrderAmount(ctx)} AS amount
    FROM ${ctx.rel("periods")} p JOIN orders o ON o.ordered_at >= ${windowStart(ctx)} AND o.ordered_at < p.end_at`;
}

/**
 * One row per period `w`: revenue, orders, buyers, at_start, churned (shared
 * relation `window_stats`); per customer segment, one per period and group
 * with `g0`…`gN` (`window_stats_by`, keyed by the report's --by, which is
 * this family's customer grouping: window-segments.ts).
 */
function windowStatsSql(ctx: MetricContext, grouping: Grouping): string {
  const columns = "revenue, orders, buyers, at_start, churned";
  if (grouping.source === "customer")
    return `SELECT idx${ctx.groupNames(grouping)}, ${columns} FROM ${ctx.rel("window_stats_by")}`;
  return `SELECT idx, ${columns} FROM ${ctx.rel("window_stats")}`;
}

/** The customer columns of a segment's drill rows over customer alias `c`, joined on `customerId`. */
function segmentOf(ctx: MetricContext, grouping: Grouping, customerId: string) {
  return {
    groups: customerGroupExpressions(ctx, grouping, "c"),
    join: customerJoin(ctx, grouping, customerId),
  };
}

/** Customer value per year over W: revenue_W / buyers_W × 365 d / W (null without buyers). */
function annualCustomerValue(ctx: MetricContext): string {
  return `CAST(w.revenue AS DOUBLE PRECISION) / NULLIF(w.buyers, 0) * ${num(ctx, YEAR_DAYS / windowDays(ctx))}`;
}

/** 1 / lifespan in years: the given lifespan, else churn over W annualized (null when nobody was active). */
function annualChurn(ctx: MetricContext): string {
  const given = ctx.param(LIFESPAN.name, "");
  if (given.trim() !== "") return num(ctx, 1 / numberParam(ctx, LIFESPAN.name, given));
  return `CAST(w.churned AS DOUBLE PRECISION) / NULLIF(w.at_start, 0) * ${num(ctx, YEAR_DAYS / windowDays(ctx))}`;
}

function clvNumerator(ctx: MetricContext): string {
  return `${annualCustomerValue(ctx)} * ${num(ctx, numberParam(ctx, GROSS_MARGIN_PARAM.name, GROSS_MARGIN_PARAM.default))}`;
}

// --- drill-down rows, shared by the metrics that use the same columns -------

type DrillRows = (ctx: MetricContext, grouping: Grouping, part: Part) => string;

const windowOrderRows =
  (withAmount: boolean): DrillRows =>
  (ctx, grouping, part) => {
    const s = segmentOf(ctx, grouping, "wo.customer_id");
    return `SELECT ${drillColumns(ctx, "wo.idx", grouping, s.groups, {
      part,
      entity: "orders",
      recordId: "wo.order_id",
      amount: withAmount ? "wo.amount" : undefined,
      detail: `${ctx.bind("ordered ")} || CAST(wo.ordered_at AS VARCHAR)`,
    })} FROM (${windowOrdersSql(ctx)}) wo ${s.join}`;
  };

const buyerRows: DrillRows = (ctx, grouping, part) => {
  const s = segmentOf(ctx, grouping, "wo.customer_id");
  return `SELECT DISTINCT ${drillColumns(ctx, "wo.idx", grouping, s.groups, {
    part,
    entity: "customers",
    recordId: "wo.customer_id",
    detail: ctx.bind("ordered in the window"),
  })} FROM (${windowOrdersSql(ctx)}) wo ${s.join} WHERE wo.customer_id IS NOT NULL`;
};

const baseRows =
  (onlyChurned: boolean): DrillRows =>
  (ctx, grouping, part) => {
    const s = segmentOf(ctx, grouping, "wb.customer_id");
    return `SELECT ${drillColumns(ctx, "wb.idx", grouping, s.groups, {
      part,
      entity: "customers",
      recordId: "wb.customer_id",
      detail: `CASE WHEN wb.churned THEN ${ctx.bind("active at window start, churned by end")} ELSE ${ctx.bind("active at window start and at end")} END`,
    })} FROM ${ctx.rel("window_base")} wb ${s.join}${onlyChurned ? " WHERE wb.churned" : ""}`;
  };

/** A parameter shown as the row behind a part (lifespan_years when given), in every period and segment. */
const paramRow =
  (name: string, value: (ctx: MetricContext) => number): DrillRows =>
  (ctx, grouping, part) => {
    const perSegment = grouping.source === "customer";
    const groups = grouping.keys.map((_, i) => `dom.g${i}`);
    return `SELECT ${drillColumns(ctx, "p.idx", grouping, perSegment ? groups : [], {
      part,
      entity: "params",
      recordId: ctx.bind(name),
      amount: num(ctx, value(ctx)),
      detail: ctx.bind(`--param ${name}`),
    })} FROM ${ctx.rel("periods")} p${perSegment ? ` CROSS JOIN (${customerDomainSql(ctx, grouping)}) dom` : ""}`;
  };

const lifespanGiven = (ctx: MetricContext) => ctx.param(LIFESPAN.name, "").trim() !== "";
const lifespanValue = (ctx: MetricContext) => numberParam(ctx, LIFESPAN.name, ctx.param(LIFESPAN.name, "1"));

function drillFrom(parts: readonly (readonly [Part, DrillRows])[]) {
  return (ctx: MetricContext, grouping: Grouping): string =>
    parts.map(([part, rows]) => rows(ctx, grouping, part)).join("\nUNION ALL\n");
}

// --- metrics ---------------------------------------------------------------

interface WindowMetric {
  readonly id: string;
  readonly kind: "ratio" | "quotient";
  readonly unit: MetricDefinition["unit"];
  readonly direction: MetricDefinition["direction"];
  readonly formula: string;
  readonly params: readonly MetricParam[];
  readonly churn: boolean;
  readonly numerator: (ctx: MetricContext) => string;
  readonly denominator: (ctx: MetricContext) => string;
  readonly drill: (ctx: MetricContext, grouping: Grouping) => string;
}

function windowMetric(m: WindowMetric): MetricDefinition {
  return {
    id: m.id,
    family: "value",
    kind: m.kind,
    unit: m.unit,
    direction: m.direction,
    formula: m.formula,
    requires: m.churn ? ["customers", "orders"] : ["orders"],
    params: m.params,
    // Orders and the customer base belong to customers: a segment restricts both parts to its customers.
    customerDimensions: "all",
    compile: (ctx, grouping) =>
      `SELECT ${metricColumns(
        ctx,
        m.id,
        "w.idx",
        grouping,
        grouping.keys.map((_, i) => `w.g${i}`),
        {
          numerator: m.numerator(ctx),
          denominator: m.denominator(ctx),
        },
      )} FROM (${windowStatsSql(ctx, grouping)}) w`,
    drill: m.drill,
  };
}

const avgPurchaseValue = windowMetric({
  id: "avg_purchase_value",
  kind: "ratio",
  unit: "money",
  direction: "up",
  formula: "revenue_W / #orders_W, W = [end − window, end); refunds count −|amount| and as orders",
  params: [WINDOW],
  churn: false,
  numerator: () => "COALESCE(w.revenue, 0)",
  denominator: () => "w.orders",
  drill: drillFrom([
    ["numerator", windowOrderRows(true)],
    ["denominator", windowOrderRows(false)],
  ]),
});

const purchaseFrequency = windowMetric({
  id: "purchase_frequency",
  kind: "ratio",
  unit: "count",
  direction: "up",
  formula: "#orders_W / #distinct customers with orders in W",
  params: [WINDOW],
  churn: false,
  numerator: () => "w.orders",
  denominator: () => "w.buyers",
  drill: drillFrom([
    ["numerator", windowOrderRows(false)],
    ["denominator", buyerRows],
  ]),
});

const customerValue = windowMetric({
  id: "customer_value",
  kind: "ratio",
  unit: "money",
  direction: "up",
  formula: "avg_purchase_value × purchase_frequency = revenue_W / customers with orders in W",
  params: [WINDOW],
  churn: false,
  numerator: () => "COALESCE(w.revenue, 0)",
  denominator: () => "w.buyers",
  drill: drillFrom([
    ["numerator", windowOrderRows(true)],
    ["denominator", buyerRows],
  ]),
});

const customerLifespanYears: MetricDefinition = {
  ...windowMetric({
    id: "customer_lifespan_years",
    kind: "ratio",
    unit: "years",
    direction: "up",
    formula:
      "lifespan_years when given; else 1 / churn over W = customers active at end − window / those of them not active at end (× window in years)",
    params: [WINDOW, LIFESPAN],
    churn: true,
    numerator: (ctx) =>
      lifespanGiven(ctx)
        ? num(ctx, lifespanValue(ctx))
        : `w.at_start * ${num(ctx, windowDays(ctx) / YEAR_DAYS)}`,
    denominator: (ctx) => (lifespanGiven(ctx) ? "1" : "w.churned"),
    drill: (ctx, grouping) =>
      lifespanGiven(ctx)
        ? paramRow(LIFESPAN.name, lifespanValue)(ctx, grouping, "numerator")
        : drillFrom([
            ["numerator", baseRows(false)],
            ["denominator", baseRows(true)],
          ])(ctx, grouping),
  }),
  requires: ["customers"],
};

/** Rows behind 1 / lifespan: the given lifespan, else the customers behind the churn over W. */
const churnRows: DrillRows = (ctx, grouping, part) =>
  lifespanGiven(ctx)
    ? paramRow(LIFESPAN.name, lifespanValue)(ctx, grouping, part)
    : baseRows(false)(ctx, grouping, part);

const clvDrill = drillFrom([
  ["numerator", windowOrderRows(true)],
  ["numerator", buyerRows],
  ["denominator", churnRows],
]);

const clv = windowMetric({
  id: "clv",
  kind: "quotient",
  unit: "money",
  direction: "up",
  formula:
    "customer_value × customer_lifespan_years × gross_margin = annual customer value × gross_margin / annual churn",
  params: [WINDOW, LIFESPAN, GROSS_MARGIN_PARAM],
  churn: true,
  numerator: clvNumerator,
  denominator: annualChurn,
  drill: clvDrill,
});

/** The spans holding each period's end, as `ps` (customer_id, k) per period `p`, with customer `c` for a segment. */
function purchaseSpansFrom(ctx: MetricContext, grouping: Grouping): string {
  return `FROM ${ctx.rel("purchase_spans")} ps JOIN ${ctx.rel("periods")} p ON ps.lo < p.end_at AND p.end_at <= ps.hi
    ${customerJoin(ctx, grouping, "ps.customer_id")}`;
}

const purchaserRows =
  (kind: 0 | 1): DrillRows =>
  (ctx, grouping, part) =>
    `SELECT ${drillColumns(ctx, "p.idx", grouping, customerGroupExpressions(ctx, grouping, "c"), {
      part,
      entity: "customers",
      recordId: "ps.customer_id",
      detail: ctx.bind(kind === 1 ? "bought again in the window" : "bought in the window"),
    })} ${purchaseSpansFrom(ctx, grouping)} WHERE ps.k = ${kind}`;

/** Customers whose spans of each kind hold each period's end: every span paired with the period ends it holds. */
function repeatPurchasePairs(ctx: MetricContext, grouping: Grouping): string {
  const groups = customerGroupExpressions(ctx, grouping, "c");
  return `SELECT ${metricColumns(ctx, "repeat_purchase_rate", "p.idx", grouping, groups, {
    numerator: countIf("ps.k = 1"),
    denominator: countIf("ps.k = 0"),
  })} ${purchaseSpansFrom(ctx, grouping)}
    GROUP BY p.idx${groups.map((g) => `, ${g}`).join("")}`;
}

/**
 * The same counts without pairing every span with every period, where the
 * dialect computes a bound's step index (PostgreSQL, which joins the pairs as
 * a nested loop: 125 million comparisons per grouping at scale 100; DuckDB's
 * range join pairs them faster than it would sum the steps): a span
 * (lo, hi] holds end ⇔ lo < end ≤ hi, so the holders at end are #{lo < end}
 * − #{hi < end} (hi < end implies lo < end). A bound x is below the end of
 * every period from the first one ending after it, its step: the period k
 * with end(k−1) ≤ x < end(k) (the first period's step starts at −∞; past the
 * last end, none). A running sum of the steps over the periods counts the
 * holders; a period and segment without a buyer has no row, as a group of
 * holders would not.
 */
function repeatPurchaseSteps(ctx: MetricContext, grouping: Grouping): string {
  const groups = customerGroupExpressions(ctx, grouping, "c");
  const keys = grouping.keys.map((_, i) => `g${i}`);
  const list = (prefix: string) => keys.map((k) => `, ${prefix}${k}`).join("");
  const spans = ctx.rel("purchase_spans");
  const periods = ctx.rel("periods");
  const stepIndex = ctx.dialect.firstPeriodEndingAfter?.("x.at", periods);
  const steps = `SELECT b.idx${groups.map((g, i) => `, ${g} AS g${i}`).join("")},
      SUM(CASE WHEN x.k = 1 THEN x.d ELSE 0 END) AS repeat_steps, SUM(CASE WHEN x.k = 0 THEN x.d ELSE 0 END) AS buyer_steps
    FROM (SELECT customer_id, k, lo AS at, 1 AS d FROM ${spans} UNION ALL SELECT customer_id, k, hi, -1 FROM ${spans}) x
    JOIN (SELECT idx, COALESCE(LAG(end_at) OVER (ORDER BY idx), ${ctx.dialect.timestampParam(ctx.bind("0001-01-01 00:00:00"))}) AS after_at, end_at
          FROM ${periods}) b
      ON ${stepIndex ? `b.idx = ${stepIndex} AND ` : ""}x.at >= b.after_at AND x.at < b.end_at
    ${customerJoin(ctx, grouping, "x.customer_id")}
    GROUP BY b.idx${groups.map((g) => `, ${g}`).join("")}`;
  const grid = `SELECT p.idx${list("d.")} FROM ${periods} p${keys.length > 0 ? ` CROSS JOIN (SELECT DISTINCT ${keys.join(", ")} FROM steps) d` : ""}`;
  const running = (column: string) =>
    `CAST(SUM(COALESCE(s.${column}, 0)) OVER (${keys.length > 0 ? `PARTITION BY ${keys.map((k) => `grid.${k}`).join(", ")} ` : ""}ORDER BY grid.idx ROWS UNBOUNDED PRECEDING) AS BIGINT)`;
  const on = keys.map((k) => ` AND s.${k} IS NOT DISTINCT FROM grid.${k}`).join("");
  return `WITH steps AS (${steps}),
    grid AS (${grid}),
    counts AS (SELECT grid.idx${list("grid.")}, ${running("repeat_steps")} AS repeat_buyers, ${running("buyer_steps")} AS buyers
      FROM grid LEFT JOIN steps s ON s.idx = grid.idx${on})
    SELECT ${metricColumns(
      ctx,
      "repeat_purchase_rate",
      "r.idx",
      grouping,
      keys.map((k) => `r.${k}`),
      { numerator: "r.repeat_buyers", denominator: "r.buyers" },
    )} FROM counts r WHERE r.buyers > 0`;
}

const repeatPurchaseRate: MetricDefinition = {
  id: "repeat_purchase_rate",
  family: "value",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  formula:
    "#customers with ≥ 2 purchases in W / #customers with a purchase in W, W = [end − window, end); refunds are no purchase",
  requires: ["orders"],
  params: [WINDOW],
  customerDimensions: "all",
  compile: (ctx, grouping) =>
    ctx.dialect.firstPeriodEndingAfter
      ? repeatPurchaseSteps(ctx, grouping)
      : repeatPurchasePairs(ctx, grouping),
  drill: drillFrom([
    ["numerator", purchaserRows(1)],
    ["denominator", purchaserRows(0)],
  ]),
};

/**
 * Orders of the P cohort (customers acquired in P) in their first payback
 * window: idx, order_id, customer_id, ordered_at, amount, channel (the
 * customer's acquisition_channel).
 */
function cohortRevenueSql(ctx: MetricContext): string {
  const window = ctx.bind(durationDays(ctx, PAYBACK_WINDOW.name, PAYBACK_WINDOW.default) * DAY_SECONDS);
  return `SELECT p.idx, o.order_id, o.customer_id, o.ordered_at, ${signedOrderAmount(ctx)} AS amount,
      c.acquisition_channel AS channel
    FROM ${ctx.rel("periods")} p
    JOIN ${ctx.rel("customers")} c ON ${periodJoin(ctx, "c.acquired_eff")}
    JOIN orders o ON o.customer_id = c.customer_id AND o.ordered_at >= c.acquired_eff
      AND o.ordered_at < ${ctx.dialect.addSeconds("c.acquired_eff", window)}`;
}

/**
 * Metrics built on cac break down by acquisition channel only, as cac does
 * (METRICS.md §3): spend has a channel but no customer. The customer grouping
 * is then `--by acquisition_channel`, every period × channel of spend or
 * customers (`ch.channel`), no null bucket.
 */
const perChannel = (grouping: Grouping) => grouping.source === "customer";

/** cac per period `p` (and channel `ch`), null without new customers, from the spend arithmetic of acquisition-cost.ts. */
function cacColumns(ctx: MetricContext, grouping: Grouping): { from: string; cac: string } {
  const byChannel = perChannel(grouping);
  const on = (alias: string) =>
    `${alias}.idx = p.idx${byChannel ? ` AND ${alias}.channel = ch.channel` : ""}`;
  return {
    from: `LEFT JOIN (${spendPerPeriodSql(ctx, { byChannel })}) sp ON ${on("sp")}
      LEFT JOIN (${newCustomersPerPeriodSql(ctx, { byChannel })}) nc ON ${on("nc")}`,
    cac: "CAST(COALESCE(sp.spend, 0) AS DOUBLE PRECISION) / NULLIF(nc.n, 0)",
  };
}

/** Every period `p`, crossed with every channel `ch` for a per-channel grouping. */
function periodsFrom(ctx: MetricContext, grouping: Grouping): string {
  return `${ctx.rel("periods")} p${perChannel(grouping) ? ` CROSS JOIN (${channelsSql(ctx)}) ch` : ""}`;
}

const newCustomerRows: DrillRows = (ctx, grouping, part) =>
  `SELECT ${drillColumns(ctx, "p.idx", grouping, perChannel(grouping) ? ["c.acquisition_channel"] : [], {
    part,
    entity: "customers",
    recordId: "c.customer_id",
    detail: `${ctx.bind("acquired ")} || CAST(c.acquired_eff AS VARCHAR)`,
  })} FROM ${ctx.rel("periods")} p JOIN ${ctx.rel("customers")} c
    ON ${periodJoin(ctx, "c.acquired_eff")}${perChannel(grouping) ? " WHERE c.acquisition_channel IS NOT NULL" : ""}`;

/** Spend rows and new customers behind cac (per channel: spend without a channel is left out). */
const cacRows: DrillRows = (ctx, grouping, part) =>
  `SELECT ${drillColumns(ctx, "sr.idx", grouping, perChannel(grouping) ? ["sr.channel"] : [], {
    part,
    entity: "spend",
    recordId: "sr.record_id",
    amount: "sr.amount",
    detail: "sr.detail",
  })} FROM (${spendRowsSql(ctx)}) sr${perChannel(grouping) ? " WHERE sr.channel IS NOT NULL" : ""}
  UNION ALL ${newCustomerRows(ctx, grouping, part)}`;

const cohortOrderRows: DrillRows = (ctx, grouping, part) =>
  `SELECT ${drillColumns(ctx, "co.idx", grouping, perChannel(grouping) ? ["co.channel"] : [], {
    part,
    entity: "orders",
    recordId: "co.order_id",
    amount: "co.amount",
    detail: `${ctx.bind("cohort order ")} || CAST(co.ordered_at AS VARCHAR)`,
  })} FROM (${cohortRevenueSql(ctx)}) co${perChannel(grouping) ? " WHERE co.channel IS NOT NULL" : ""}`;

const cacPaybackMonths: MetricDefinition = {
  id: "cac_payback_months",
  family: "value",
  kind: "quotient",
  unit: "months",
  direction: "down",
  formula:
    "cac / (monthly revenue per new customer × gross_margin); monthly revenue per new customer = Σ revenue of the P cohort in [acquired_at, acquired_at + payback_window) / (N × payback_window in 30-day months)",
  requires: ["customers", "spend", "orders"],
  params: [PAYBACK_WINDOW, GROSS_MARGIN_PARAM],
  // The cohort's revenue runs on past the period, up to the window after its last acquisition.
  readsLater: [
    {
      entity: "orders",
      days: (params) =>
        parseDurationDays(PAYBACK_WINDOW.name, params[PAYBACK_WINDOW.name] ?? PAYBACK_WINDOW.default),
    },
  ],
  customerDimensions: ["acquisition_channel"],
  noBreakdownReason: "metrics.breakdown.reason.spend",
  ownsCustomerRows: true,
  compile(ctx, grouping) {
    const months = durationDays(ctx, PAYBACK_WINDOW.name, PAYBACK_WINDOW.default) / 30;
    const margin = numberParam(ctx, GROSS_MARGIN_PARAM.name, GROSS_MARGIN_PARAM.default);
    const { from, cac } = cacColumns(ctx, grouping);
    const byChannel = perChannel(grouping);
    const channel = byChannel ? ", channel" : "";
    return `SELECT ${metricColumns(ctx, this.id, "p.idx", grouping, byChannel ? ["ch.channel"] : [], {
      numerator: cac,
      denominator: `CAST(COALESCE(cr.revenue, 0) AS DOUBLE PRECISION) / NULLIF(nc.n, 0) / ${num(ctx, months)} * ${num(ctx, margin)}`,
    })}
      FROM ${periodsFrom(ctx, grouping)} ${from}
      LEFT JOIN (SELECT idx${channel}, SUM(amount) AS revenue FROM (${cohortRevenueSql(ctx)}) co GROUP BY idx${channel}) cr
        ON cr.idx = p.idx${byChannel ? " AND cr.channel = ch.channel" : ""}`;
  },
  drill: drillFrom([
    ["numerator", cacRows],
    ["denominator", cohortOrderRows],
    ["denominator", newCustomerRows],
  ]),
};

const ltvToCac: MetricDefinition = {
  id: "ltv_to_cac",
  family: "value",
  kind: "quotient",
  unit: "score",
  direction: "up",
  formula: "clv / cac",
  requires: ["customers", "orders", "spend"],
  params: [WINDOW, LIFESPAN, GROSS_MARGIN_PARAM],
  // Per channel: clv of the channel's customers / cac of the channel.
  customerDimensions: ["acquisition_channel"],
  noBreakdownReason: "metrics.breakdown.reason.spend",
  ownsCustomerRows: true,
  compile(ctx, grouping) {
    const { from, cac } = cacColumns(ctx, grouping);
    const byChannel = perChannel(grouping);
    return `SELECT ${metricColumns(ctx, this.id, "p.idx", grouping, byChannel ? ["ch.channel"] : [], {
      numerator: `(${clvNumerator(ctx)}) / NULLIF(${annualChurn(ctx)}, 0)`,
      denominator: cac,
    })}
      FROM ${periodsFrom(ctx, grouping)}
      LEFT JOIN (${windowStatsSql(ctx, grouping)}) w ON w.idx = p.idx${byChannel ? " AND w.g0 = ch.channel" : ""} ${from}`;
  },
  drill: drillFrom([
    ["numerator", windowOrderRows(true)],
    ["numerator", buyerRows],
    ["numerator", churnRows],
    ["denominator", cacRows],
  ]),
};

export const customerValueMetrics: readonly MetricDefinition[] = [
  avgPurchaseValue,
  purchaseFrequency,
  repeatPurchaseRate,
  customerValue,
  customerLifespanYears,
  clv,
  cacPaybackMonths,
  ltvToCac,
];
