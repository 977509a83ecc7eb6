import type { EntityName } from "../../model/entities.js";
import type { MetricContext } from "../context/metric-context.js";
import { durationDays, parseDurationDays } from "../definition/duration-param.js";
import {
  type CombinedCompiler,
  compileOneRequest,
  type Grouping,
  type LaterRead,
  type MetricDefinition,
  type MetricKind,
  type MetricParam,
  type MetricUnit,
} from "../definition/metric-definition.js";
import { spendRowsSql } from "../fragments/acquisition-spend.js";
import { signedOrderAmount } from "../fragments/money-rows.js";
import { drillColumns, NO_NUMBER, type Part, periodJoin } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §6 `campaign_*`, one row per (period, campaign). Attribution:
 * - spend: spend rows with that campaign_id, spread per local day as `cac` does;
 * - leads: leads with that campaign_id created in P; converted: those whose
 *   status is `converted` now (as `lead_conversion_rate` reads it);
 * - customers: first touch. A customer belongs to the campaign of their
 *   earliest converted lead (by created_at, then lead_id), counted in the
 *   period of their acquired_at, so no customer counts for two campaigns;
 * - revenue: signed orders of those customers in [acquired_at, acquired_at +
 *   campaign_window), reported in the period of acquisition (a cohort, as in
 *   `cac_payback_months`);
 * - cost per lead, cac and roi are null when the campaign has no spend row in
 *   P: its cost is unknown, not zero. They stay plain ratios (the rows behind
 *   each part add up to it): without spend, the leads or customers are left
 *   out of the denominator, which makes it 0.
 */

const CONVERTED = "converted";

const WINDOW: MetricParam = {
  name: "campaign_window",
  description: "how long after acquisition a customer's orders count as campaign revenue",
  default: "90d",
  range: { kind: "duration", minDays: 1, maxDays: 3650 },
};

/** The row sets the metrics are made of. */
type Source = "spend" | "leads" | "converted_leads" | "customers" | "revenue";

/** Entities a source needs rows of (customers come through converted leads). */
const SOURCE_REQUIRES: Record<Source, readonly EntityName[]> = {
  spend: ["spend"],
  leads: ["leads"],
  converted_leads: ["leads"],
  customers: ["leads", "customers"],
  revenue: ["leads", "customers", "orders"],
};

const SOURCE_ENTITY: Record<Source, EntityName> = {
  spend: "spend",
  leads: "leads",
  converted_leads: "leads",
  customers: "customers",
  revenue: "orders",
};

/** Every campaign a report lists: those of the campaigns table and those that spend and leads name. */
export function campaignIdsSql(): string {
  return `SELECT campaign_id FROM campaigns
    UNION SELECT campaign_id FROM spend WHERE campaign_id IS NOT NULL
    UNION SELECT campaign_id FROM leads WHERE campaign_id IS NOT NULL`;
}

/** Customers won by a campaign (first touch), acquired in P: idx, campaign_id, customer_id, lead_id, acquired_eff. */
function acquiredSql(ctx: MetricContext): string {
  const firstTouch = `
    SELECT customer_id, campaign_id, lead_id FROM (
      SELECT l.customer_id, l.campaign_id, l.lead_id,
             ROW_NUMBER() OVER (PARTITION BY l.customer_id ORDER BY l.created_at, ${ctx.dialect.binaryOrder("l.lead_id")}) AS rn
      FROM leads l WHERE l.status = ${ctx.bind(CONVERTED)} AND l.customer_id IS NOT NULL
    ) f WHERE f.rn = 1 AND f.campaign_id IS NOT NULL`;
  return `SELECT p.idx, ft.campaign_id, c.customer_id, ft.lead_id, c.acquired_eff
    FROM (${firstTouch}) ft
    JOIN ${ctx.rel("customers")} c ON c.customer_id = ft.customer_id
    JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "c.acquired_eff")}`;
}

