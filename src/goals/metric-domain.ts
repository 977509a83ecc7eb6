import { findMetric } from "../core/metrics/registry.js";

/** The values a metric can take; an open side is undefined. */
export interface MetricDomain {
  readonly min?: number;
  readonly max?: number;
}

/** Rates whose numerator is part of their denominator: shares in [0, 1]. */
const SHARES: ReadonlySet<string> = new Set([
  "customer_churn_rate",
  "customer_retention_rate",
  "active_purchase_rate",
  "revenue_concentration_top20",
  "gross_revenue_retention",
  "renewal_rate",
  "close_rate",
  "win_rate",
  "lead_conversion_rate",
  "stage_conversion",
  "upsell_rate",
  "survey_response_rate",
  "ces_easy_share",
  "csat",
  "campaign_conversion_rate",
]);

/** Growth rates and returns: a base can shrink to nothing, not below (−100 %). */
const DOWN_TO_MINUS_ONE: ReadonlySet<string> = new Set([
  "customer_base_growth_rate",
  "email_list_growth_rate",
  "campaign_roi",
]);

const NON_NEGATIVE_UNITS: ReadonlySet<string> = new Set(["customers", "hours", "days", "months", "years"]);

/**
 * The domain of a metric's values, so that a projection or a SMART pace is
 * never an impossible value (churn below 0 %, a share above 100 %, NPS
 * beyond ±100). Money can be negative (refunds), so it has no bound.
 *
 * @example metricDomain("customer_churn_rate") // { min: 0, max: 1 }
 */
export function metricDomain(metricId: string): MetricDomain {
  if (SHARES.has(metricId)) return { min: 0, max: 1 };
  if (DOWN_TO_MINUS_ONE.has(metricId)) return { min: -1 };
  const metric = findMetric(metricId);
  if (!metric) return {};
  if (metric.unit === "nps") return { min: -100, max: 100 };
  if (metric.unit === "fraction" || NON_NEGATIVE_UNITS.has(metric.unit)) return { min: 0 };
  if (metric.kind === "count") return { min: 0 };
  return {};
}
