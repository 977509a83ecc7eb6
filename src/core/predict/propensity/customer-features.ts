import { type ActivityRule, activeBefore, type CustomerHistory, mrrBefore } from "./customer-history.js";

/**
 * The features of a customer at a snapshot instant T, computed only from
 * rows before T. Heavy-tailed counts, amounts and durations are log1p'd;
 * a missing value is NaN (the model imputes the training mean).
 */
export const NUMERIC_FEATURES = [
  "tenure_days",
  "mrr",
  "mrr_trend_3m",
  "active_terms",
  "orders_365d",
  "order_recency_days",
  "order_monetary_365d",
  "past_upsells",
  "tickets_180d",
  "open_tickets",
  "resolution_hours",
  "nps_latest",
  "csat_latest",
  "has_nps",
  "has_csat",
] as const;
export type NumericFeature = (typeof NUMERIC_FEATURES)[number];

/** Categorical features, one-hot encoded over the levels the training rows show often enough. */
export const CATEGORICAL_FEATURES = ["plan", "channel", "owner"] as const;
export type CategoricalFeature = (typeof CATEGORICAL_FEATURES)[number];

export interface FeatureRow {
  readonly numeric: readonly number[];
  readonly categorical: Readonly<Record<CategoricalFeature, string>>;
}

export type PropensityTarget = "upsell" | "churn";

const DAY_MS = 86_400_000;
const QUARTER_MS = 90 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

/** Who is scored at T: customers active just before T (METRICS.md §1). */
export function inPopulation(h: CustomerHistory, t: number, rule: ActivityRule): boolean {
  return h.createdMs < t && activeBefore(h, t, rule);
}

/**
 * The outcome of a customer of the population at T over [T, T + window):
 * churn = no longer active just before T + window; upsell = MRR just before
 * T + window above MRR at T (an expansion, METRICS.md upsell_rate), or a won
 * upsell deal or an upsell order in the window.
 */
export function outcomeIn(
  h: CustomerHistory,
  t: number,
  windowMs: number,
  target: PropensityTarget,
  rule: ActivityRule,
): 0 | 1 {
  const end = t + windowMs;
  if (target === "churn") return activeBefore(h, end, rule) ? 0 : 1;
  const before = mrrBefore(h, t);
  if (before > 0 && mrrBefore(h, end) > before) return 1;
  if (h.upsellDealsMs.some((ms) => ms >= t && ms < end)) return 1;
  return h.orders.some((o) => o.type === "upsell" && o.atMs >= t && o.atMs < end) ? 1 : 0;
}

/** @example customerFeatures(history, Date.UTC(2025, 0, 1)).numeric[1] // log1p(MRR) */
export function customerFeatures(h: CustomerHistory, t: number): FeatureRow {
  const mrr = mrrBefore(h, t);
  const acquired = h.acquiredMs ?? h.createdMs;
  const tenureDays = Math.max(0, (t - acquired) / DAY_MS);
  const active = h.terms.filter((term) => term.startMs < t && (term.endMs === null || term.endMs >= t));
  const orders = h.orders.filter((o) => o.atMs < t);
  const recent = orders.filter((o) => o.atMs >= t - YEAR_MS);
  const last = orders.at(-1);
  const monetary = recent.reduce((s, o) => s + o.amount, 0);
  const pastUpsells =
    h.upsellDealsMs.filter((ms) => ms < t).length + orders.filter((o) => o.type === "upsell").length;
  const tickets = h.tickets.filter((k) => k.createdMs < t);
  const resolved = tickets.filter(
    (k) => k.resolvedMs !== null && k.resolvedMs < t && k.createdMs >= t - YEAR_MS,
  );
  const resolutionHours =
    resolved.length === 0
      ? Number.NaN
      : resolved.reduce((s, k) => s + ((k.resolvedMs ?? k.createdMs) - k.createdMs), 0) /
        resolved.length /
        3_600_000;
  const nps = latestScore(h, "nps", t);
  const csat = latestScore(h, "csat", t);
  const numeric: Record<NumericFeature, number> = {
    tenure_days: Math.log1p(tenureDays),
    mrr: Math.log1p(mrr),
    mrr_trend_3m: Math.log1p(mrr) - Math.log1p(mrrBefore(h, t - QUARTER_MS)),
    active_terms: Math.log1p(active.length),
    orders_365d: Math.log1p(recent.length),
    order_recency_days: Math.log1p(last ? (t - last.atMs) / DAY_MS : tenureDays),
    order_monetary_365d: Math.log1p(Math.max(0, monetary)),
    past_upsells: Math.log1p(pastUpsells),
    tickets_180d: Math.log1p(tickets.filter((k) => k.createdMs >= t - 180 * DAY_MS).length),
    open_tickets: Math.log1p(tickets.filter((k) => k.resolvedMs === null || k.resolvedMs >= t).length),
    resolution_hours: Number.isNaN(resolutionHours) ? Number.NaN : Math.log1p(Math.max(0, resolutionHours)),
    nps_latest: nps ?? Number.NaN,
    csat_latest: csat ?? Number.NaN,
    has_nps: nps === null ? 0 : 1,
    has_csat: csat === null ? 0 : 1,
  };
  // The plan of the largest active term (ties: the earliest started) stands for the customer's plan.
  const main = [...active].sort((a, b) => b.mrr - a.mrr || a.startMs - b.startMs)[0];
  return {
    numeric: NUMERIC_FEATURES.map((f) => numeric[f]),
    categorical: {
      plan: main ? (main.plan ?? "") : "",
      channel: h.channel ?? "",
      owner: h.owner ?? "",
    },
  };
}

function latestScore(h: CustomerHistory, survey: "nps" | "csat", t: number): number | null {
  let score: number | null = null;
  for (const s of h.surveys) {
    if (s.atMs >= t) break;
    if (s.survey === survey) score = s.score;
  }
  return score;
}