/** Rows of one source: idx, campaign_id, customer_id (NULL for spend and unconverted leads), record_id, amount (1 for a counted row), detail. */
function sourceRowsSql(ctx: MetricContext, source: Source): string {
  const text = (expr: string) => `CAST(${expr} AS VARCHAR)`;
  switch (source) {
    case "spend":
      return `SELECT sr.idx, sr.campaign_id, CAST(NULL AS VARCHAR) AS customer_id, sr.record_id, sr.amount, sr.detail
        FROM (${spendRowsSql(ctx)}) sr WHERE sr.campaign_id IS NOT NULL`;
    case "leads":
    case "converted_leads": {
      const onlyConverted = source === "converted_leads" ? ` AND l.status = ${ctx.bind(CONVERTED)}` : "";
      return `SELECT p.idx, l.campaign_id, l.customer_id, l.lead_id AS record_id, 1 AS amount,
          CONCAT(COALESCE(l.status, ${ctx.bind("-")}), ${ctx.bind(", created ")}, ${text("l.created_at")}) AS detail
        FROM leads l JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, "l.created_at")}
        WHERE l.campaign_id IS NOT NULL${onlyConverted}`;
    }
    case "customers":
      return `SELECT a.idx, a.campaign_id, a.customer_id, a.customer_id AS record_id, 1 AS amount,
          CONCAT(${ctx.bind("lead ")}, a.lead_id, ${ctx.bind(", acquired ")}, ${text("a.acquired_eff")}) AS detail
        FROM (${acquiredSql(ctx)}) a`;
    case "revenue": {
      const window = ctx.days(durationDays(ctx, WINDOW.name, WINDOW.default));
      return `SELECT a.idx, a.campaign_id, a.customer_id, o.order_id AS record_id, ${signedOrderAmount(ctx)} AS amount,
          CONCAT(${ctx.bind("customer ")}, a.customer_id, ${ctx.bind(", ordered ")}, ${text("o.ordered_at")},
                 ${ctx.bind(", acquired ")}, ${text("a.acquired_eff")}) AS detail
        FROM (${acquiredSql(ctx)}) a JOIN orders o ON o.customer_id = a.customer_id
          AND o.ordered_at >= a.acquired_eff AND o.ordered_at < ${ctx.dialect.addSeconds("a.acquired_eff", window)}`;
    }
  }
}

/**
 * A term of a metric: the rows of `source` count toward `part`, with `sign`
 * (roi subtracts spend); `ifSpend` keeps them only when the campaign has a
 * spend row in the period.
 */
interface Term {
  readonly part: Part;
  readonly source: Source;
  readonly sign?: -1;
  readonly ifSpend?: true;
}

interface CampaignMetricSpec {
  readonly id: string;
  readonly kind: MetricKind;
  readonly unit: MetricUnit;
  readonly direction: MetricDefinition["direction"];
  readonly formula: string;
  readonly terms: readonly Term[];
  /** SQL over the per-source sums `a.<source>` (NULL when the source has no row). */
  readonly value?: string;
  readonly numerator?: string;
  readonly denominator?: string;
}

function campaignMetric(spec: CampaignMetricSpec): MetricDefinition {
  const sources = sourcesOf(spec);
  const requires = [...new Set(sources.flatMap((s) => SOURCE_REQUIRES[s]))];
  const usesWindow = sources.includes("revenue");
  // A campaign's customers come through leads of any date; their revenue runs the window past P.
  const laterReads: LaterRead[] = [
    ...(sources.includes("customers") || usesWindow ? [{ entity: "leads" as const }] : []),
    ...(usesWindow
      ? [
          {
            entity: "orders" as const,
            days: (params: Readonly<Record<string, string>>) =>
              parseDurationDays(WINDOW.name, params[WINDOW.name] ?? WINDOW.default),
          },
        ]
      : []),
  ];
  // Spend has no customer; leads belong to the customer they converted into (else the null bucket).
  const perCustomer = !sources.includes("spend");
  SPECS.set(spec.id, spec);
  const metric: MetricDefinition = {
    id: spec.id,
    family: "marketing",
    kind: spec.kind,
    unit: spec.unit,
    direction: spec.direction,
    formula: spec.formula,
    requires,
    ...(usesWindow ? { params: [WINDOW] } : {}),
    ...(laterReads.length > 0 ? { readsLater: laterReads } : {}),
    builtInBreakdowns: [{ keys: ["campaign_id"] }],
    hasTotal: false,
    ...(perCustomer
      ? { customerDimensions: "all", breakdownWithin: ["campaign_id"], ownsCustomerRows: true }
      : { customerDimensions: "none", noBreakdownReason: "metrics.breakdown.reason.campaignSpend" }),
    combined: ALL_CAMPAIGN_METRICS,
    compile: (ctx, grouping) => compileOneRequest(ALL_CAMPAIGN_METRICS, ctx, { metric, grouping }),
    drill(ctx, grouping) {
      return spec.terms
        .map((term) => {
          const counted = term.source !== "spend" && term.source !== "revenue";
          const amount = counted ? undefined : term.sign === -1 ? "-r.amount" : "r.amount";
          const gate = term.ifSpend
            ? ` WHERE EXISTS (SELECT 1 FROM (${sourceRowsSql(ctx, "spend")}) s WHERE s.idx = r.idx AND s.campaign_id = r.campaign_id)`
            : "";
          const segment = segmentOf(ctx, grouping);
          return `SELECT ${drillColumns(ctx, "r.idx", grouping, ["r.campaign_id", ...segment.groups], {
            part: term.part,
            entity: SOURCE_ENTITY[term.source],
            recordId: "r.record_id",
            ...(amount ? { amount } : {}),
            detail: "r.detail",
          })} FROM (${sourceRowsSql(ctx, term.source)}) r${segment.join}${gate}`;
        })
        .join("\nUNION ALL\n");
    },
  };
  return metric;
}

