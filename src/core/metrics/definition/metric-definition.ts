import type { EntityName } from "../../model/entities.js";
import type { DatasetSettings } from "../../model/settings.js";
import type { Grouping } from "../context/grouping.js";
import type { MetricContext } from "../context/metric-context.js";

export type { Grouping } from "../context/grouping.js";

/**
 * How a metric's value follows from the numerator and denominator its SQL
 * returns. Closed union: a new kind fails to compile until `reportedValue` handles it.
 * - `count`, `sum`: the SQL's `value` column; numerator and denominator are null.
 * - `ratio`: numerator / denominator (null when the denominator is 0).
 * - `mean`: sum / count, exposed as numerator and denominator.
 * - `nps`: 100 × (promoters − detractors) / responses.
 * - `statistic`: a value only (medians, percentiles).
 * - `quotient`: numerator / denominator where both are derived numbers that
 *   may themselves be undefined (clv = value / churn): a null stays null.
 */
export type MetricKind = "count" | "sum" | "ratio" | "mean" | "nps" | "statistic" | "quotient";

export type MetricUnit =
  | "customers"
  | "count"
  | "money"
  | "fraction"
  | "score"
  | "nps"
  | "hours"
  | "days"
  | "months"
  | "years";

/** Which way is good: `up` (more is better), `down`, or `neutral`. */
export type Direction = "up" | "down" | "neutral";

export type MetricFamily = "customers" | "revenue" | "value" | "sales" | "service" | "marketing";

/** Records of `entity` dated up to `days` after the period's end (absent: any time after). See `MetricDefinition.readsLater`. */
export interface LaterRead {
  readonly entity: EntityName;
  /** From the report's parameters and the dataset settings, as the metric's SQL reads them. */
  readonly days?: (params: Readonly<Record<string, string>>, settings: DatasetSettings) => number;
}

export interface MetricParam {
  readonly name: string;
  readonly description: string;
  readonly default: string;
  /** The values the parameter accepts; anything else is refused before the report runs (metric-params.ts). */
  readonly range: ParamRange;
}

/**
 * What a metric parameter accepts:
 * - `number`: a decimal number in [min, max] (`minExclusive`: min itself is
 *   refused; `integer`: whole numbers only; `optional`: empty is allowed);
 * - `duration`: `90d`, `12w`, `3m` (30 d), `1y` (365 d) or bare days, from
 *   `minDays` to `maxDays`, or one of `also` (`first_order`);
 * - `choice`: one of `values`.
 */
export type ParamRange =
  | {
      readonly kind: "number";
      readonly min: number;
      readonly max: number;
      readonly minExclusive?: boolean;
      readonly integer?: boolean;
      readonly optional?: boolean;
    }
  | {
      readonly kind: "duration";
      readonly minDays: number;
      readonly maxDays: number;
      readonly also?: readonly string[];
    }
  | { readonly kind: "choice"; readonly values: readonly string[] };

/**
 * A built-in breakdown of a metric (METRICS.md "Ids of statistics and
 * breakdowns"): its segment keys, in order, and whether the metric also has
 * a total row.
 */
export interface BuiltInBreakdown {
  readonly keys: readonly string[];
}

