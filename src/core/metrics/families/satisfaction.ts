import { CrmKpiError } from "../../errors.js";
import type { MetricContext } from "../context/metric-context.js";
import type { BuiltInBreakdown, Grouping, MetricDefinition } from "../definition/metric-definition.js";
import { NPS_SIBLING_DETAILS, NPS_SIBLINGS, npsWithComponentsSql } from "../fragments/nps-components.js";
import { drillColumns, groupBy, metricColumns, periodJoin } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §5, survey metrics. Every metric is Σ contribution / #rows over
 * one set of survey rows (`r`, with the scale resolved to `lo`..`hi`), so one
 * description gives both the SQL aggregate and the drill-down.
 */
type SurveyKind = "nps" | "ces" | "csat";

/** DATA_MODEL.md: scale defaults when scale_min / scale_max are empty. */
const DEFAULT_SCALE: Record<SurveyKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 5 },
  csat: { min: 1, max: 5 },
};

/** Survey rows with `lo`, `hi` (the scale, defaults applied). */
function scoredRowsSql(ctx: MetricContext): string {
  const kinds = Object.entries(DEFAULT_SCALE);
  const scaleDefault = (end: "min" | "max") =>
    `CASE r.survey ${kinds.map(([kind, scale]) => `WHEN ${ctx.bind(kind)} THEN ${ctx.bind(scale[end])}`).join(" ")} END`;
  return `SELECT r.*, CAST(COALESCE(r.scale_min, ${scaleDefault("min")}) AS DOUBLE PRECISION) AS lo,
                 CAST(COALESCE(r.scale_max, ${scaleDefault("max")}) AS DOUBLE PRECISION) AS hi
          FROM survey_responses r`;
}

/**
 * The score on the 0..10 NPS reading: 0..10 and 1..10 as they are, 1..5
 * mapped so that 4–5 promote, 3 is passive and 1–2 detract, any other scale
 * rescaled and rounded half up (METRICS.md §5 exact readings).
 */
function npsPointsSql(): string {
  return `CASE WHEN r.hi = 10 AND r.lo IN (0, 1) THEN r.score
    WHEN r.lo = 1 AND r.hi = 5 THEN CASE WHEN r.score >= 4 THEN 9 WHEN r.score >= 3 THEN 7 ELSE 0 END
    ELSE FLOOR((20 * (r.score - r.lo) + (r.hi - r.lo)) / (2 * NULLIF(r.hi - r.lo, 0))) END`;
}

interface SurveyMetricSpec extends Omit<MetricDefinition, "compile" | "drill" | "family" | "requires"> {
  /** Survey kind the metric reads; all kinds when absent. */
  readonly survey?: SurveyKind;
  /** Which timestamp puts a row in a period. */
  readonly at: "responded_at" | "sent_at";
  /** Only rows with a score count (responses); otherwise every row sent. */
  readonly scoredOnly: boolean;
  /** Per-row contribution to the numerator (0 = not in it), over `r`. */
  numerator(ctx: MetricContext): string;
  /** Drill-down amount of a numerator row: its contribution, or NULL when it counts 1. */
  readonly numeratorAmount: "contribution" | "one";
  /** Drill-down detail text of a row. */
  detail(ctx: MetricContext): string;
  /** True when the `survey` breakdown lists every kind in every period. */
  readonly everyKindEveryPeriod?: boolean;
}

/** Rows of the metric per period, with the customer alias `c` when a customer grouping asks for it. */
function fromSql(ctx: MetricContext, spec: SurveyMetricSpec, grouping: Grouping): string {
  const conditions = [
    periodJoin(ctx, `r.${spec.at}`),
    ...(spec.survey ? [`r.survey = ${ctx.bind(spec.survey)}`] : []),
    ...(spec.scoredOnly ? ["r.score IS NOT NULL"] : []),
  ];
  // A response without a (known) customer falls in the null bucket, so segments add up to the total.
  const customers =
    grouping.source === "customer"
      ? ` LEFT JOIN ${ctx.rel("customers")} c ON c.customer_id = r.customer_id`
      : "";
  return `FROM ${ctx.rel("periods")} p JOIN (${scoredRowsSql(ctx)}) r ON ${conditions.join(" AND ")}${customers}`;
}

