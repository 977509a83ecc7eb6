/** Messages of the propensity area (upsell and churn); the other locales have exactly these keys (parity.test.ts). */
export const propensityEn = {
  "propensity.cli.upsell.description":
    "Upsell propensity: each active customer's chance of an expansion or upgrade in the next window, ranked and explained",
  "propensity.cli.churn.description":
    "Churn propensity: each active customer's chance of churning in the next window, ranked and explained",
  "propensity.cli.option.asOf":
    "score as of the end of this day (YYYY-MM-DD in the calendar; default: the last day of the data); nothing later is read",
  "propensity.cli.option.window": "outcome window in days (default 90)",
  "propensity.cli.option.top":
    "print only the N highest scores (default: 20 in table and md, every customer otherwise)",
  "propensity.column.rank": "Rank",
  "propensity.column.customer": "Customer",
  "propensity.column.name": "Name",
  "propensity.column.score": "Score",
  "propensity.column.decile": "Decile",
  "propensity.column.drivers": "Strongest drivers",
  "propensity.target.upsell": "Upsell",
  "propensity.target.churn": "Churn",
  "propensity.summary":
    "{target} propensity as of {asOf}, outcome window {window} days: {count} active customers scored by an L2 logistic regression trained on {rows} rows ({positives} with the outcome) from {snapshots} snapshots.",
  "propensity.backtest":
    "Backtest: trained on snapshots up to {trainEnd}, tested on {testAt} with outcomes up to {asOf}: AUC {auc}, lift in the top decile {lift} ({rows} customers, {positives} with the outcome).",
  "propensity.backtest.none":
    "No backtest: the data holds fewer than two snapshots, or the earlier ones show only one kind of outcome.",
  "propensity.shown": "{shown} of {count} customers shown; --top N shows more.",
  "propensity.error.noOutcomes":
    "The data before the as-of date holds no {target} outcomes to learn from, or nothing but them; choose a later --as-of, a longer --window, or import more history.",
  "propensity.error.window": "--window must be a whole number of days from 1 to 730 (e.g. 90); got {value}.",
  "propensity.error.top": "--top must be a whole number of customers, at least 1 (e.g. 20); got {value}.",
  "propensity.feature.tenure_days": "tenure",
  "propensity.feature.mrr": "MRR",
  "propensity.feature.mrr_trend_3m": "MRR trend over 3 months",
  "propensity.feature.active_terms": "active subscriptions",
  "propensity.feature.orders_365d": "orders in the last year",
  "propensity.feature.order_recency_days": "days since the last order",
  "propensity.feature.order_monetary_365d": "order value in the last year",
  "propensity.feature.past_upsells": "earlier upsells",
  "propensity.feature.tickets_180d": "tickets in the last 180 days",
  "propensity.feature.open_tickets": "open tickets",
  "propensity.feature.resolution_hours": "mean resolution time",
  "propensity.feature.nps_latest": "latest NPS answer",
  "propensity.feature.csat_latest": "latest CSAT answer",
  "propensity.feature.has_nps": "answered NPS",
  "propensity.feature.has_csat": "answered CSAT",
  "propensity.feature.plan": "plan {value}",
  "propensity.feature.channel": "channel {value}",
  "propensity.feature.owner": "owner {value}",
  "propensity.web.upsell": "Likely to upgrade",
  "propensity.web.churn": "At risk of churning",
  "propensity.web.backtest": "Backtest AUC {auc}, lift in the top decile {lift}, as of {asOf}",
} as const;
