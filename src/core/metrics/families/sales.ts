import { CrmKpiError } from "../../errors.js";
import { MONEY_SQL_TYPE } from "../../sql/dialect.js";
import type { MetricContext } from "../context/metric-context.js";
import type { Grouping, MetricDefinition } from "../definition/metric-definition.js";
import {
  durationMeanTerms,
  groupSelect,
  inPeriod,
  MS_PER_DAY,
  percentileSiblings,
  rowMetric,
} from "../fragments/row-metric.js";
import { openEnd, periodJoin } from "../fragments/sql-helpers.js";
import { daysBetweenInstants, stageOrderSql } from "../relations/deal-stage-history.js";

/**
 * METRICS.md §4 Sales. Each metric is a list of rows (deals, leads, stage
 * entries, quota rows) per period; see `row-metric.ts`. Customer dimensions
 * reach deals through the deal's customer. Deal metrics also take
 * `--by deal_owner` and `--by pipeline` (the deal's own columns, every deal
 * counted, so the groups add up to the total); `owner_id` stays the
 * customer's owner.
 */

/** The deal columns behind `--by deal_owner` / `--by pipeline` (alias `d`), and their values. */
const DEAL_DIMENSIONS = { deal_owner: "d.owner_id", pipeline: "d.pipeline" } as const;
const dealDimensions = {
  deal_owner: () => "SELECT DISTINCT owner_id AS v FROM deals",
  pipeline: () => "SELECT DISTINCT pipeline AS v FROM deals",
};

const text = (expr: string) => `CAST(${expr} AS VARCHAR)`;
const dealDetail = (ctx: MetricContext) =>
  `CONCAT(d.status, ${ctx.bind(", created ")}, ${text("d.created_at")}, ${ctx.bind(", closed ")}, COALESCE(${text("d.closed_at")}, ${ctx.bind("-")}))`;
const isWon = (ctx: MetricContext) => `d.status = ${ctx.bind("won")}`;

/** Stage breakdown: every (pipeline, stage) in pipeline order, in every period. */
const STAGE_KEYS = ["pipeline", "stage"] as const;
const stageDomain = (ctx: MetricContext) =>
  `SELECT pipeline AS g0, stage AS g1, ROW_NUMBER() OVER (ORDER BY ${ctx.dialect.binaryOrder("pipeline")}, stage_rank) AS ord FROM (${stageOrderSql(ctx.dialect)}) so`;
const stageGroups = { pipeline: "e.pipeline", stage: "e.stage" };

const closeRate = rowMetric({
  id: "close_rate",
  family: "sales",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  requires: ["deals"],
  customerDimensions: "all",
  ownDimensions: dealDimensions,
  formula:
    "deals won in P / deals in the pipeline during P (created before end, and created in P, open at start or closed in P)",
  entity: "deals",
  rows(ctx, grouping) {
    const g = groupSelect(ctx, grouping, "d.customer_id", {}, DEAL_DIMENSIONS);
    const inPipeline = `d.created_at < p.end_at AND (d.created_at >= p.start_at OR d.closed_at IS NULL OR d.closed_at >= p.start_at)`;
    const wonIn = `${isWon(ctx)} AND ${inPeriod("d.closed_at")}`;
    return `SELECT p.idx AS period_idx${g.columns}, d.deal_id AS record_id, (${inPipeline}) AS in_pipeline,
        (${wonIn}) AS won_in, ${dealDetail(ctx)} AS detail
      FROM deals d JOIN ${ctx.rel("periods")} p ON (${inPipeline}) OR (${wonIn}) ${g.join}`;
  },
  terms: [
    { part: "numerator", when: "r.won_in" },
    { part: "denominator", when: "r.in_pipeline" },
  ],
});

const winRate = rowMetric({
  id: "win_rate",
  family: "sales",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  requires: ["deals"],
  customerDimensions: "all",
  ownDimensions: dealDimensions,
  formula: "won / (won + lost), deals closed in P",
  entity: "deals",
  rows(ctx, grouping) {
    const g = groupSelect(ctx, grouping, "d.customer_id", {}, DEAL_DIMENSIONS);
    return `SELECT p.idx AS period_idx${g.columns}, d.deal_id AS record_id, ${isWon(ctx)} AS won, ${dealDetail(ctx)} AS detail
      FROM deals d JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "d.closed_at")} ${g.join}
      WHERE d.status IN (${ctx.bind("won")}, ${ctx.bind("lost")})`;
  },
  terms: [{ part: "numerator", when: "r.won" }, { part: "denominator" }],
});

