import type { MetricDefinition } from "../core/metrics/definition/metric-definition.js";
import { findMetric } from "../core/metrics/registry.js";
import { METRIC_DIMENSIONS } from "./run-report.js";

/**
 * Why a metric is reported as a total only under `--by` (a message key of the
 * metrics catalog): a dimension some metrics handle themselves (`deal_owner`,
 * `pipeline`: columns of deals) for a metric that does not, else the metric's own
 * reason (spend has no customer, quotas belong to reps), else a generic one.
 */
export function breakdownReasonKey(metric: MetricDefinition, by: readonly string[]): string {
  const dealColumn = by.some(
    (d) => !Object.hasOwn(metric.ownDimensions ?? {}, d) && METRIC_DIMENSIONS.includes(d),
  );
  if (dealColumn) return "metrics.breakdown.reason.dealColumn";
  return metric.noBreakdownReason ?? "metrics.breakdown.reason.notCustomers";
}

/** Metric ids grouped by their reason key, in the order given (one note line per reason). */
export function groupByReason(ids: readonly string[], by: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const metric = findMetric(id);
    const key = metric ? breakdownReasonKey(metric, by) : "metrics.breakdown.reason.notCustomers";
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return groups;
}