/** Keys of a built-in breakdown read the response row (`r.survey`), customer keys the customer (`c.region`). */
function groupExpressions(ctx: MetricContext, grouping: Grouping, within: readonly string[] = []): string[] {
  if (grouping.source === "customer")
    return grouping.keys.map((key) => `${within.includes(key) ? "r" : "c"}.${ctx.q(key)}`);
  return grouping.keys.map((key) => `r.${ctx.q(key)}`);
}

function compileSurvey(spec: SurveyMetricSpec) {
  return (ctx: MetricContext, grouping: Grouping): string => {
    const inner = `SELECT ${metricColumns(
      ctx,
      spec.id,
      "p.idx",
      grouping,
      groupExpressions(ctx, grouping, spec.breakdownWithin),
      {
        numerator: `SUM(${spec.numerator(ctx)})`,
        denominator: "COUNT(*)",
      },
    )}
      ${fromSql(ctx, spec, grouping)}
      ${groupBy(ctx, "p.idx", grouping)}`;
    if (!(spec.everyKindEveryPeriod && grouping.source === "builtin")) return inner;
    // A kind sent in no row of a period still gets its 0 / 0 row.
    return `WITH agg AS (${inner})
      SELECT ${ctx.bind(spec.id)} AS metric, p.idx AS period_idx, k.survey AS g0, a.value,
             COALESCE(a.numerator, 0) AS numerator, COALESCE(a.denominator, 0) AS denominator
      FROM ${ctx.rel("periods")} p CROSS JOIN (SELECT DISTINCT survey FROM survey_responses) k
      LEFT JOIN agg a ON a.period_idx = p.idx AND a.g0 = k.survey`;
  };
}

function drillSurvey(spec: SurveyMetricSpec) {
  return (ctx: MetricContext, grouping: Grouping): string => {
    const row = (part: "numerator" | "denominator", amount: string, where: string) =>
      `SELECT ${drillColumns(ctx, "p.idx", grouping, groupExpressions(ctx, grouping, spec.breakdownWithin), {
        part,
        entity: "survey_responses",
        recordId: "r.response_id",
        amount,
        detail: spec.detail(ctx),
      })}
      ${fromSql(ctx, spec, grouping)}${where}`;
    const contribution = spec.numerator(ctx);
    const amount = spec.numeratorAmount === "contribution" ? contribution : "NULL";
    return `${row("numerator", amount, ` WHERE (${contribution}) <> 0`)}
      UNION ALL
      ${row("denominator", "NULL", "")}`;
  };
}

function surveyMetric(spec: SurveyMetricSpec): MetricDefinition {
  const {
    survey: _survey,
    at: _at,
    scoredOnly: _scoredOnly,
    numerator: _numerator,
    numeratorAmount: _amount,
    detail: _detail,
    everyKindEveryPeriod: _every,
    ...definition
  } = spec;
  return {
    ...definition,
    family: "service",
    requires: ["survey_responses"],
    compile: compileSurvey(spec),
    drill: drillSurvey(spec),
  };
}

/** `score 9 on 0..10`, for drill-downs. */
function scoreDetail(ctx: MetricContext): string {
  return `${ctx.bind("score ")} || CAST(r.score AS VARCHAR) || ${ctx.bind(" on ")} || CAST(r.lo AS VARCHAR) || '..' || CAST(r.hi AS VARCHAR)`;
}

/** Parameter `positive_points`: a whole number of points ≥ 1. */
function positivePoints(ctx: MetricContext): number {
  const text = ctx.param("positive_points", "2");
  const points = Number(text);
  if (!Number.isInteger(points) || points < 1) {
    throw new CrmKpiError(
      "bad_argument",
      `positive_points must be a whole number of scale points, at least 1 (got "${text}"); try --param positive_points=2`,
      { param: "positive_points", value: text },
    );
  }
  return points;
}