const leadConversionRate = rowMetric({
  id: "lead_conversion_rate",
  family: "sales",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  requires: ["leads"],
  // A lead belongs to the customer it converted into (DATA_MODEL.md: customer_id is set
  // when converted); a lead without one falls in the null bucket, so segments add up.
  customerDimensions: "all",
  ownDimensions: { lead_source: () => "SELECT DISTINCT source AS v FROM leads" },
  formula: "leads created in P with status converted (now) / leads created in P",
  entity: "leads",
  rows(ctx, grouping) {
    const g = groupSelect(ctx, grouping, "l.customer_id", {}, { lead_source: "l.source" });
    return `
    SELECT p.idx AS period_idx${g.columns}, l.lead_id AS record_id, l.status = ${ctx.bind("converted")} AS converted,
           CONCAT(COALESCE(l.status, ${ctx.bind("-")}), ${ctx.bind(", created ")}, ${text("l.created_at")}) AS detail
    FROM leads l JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "l.created_at")} ${g.join}`;
  },
  terms: [{ part: "numerator", when: "r.converted" }, { part: "denominator" }],
});

const salesCycleDays = rowMetric({
  id: "sales_cycle_days",
  family: "sales",
  kind: "mean",
  unit: "days",
  direction: "down",
  requires: ["deals"],
  // A won deal's cycle starts at its lead's created_at, whatever the lead's date.
  readsLater: [{ entity: "leads" }],
  customerDimensions: "all",
  ownDimensions: dealDimensions,
  formula:
    "mean over deals won in P of days from the linked lead's created_at (else the deal's) to closed_at",
  entity: "deals",
  rows(ctx, grouping) {
    const g = groupSelect(ctx, grouping, "d.customer_id", {}, DEAL_DIMENSIONS);
    const from = "COALESCE(l.created_at, d.created_at)";
    return `SELECT p.idx AS period_idx${g.columns}, d.deal_id AS record_id, ${daysBetweenInstants(ctx, from, "d.closed_at")} AS x,
        ${ctx.dialect.millisecondsBetween(from, "d.closed_at")} AS x_ms,
        CONCAT(CASE WHEN l.created_at IS NULL THEN ${ctx.bind("deal created ")} ELSE ${ctx.bind("lead created ")} END,
               ${text(from)}, ${ctx.bind(", won ")}, ${text("d.closed_at")}) AS detail
      FROM deals d JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "d.closed_at")}
      LEFT JOIN leads l ON l.lead_id = d.lead_id ${g.join}
      WHERE ${isWon(ctx)}`;
  },
  terms: durationMeanTerms(MS_PER_DAY),
  statistics: percentileSiblings("sales_cycle_days"),
});

const stageDurationDays = rowMetric({
  id: "stage_duration_days",
  family: "sales",
  kind: "mean",
  unit: "days",
  direction: "down",
  requires: ["deals", "deal_stages"],
  // Per stage and the deal's customer's segment (a deal without a customer: null bucket).
  customerDimensions: "all",
  breakdownWithin: STAGE_KEYS,
  ownsCustomerRows: true,
  hasTotal: false,
  formula:
    "per stage, over stage exits in P: mean days from entered_at to the exit (next entry or closed_at)",
  entity: "deal_stages",
  rows(ctx, grouping) {
    const g = groupSelect(ctx, grouping, "e.customer_id", stageGroups);
    return `SELECT p.idx AS period_idx${g.columns}, CONCAT(e.deal_id, ${ctx.bind(" ")}, e.stage) AS record_id,
        ${daysBetweenInstants(ctx, "e.entered_at", "e.exited_at")} AS x,
        ${ctx.dialect.millisecondsBetween("e.entered_at", "e.exited_at")} AS x_ms,
        CONCAT(${ctx.bind("entered ")}, ${text("e.entered_at")}, ${ctx.bind(", left ")}, ${text("e.exited_at")}) AS detail
      FROM ${ctx.rel("stage_entries")} e JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "e.exited_at")} ${g.join}`;
  },
  terms: durationMeanTerms(MS_PER_DAY),
  statistics: percentileSiblings("stage_duration_days"),
  builtInBreakdowns: [{ keys: STAGE_KEYS, domain: stageDomain, statistics: true }],
  plainRows: true,
});