const SPECS = new Map<string, CampaignMetricSpec>();

const sourcesOf = (spec: CampaignMetricSpec): Source[] => [...new Set(spec.terms.map((t) => t.source))];

/**
 * Every campaign metric, per campaign and per campaign and segment, from one
 * set of per-source sums (GROUPING SETS). Per campaign: every campaign ×
 * every period, so a quiet campaign still shows its zeros; per segment: the
 * groups where one of the metric's sources has rows. Each source sums its
 * own amount column (a count stays an integer, spend a double).
 */
const ALL_CAMPAIGN_METRICS: CombinedCompiler = {
  compile(ctx, requests) {
    const specs = requests.map((r) => SPECS.get(r.metric.id) as CampaignMetricSpec);
    const sources = [...new Set(specs.flatMap(sourcesOf))];
    const segmentKeys = [
      ...new Set(requests.flatMap((r) => (r.grouping.source === "customer" ? r.grouping.keys.slice(1) : []))),
    ];
    const segment = segmentOf(ctx, { keys: ["campaign_id", ...segmentKeys], source: "customer" });
    const segmentColumns =
      segmentKeys.length === 0 ? "" : segment.groups.map((g, i) => `, ${g} AS s${i}`).join("");
    const rows = sources
      .map((s) => {
        const amounts = sources.map((t) => `, ${t === s ? "r.amount" : NO_NUMBER} AS ${t}`).join("");
        return `SELECT r.idx, r.campaign_id, ${ctx.bind(s)} AS src${amounts}${segmentColumns}
          FROM (${sourceRowsSql(ctx, s)}) r${segmentKeys.length === 0 ? "" : segment.join}`;
      })
      .join("\nUNION ALL\n");
    const sums = sources
      .map((s) => `, SUM(x.${s}) AS ${s}, COUNT(CASE WHEN x.src = ${ctx.bind(s)} THEN 1 END) AS n_${s}`)
      .join("");
    const segmentNames = segmentKeys.map((_, i) => `x.s${i}`);
    const groupBy =
      segmentKeys.length === 0
        ? "GROUP BY x.idx, x.campaign_id"
        : `GROUP BY GROUPING SETS ((x.idx, x.campaign_id), (x.idx, x.campaign_id, ${segmentNames.join(", ")}))`;
    const setId = segmentKeys.length === 0 ? "0" : `GROUPING(${segmentNames.join(", ")})`;
    const perCampaign = (1 << segmentKeys.length) - 1;
    const width = Math.max(...requests.map((r) => r.grouping.keys.length));
    const pad = (from: number) =>
      Array.from({ length: width - from }, (_, i) => `, NULL AS g${from + i}`).join("");
    const branches = requests.map((r, req) => {
      const spec = specs[req] as CampaignMetricSpec;
      const values = `${spec.value ?? NO_NUMBER} AS value, ${spec.numerator ?? NO_NUMBER} AS numerator, ${spec.denominator ?? NO_NUMBER} AS denominator`;
      if (r.grouping.source === "customer") {
        const mine = r.grouping.keys
          .slice(1)
          .map((k) => `, a.s${segmentKeys.indexOf(k)} AS g${r.grouping.keys.indexOf(k)}`);
        const present = sourcesOf(spec)
          .map((s) => `a.n_${s} > 0`)
          .join(" OR ");
        return `SELECT ${req} AS req, ${ctx.bind(spec.id)} AS metric, a.idx AS period_idx, a.campaign_id AS g0${mine.join("")}${pad(r.grouping.keys.length)}, ${values}
          FROM source_sums a WHERE a.set_id = 0 AND (${present})`;
      }
      return `SELECT ${req} AS req, ${ctx.bind(spec.id)} AS metric, p.idx AS period_idx, k.campaign_id AS g0${pad(1)}, ${values}
        FROM ${ctx.rel("periods")} p CROSS JOIN campaign_ids k
        LEFT JOIN source_sums a ON a.idx = p.idx AND a.campaign_id = k.campaign_id AND a.set_id = ${perCampaign}`;
    });
    return `WITH campaign_ids AS MATERIALIZED (${campaignIdsSql()}),
      source_sums AS MATERIALIZED (
        SELECT x.idx, x.campaign_id${segmentNames.map((n, i) => `, ${n} AS s${i}`).join("")}, ${setId} AS set_id${sums}
        FROM (${rows}) x ${groupBy})
      ${branches.join("\nUNION ALL\n")}`;
  },
};

