/** Messages of the metrics area (Metric details: exact sums, RFM, NPS components, pipeline value, breakdowns; the metrics peers have); the other locales have exactly these keys (parity.test.ts). */
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
  // Issue 12 part 4: the metrics peers have (mrr.ts, customer-value.ts).
  "metric.arr.name": "Annual recurring revenue (ARR)",
  "metric.arr.description": "MRR at the end of the period times 12.",
  "metric.paying_customers.name": "Paying customers",
  "metric.paying_customers.description": "Customers whose MRR is above zero at the end of the period.",
  "metric.arpa.name": "Average revenue per account (ARPA)",
  "metric.arpa.description": "MRR of the paying customers at the end of the period divided by their number.",
  "metric.quick_ratio.name": "SaaS quick ratio",
  "metric.quick_ratio.description":
    "MRR gained in the period (new, expansion, reactivation) divided by MRR lost (contraction, churn).",
  "metric.net_mrr_churn_rate.name": "Net MRR churn rate",
  "metric.net_mrr_churn_rate.description":
    "Churned and contraction MRR minus expansion and reactivation MRR, divided by MRR at the start; below zero when existing customers grow more than they shrink.",
  "metric.gross_mrr_churn_rate.name": "Gross MRR churn rate",
  "metric.gross_mrr_churn_rate.description":
    "Churned and contraction MRR divided by MRR at the start of the period.",
  "metric.mrr_ltv.name": "MRR-based lifetime value (LTV)",
  "metric.mrr_ltv.description": "ARPA times gross margin divided by the monthly gross MRR churn rate.",
  "metric.repeat_purchase_rate.name": "Repeat purchase rate",
  "metric.repeat_purchase_rate.description":
    "Share of the customers who bought in the last 365 days who bought at least twice in them.",
  "cli.detail.boughtInWindow": "bought in the window",
  "cli.detail.boughtAgainInWindow": "bought again in the window",
  "cli.formula.arr": "12 × mrr (at end − ε)",
  "cli.formula.paying_customers": "#customers with MRR > 0 at end − ε",
  "cli.formula.arpa": "Σ MRR at end of paying customers / paying_customers",
  "cli.formula.quick_ratio": "(mrr_new + mrr_expansion + mrr_reactivation) / (mrr_contraction + mrr_churned)",
  "cli.formula.net_mrr_churn_rate":
    "(mrr_churned + mrr_contraction − mrr_expansion − mrr_reactivation) / MRR_start",
  "cli.formula.gross_mrr_churn_rate": "(mrr_churned + mrr_contraction) / MRR_start",
  "cli.formula.mrr_ltv":
    "arpa × gross_margin / monthly gross_mrr_churn_rate; monthly = gross_mrr_churn_rate of P / months in P (month 1, quarter 3, year 12; days and weeks: days / 30.4375)",
  "cli.formula.repeat_purchase_rate":
    "#customers with ≥ 2 purchases in W / #customers with a purchase in W, W = [end − window, end); refunds are no purchase",
} as const;