const stageConversion = rowMetric({
  id: "stage_conversion",
  family: "sales",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  requires: ["deals", "deal_stages"],
  // Whether a deal went on to a later stage: its entries after P.
  readsLater: [{ entity: "deal_stages" }],
  customerDimensions: "all",
  breakdownWithin: STAGE_KEYS,
  ownsCustomerRows: true,
  hasTotal: false,
  formula:
    "per stage, deals that entered it in P: share that afterwards entered a later stage (pipeline order) or are won, as of now; drop-off = 1 − that",
  entity: "deals",
  rows(ctx, grouping) {
    const g = groupSelect(ctx, grouping, "e.customer_id", stageGroups);
    // An entry later in the deal's history (seq) of a later stage: later_rank is the highest rank after this entry.
    const later = "COALESCE(e.later_rank > e.stage_rank, FALSE)";
    // A deal entering the same stage twice in P counts once.
    return `SELECT p.idx AS period_idx${g.columns}, e.deal_id AS record_id,
        BOOL_OR(d.status = ${ctx.bind("won")} OR ${later}) AS advanced,
        CONCAT(${ctx.bind("entered ")}, ${text("MIN(e.entered_at)")}, ${ctx.bind(", now ")}, MIN(d.status)) AS detail
      FROM ${ctx.rel("stage_entries")} e JOIN deals d ON d.deal_id = e.deal_id
      JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "e.entered_at")} ${g.join}
      GROUP BY p.idx${ctx.groupNames(grouping)}, e.deal_id`;
  },
  terms: [{ part: "numerator", when: "r.advanced" }, { part: "denominator" }],
  builtInBreakdowns: [{ keys: STAGE_KEYS, domain: stageDomain }],
  // One row per deal and stage entered: grouped by deal, a customer column depends on the deal.
  plainRows: true,
});

/**
 * A quota row overlapping P, prorated to P by overlapping local days, and the
 * rep's won deals closed in P within the quota's period (one row per quota
 * and deal: a rep with overlapping quotas counts a deal once per quota).
 */
const quotaAttainment = rowMetric({
  id: "quota_attainment",
  family: "sales",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  requires: ["quotas", "deals"],
  customerDimensions: "none",
  noBreakdownReason: "metrics.breakdown.reason.quota",
  formula:
    "Σ won amount of the rep's deals closed in P within the quota period / Σ quota prorated to P by days",
  entity: "quotas",
  rows(ctx, grouping) {
    // A quota's team: its own, else its rep's.
    const g = groupSelect(ctx, grouping, "NULL", { rep_id: "q.rep_id", team: "COALESCE(q.team, rp.team)" });
    const days = ctx.dialect.daysBetween;
    const overlap = days("GREATEST(q.period_start, p.start_date)", "LEAST(q.period_end, p.end_date)");
    const quotas = `FROM quotas q JOIN ${ctx.rel("periods")} p ON q.period_start < p.end_date AND p.start_date < q.period_end
      LEFT JOIN reps rp ON rp.rep_id = q.rep_id`;
    const quotaId = `CONCAT(COALESCE(q.rep_id, ${ctx.bind("-")}), ${ctx.bind(" ")}, ${text("q.period_start")}, ${ctx.bind("..")}, ${text("q.period_end")})`;
    const closedOn = ctx.dialect.localDate("d.closed_at", ctx.bind(ctx.settings.timezone));
    return `
      SELECT p.idx AS period_idx${g.columns}, ${quotaId} AS record_id, TRUE AS is_quota,
             CAST(q.amount_base * ${overlap} / ${days("q.period_start", "q.period_end")} AS ${MONEY_SQL_TYPE}) AS amount,
             CONCAT(${text(overlap)}, ${ctx.bind(" of ")}, ${text(days("q.period_start", "q.period_end"))}, ${ctx.bind(" days")}) AS detail
      ${quotas}
      UNION ALL
      SELECT p.idx AS period_idx${g.columns}, d.deal_id AS record_id, FALSE AS is_quota, d.amount_base AS amount,
             CONCAT(${ctx.bind("quota ")}, ${quotaId}, ${ctx.bind(", closed ")}, ${text("d.closed_at")}) AS detail
      ${quotas}
      JOIN deals d ON d.owner_id = q.rep_id AND ${isWon(ctx)} AND ${inPeriod("d.closed_at")}
        AND ${closedOn} >= q.period_start AND ${closedOn} < q.period_end`;
  },
  terms: [
    { part: "numerator", when: "NOT r.is_quota", amount: "r.amount", entity: "deals" },
    { part: "denominator", when: "r.is_quota", amount: "r.amount" },
  ],
  builtInBreakdowns: [{ keys: ["rep_id"] }, { keys: ["team"] }],
  plainRows: true,
});