export interface MetricDefinition {
  readonly id: string;
  readonly family: MetricFamily;
  readonly kind: MetricKind;
  readonly unit: MetricUnit;
  readonly direction: Direction;
  /** Formula as a reader sees it, with the METRICS.md names. */
  readonly formula: string;
  /** Entities that must hold rows for the metric to be available. */
  readonly requires: readonly EntityName[];
  readonly params?: readonly MetricParam[];
  /**
   * The records dated after a period's end that its value may read (directly
   * or through a link: a deal's lead), so that it changes when such records
   * arrive (docs/metrics.md, "Values that change after their period").
   * Absent: a period's value reads only records whose earliest date is
   * before its end (they may be read as they stand now: a lead created in P
   * that converts later). Checked by test/conformance/later-records.test.ts;
   * reused reports rely on it (report/reuse-report.ts).
   */
  readonly readsLater?: readonly LaterRead[];
  /** Sibling ids produced by the same query (`sales_cycle_days_median`…), with their kind. */
  readonly siblings?: readonly string[];
  /**
   * True when a sum without any amount is not available (null) rather than 0:
   * `pipeline_value` when no open deal has an amount (the deals file has none).
   */
  readonly nullWithoutAmounts?: boolean;
  /** Kind and unit of a sibling that is not a value-only statistic in the metric's unit (`nps_promoters`: a count). */
  readonly siblingDetails?: Readonly<Record<string, SiblingDetail>>;
  readonly builtInBreakdowns?: readonly BuiltInBreakdown[];
  /** False when the metric has only breakdown rows (survey_response_rate: per survey kind). */
  readonly hasTotal?: boolean;
  /**
   * Customer dimensions the metric can be broken down by: `all` (rows tie to
   * a customer), `none`, or a list of specific ones it handles itself.
   */
  readonly customerDimensions: "all" | "none" | readonly string[];
  /**
   * Why the metric does not break down by some or all customer dimensions, as
   * a message key of the metrics catalog (`metrics.breakdown.spend`: spend has
   * no customer). Printed with the "totals only" note.
   */
  readonly noBreakdownReason?: string;
  /**
   * Keys of a built-in breakdown a customer breakdown is nested in, for a
   * metric without a total (per stage and region, per survey kind and
   * segment): the customer grouping's keys are these, then the `--by` keys.
   */
  readonly breakdownWithin?: readonly string[];
  /**
   * Dimensions beside the customer's that the metric handles itself with
   * --by (sales: `deal_owner`, `pipeline`): name → SQL listing every value
   * as column `v`, so every period gets a row per value. The metric's
   * `compile` maps the name to its own column (`groupSelect`'s `own`).
   */
  readonly ownDimensions?: Readonly<Record<string, (ctx: MetricContext) => string>>;
  /**
   * True when `compile` returns every row of a customer grouping itself, so
   * the report does not fill periods × customer values around it (cac per
   * channel: channels come from spend too, and there is no null bucket).
   */
  readonly ownsCustomerRows?: boolean;
  /**
   * Compiles several requests of the metric's family as one statement (one scan, GROUPING SETS);
   * the same object on every metric it serves. The report uses it instead of `compile`.
   */
  readonly combined?: CombinedCompiler;
  /** SQL for one grouping; see `Grouping` for the columns it must return. */
  compile(ctx: MetricContext, grouping: Grouping): string;
  /**
   * SQL listing the rows behind the number, for every period and group; the
   * caller filters one. Columns: `period_idx`, `g0`…`gN` as in `compile`,
   * `part` (`numerator`, `denominator` or `value`), `entity` (table the row
   * comes from), `record_id`, `amount` (the row's contribution, or NULL when
   * it counts 1), `detail` (short text, e.g. the timestamps that decided).
   */
  drill(ctx: MetricContext, grouping: Grouping): string;
}

/** One grouping of one metric, as a report asks for it. */
export interface MetricRequest {
  readonly metric: MetricDefinition;
  readonly grouping: Grouping;
}

/**
 * Several requests as one statement. Its rows are `compile`'s plus `req`, the
 * index in `requests` of the request a row answers, and `g0`…`gN` up to the
 * longest grouping (NULL beyond a request's own keys). Every request it is
 * given has a metric whose `combined` is this object.
 */
export interface CombinedCompiler {
  /** Whether it answers the request (absent: every request of its metrics); the others use `compile`. */
  accepts?(request: MetricRequest): boolean;
  compile(ctx: MetricContext, requests: readonly MetricRequest[]): string;
}

/** A metric's `compile` for one grouping from its family's combined compiler: the SQL is written once. */
export function compileOneRequest(
  combined: CombinedCompiler,
  ctx: MetricContext,
  request: MetricRequest,
): string {
  const groups = request.grouping.keys.map((_, i) => `, s.g${i}`).join("");
  return `SELECT s.metric, s.period_idx${groups}, s.value, s.numerator, s.denominator
    FROM (${combined.compile(ctx, [request])}) s`;
}

export interface SiblingDetail {
  readonly kind: MetricKind;
  readonly unit: MetricUnit;
}

/** How a reported id reads: the metric's own kind, a sibling's declared kind, else a value-only statistic. */
export function kindOfId(metric: MetricDefinition, id: string): MetricKind {
  // A null value of such a sum (SUM over NULL amounts, or no row) stays null: read it as a statistic.
  if (id === metric.id) return metric.nullWithoutAmounts === true ? "statistic" : metric.kind;
  return metric.siblingDetails?.[id]?.kind ?? "statistic";
}

export function messageKeys(id: string): { name: string; description: string } {
  return { name: `metric.${id}.name`, description: `metric.${id}.description` };
}
