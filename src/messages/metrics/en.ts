/** Messages of the metrics area (Metric details: exact sums, RFM, NPS components, pipeline value, breakdowns); the other locales have exactly these keys (parity.test.ts). */
export const metricsEn = {
  // Siblings of `nps` (nps-components.ts): named `metric.<id>.name` so metricName finds them.
  "metric.nps_promoters.name": "NPS promoters",
  "metric.nps_promoters_share.name": "NPS promoters (share)",
  "metric.nps_passives.name": "NPS passives",
  "metric.nps_passives_share.name": "NPS passives (share)",
  "metric.nps_detractors.name": "NPS detractors",
  "metric.nps_detractors_share.name": "NPS detractors (share)",
  "metric.nps_standard_error.name": "NPS standard error",
  "metric.nps_ci_low.name": "NPS 95% interval, lower bound",
  "metric.nps_ci_high.name": "NPS 95% interval, upper bound",
  // Issue 8 part 10: why a metric is reported as a total only under --by.
  "metrics.breakdown.totalsOnly": "Totals only by {by}, {reason}: {metrics}",
  "metrics.breakdown.reason.spend":
    "spend rows name a channel, not a customer (only the acquisition channel breakdown works)",
  "metrics.breakdown.reason.campaignSpend": "spend rows name a campaign, not a customer",
  "metrics.breakdown.reason.quota": "quotas belong to reps, not customers (see the rows per rep and team)",
  "metrics.breakdown.reason.emailList":
    "list events carry an email address, not a customer (see the rows per list)",
  "metrics.breakdown.reason.dealColumn": "that is a column of deals, not of customers",
  "metrics.breakdown.reason.notCustomers": "its rows do not belong to customers",
} as const;