const upsellRate = rowMetric({
  id: "upsell_rate",
  family: "sales",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  requires: ["customers"],
  customerDimensions: "all",
  formula:
    "#customers active at start with a won upsell deal closed in P or MRR at end > MRR at start > 0 / S",
  entity: "customers",
  rows(ctx, grouping) {
    const g = groupSelect(ctx, grouping, "a.customer_id");
    // Customers with a won upsell deal closed in P, found once per period rather than per customer row.
    const upsells = `SELECT DISTINCT p.idx, d.customer_id FROM deals d JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "d.closed_at")}
        WHERE ${isWon(ctx)} AND d.type = ${ctx.bind("upsell")}`;
    const upsold = "(u.customer_id IS NOT NULL)";
    const start = "COALESCE(m.s, 0)";
    const end = "COALESCE(m.e, 0)";
    return `SELECT period_idx${ctx.groupNames(grouping)}, record_id, upsold, expanded,
        CASE WHEN upsold THEN ${ctx.bind("won upsell deal")} WHEN expanded THEN ${ctx.bind("MRR expanded")}
             ELSE ${ctx.bind("active at start")} END AS detail
      FROM (
        SELECT p.idx AS period_idx${g.columns}, a.customer_id AS record_id, ${upsold} AS upsold,
               (${end} > ${start} AND ${start} > 0) AS expanded
        FROM ${ctx.rel("periods")} p JOIN ${ctx.rel("period_customers")} a ON a.idx = p.idx AND a.active_start
        LEFT JOIN ${ctx.rel("period_mrr")} m ON m.idx = p.idx AND m.customer_id = a.customer_id
        LEFT JOIN (${upsells}) u ON u.idx = p.idx AND u.customer_id = a.customer_id ${g.join}
      ) x`;
  },
  terms: [{ part: "numerator", when: "r.upsold OR r.expanded" }, { part: "denominator" }],
});

/** `weighted` parameter: true (default) multiplies by the stage probability where one is given. */
function isWeighted(ctx: MetricContext): boolean {
  const value = ctx.param("weighted", "true");
  if (value === "true" || value === "false") return value === "true";
  throw new CrmKpiError("bad_argument", `pipeline_value: weighted must be true or false, not "${value}"`, {
    param: "weighted",
    value,
  });
}

const pipelineValue = rowMetric({
  id: "pipeline_value",
  family: "sales",
  kind: "sum",
  unit: "money",
  direction: "up",
  requires: ["deals"],
  customerDimensions: "all",
  ownDimensions: dealDimensions,
  formula:
    "Σ amount of deals open at end, × the probability of the deal's stage at end when pipeline_stages gives one (weighted=true); not available when no open deal has an amount",
  nullWithoutAmounts: true,
  params: [
    {
      name: "weighted",
      description: "true: weight each open deal by its stage probability when pipeline_stages gives one",
      default: "true",
      range: { kind: "choice", values: ["true", "false"] },
    },
  ],
  entity: "deals",
  rows(ctx: MetricContext, grouping: Grouping) {
    const g = groupSelect(ctx, grouping, "d.customer_id", {}, DEAL_DIMENSIONS);
    const weight = isWeighted(ctx) ? "COALESCE(so.probability, 1)" : "1";
    // The deal's stage at end: its entry current at that instant, else the stage on the deal row.
    const current = `SELECT deal_id, stage, idx FROM (
        SELECT e.deal_id, e.stage, p.idx,
               ROW_NUMBER() OVER (PARTITION BY e.deal_id, p.idx ORDER BY e.entered_at DESC, e.stage_rank DESC) AS rn
        FROM ${ctx.rel("stage_entries")} e JOIN ${ctx.rel("periods")} p
          ON e.entered_at < p.end_at AND ${openEnd(ctx, "e.exited_at")} >= p.end_at) c
      WHERE rn = 1`;
    return `SELECT p.idx AS period_idx${g.columns}, d.deal_id AS record_id, CAST(d.amount_base * ${weight} AS ${MONEY_SQL_TYPE}) AS x,
        CONCAT(${ctx.bind("stage ")}, COALESCE(cs.stage, d.stage, ${ctx.bind("-")}), ${ctx.bind(", probability ")},
               COALESCE(${text("so.probability")}, ${ctx.bind("-")})) AS detail
      FROM deals d JOIN ${ctx.rel("periods")} p ON d.created_at < p.end_at AND ${openEnd(ctx, "d.closed_at")} >= p.end_at
      LEFT JOIN (${current}) cs ON cs.deal_id = d.deal_id AND cs.idx = p.idx
      LEFT JOIN (${stageOrderSql(ctx.dialect)}) so ON so.pipeline = d.pipeline AND so.stage = COALESCE(cs.stage, d.stage) ${g.join}`;
  },
  terms: [{ part: "value", amount: "r.x" }],
});

export const salesMetrics: readonly MetricDefinition[] = [
  closeRate,
  winRate,
  leadConversionRate,
  salesCycleDays,
  stageDurationDays,
  stageConversion,
  quotaAttainment,
  upsellRate,
  pipelineValue,
];