/**
 * Per campaign and customer segment (`--by`, nested in campaign_id): the
 * segment's customer columns over alias `c`, joined to the rows' customer;
 * a row without one falls in the null bucket, so segments add up.
 */
function segmentOf(ctx: MetricContext, grouping: Grouping): { groups: string[]; join: string } {
  if (grouping.source !== "customer") return { groups: [], join: "" };
  return {
    groups: grouping.keys.slice(1).map((k) => `c.${ctx.q(k)}`),
    join: ` LEFT JOIN ${ctx.rel("customers")} c ON c.customer_id = r.customer_id`,
  };
}

const zero = (source: Source) => `COALESCE(a.${source}, 0)`;
/** A denominator counted only when the campaign spent in P (`Term.ifSpend`). */
const ifSpend = (source: Source) => `CASE WHEN a.spend IS NULL THEN 0 ELSE COALESCE(a.${source}, 0) END`;

export const campaignMetrics: readonly MetricDefinition[] = [
  campaignMetric({
    id: "campaign_spend",
    kind: "sum",
    unit: "money",
    direction: "neutral",
    formula: "spend rows with the campaign_id, spread per local day over P",
    terms: [{ part: "value", source: "spend" }],
    value: zero("spend"),
  }),
  campaignMetric({
    id: "campaign_leads",
    kind: "count",
    unit: "count",
    direction: "up",
    formula: "leads with the campaign_id created in P",
    terms: [{ part: "value", source: "leads" }],
    value: zero("leads"),
  }),
  campaignMetric({
    id: "campaign_converted_leads",
    kind: "count",
    unit: "count",
    direction: "up",
    formula: "leads with the campaign_id created in P with status converted (now)",
    terms: [{ part: "value", source: "converted_leads" }],
    value: zero("converted_leads"),
  }),
  campaignMetric({
    id: "campaign_conversion_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    formula: "campaign_converted_leads / campaign_leads",
    terms: [
      { part: "numerator", source: "converted_leads" },
      { part: "denominator", source: "leads" },
    ],
    numerator: zero("converted_leads"),
    denominator: zero("leads"),
  }),
  campaignMetric({
    id: "campaign_customers",
    kind: "count",
    unit: "customers",
    direction: "up",
    formula: "customers acquired in P whose earliest converted lead has the campaign_id (first touch)",
    terms: [{ part: "value", source: "customers" }],
    value: zero("customers"),
  }),
  campaignMetric({
    id: "campaign_cost_per_lead",
    kind: "ratio",
    unit: "money",
    direction: "down",
    formula: "campaign_spend / campaign_leads; null without a spend row in P",
    terms: [
      { part: "numerator", source: "spend" },
      { part: "denominator", source: "leads", ifSpend: true },
    ],
    numerator: zero("spend"),
    denominator: ifSpend("leads"),
  }),
  campaignMetric({
    id: "campaign_cac",
    kind: "ratio",
    unit: "money",
    direction: "down",
    formula: "campaign_spend / campaign_customers; null without a spend row in P",
    terms: [
      { part: "numerator", source: "spend" },
      { part: "denominator", source: "customers", ifSpend: true },
    ],
    numerator: zero("spend"),
    denominator: ifSpend("customers"),
  }),
  campaignMetric({
    id: "campaign_revenue",
    kind: "sum",
    unit: "money",
    direction: "up",
    formula:
      "signed orders of the campaign_customers of P in [acquired_at, acquired_at + campaign_window), refunds subtracted",
    terms: [{ part: "value", source: "revenue" }],
    value: zero("revenue"),
  }),
  campaignMetric({
    id: "campaign_roi",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    formula: "(campaign_revenue − campaign_spend) / campaign_spend; null without spend",
    terms: [
      { part: "numerator", source: "revenue" },
      { part: "numerator", source: "spend", sign: -1 },
      { part: "denominator", source: "spend" },
    ],
    numerator: `${zero("revenue")} - ${zero("spend")}`,
    denominator: zero("spend"),
  }),
];

/** The campaign metric ids in table order (`crm-kpi campaigns`). */
export const CAMPAIGN_METRIC_IDS: readonly string[] = campaignMetrics.map((m) => m.id);