const BY_CHANNEL: readonly BuiltInBreakdown[] = [{ keys: ["channel"] }];

/** Responses in P in the top `points` points of their scale. */
function topPoints(ctx: MetricContext, points: number): string {
  return `CASE WHEN r.score >= r.hi - ${ctx.bind(points)} + 1 THEN 1 ELSE 0 END`;
}

/** `nps` with its components and margin of error as siblings (nps-components.ts). */
function npsMetric(spec: SurveyMetricSpec): MetricDefinition {
  return {
    ...surveyMetric(spec),
    siblings: NPS_SIBLINGS,
    siblingDetails: NPS_SIBLING_DETAILS,
    compile: (ctx, grouping) =>
      npsWithComponentsSql(ctx, grouping, {
        from: fromSql(ctx, spec, grouping),
        groups: groupExpressions(ctx, grouping),
        category: spec.numerator(ctx),
      }),
  };
}

export const satisfactionMetrics: readonly MetricDefinition[] = [
  npsMetric({
    id: "nps",
    kind: "nps",
    unit: "nps",
    direction: "up",
    formula:
      "100 × (promoters − detractors) / responses in P; 0..10 and 1..10: promoter 9–10, detractor ≤ 6; 1..5: promoter 4–5, detractor 1–2; other scales rescaled to 0..10",
    customerDimensions: "all",
    survey: "nps",
    at: "responded_at",
    scoredOnly: true,
    numerator: () =>
      `(CASE WHEN (${npsPointsSql()}) >= 9 THEN 1 WHEN (${npsPointsSql()}) <= 6 THEN -1 ELSE 0 END)`,
    numeratorAmount: "contribution",
    detail: scoreDetail,
  }),
  surveyMetric({
    id: "survey_response_rate",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    formula: "per survey kind: rows sent in P that were answered (whenever) / rows sent in P",
    // Per survey kind and the customer's segment.
    customerDimensions: "all",
    breakdownWithin: ["survey"],
    ownsCustomerRows: true,
    hasTotal: false,
    builtInBreakdowns: [{ keys: ["survey"] }],
    at: "sent_at",
    scoredOnly: false,
    numerator: () => "(CASE WHEN r.score IS NOT NULL THEN 1 ELSE 0 END)",
    numeratorAmount: "one",
    detail: (ctx) =>
      `${ctx.bind("sent ")} || CAST(r.sent_at AS VARCHAR) || COALESCE(${ctx.bind(", answered ")} || CAST(r.responded_at AS VARCHAR), ${ctx.bind(", no answer")})`,
    everyKindEveryPeriod: true,
  }),
  surveyMetric({
    id: "ces",
    kind: "mean",
    unit: "score",
    direction: "up",
    formula: "mean score of ces responses in P, on the survey's scale (higher = easier)",
    customerDimensions: "all",
    builtInBreakdowns: BY_CHANNEL,
    survey: "ces",
    at: "responded_at",
    scoredOnly: true,
    numerator: () => "r.score",
    numeratorAmount: "contribution",
    detail: scoreDetail,
  }),
  surveyMetric({
    id: "ces_easy_share",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    formula: "share of ces responses in P in the top two points of the scale (4–5 on 1..5)",
    customerDimensions: "all",
    builtInBreakdowns: BY_CHANNEL,
    survey: "ces",
    at: "responded_at",
    scoredOnly: true,
    numerator: (ctx) => topPoints(ctx, 2),
    numeratorAmount: "one",
    detail: scoreDetail,
  }),
  surveyMetric({
    id: "csat",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    formula: "share of csat responses in P with score ≥ scale_max − positive_points + 1",
    params: [
      {
        name: "positive_points",
        description: "how many top points of the scale count as satisfied (2: 4–5 on 1..5)",
        default: "2",
        range: { kind: "number", min: 1, max: 10, integer: true },
      },
    ],
    customerDimensions: "all",
    survey: "csat",
    at: "responded_at",
    scoredOnly: true,
    numerator: (ctx) => topPoints(ctx, positivePoints(ctx)),
    numeratorAmount: "one",
    detail: scoreDetail,
  }),
];
