import type { CustomerClv } from "../core/predict/fit-clv.js";
import type { ClvPrediction } from "./predict-clv.js";

/** Six decimals: stable bytes across runs, far below what the model can tell apart. */
function round(value: number): number;
function round(value: number | null): number | null;
function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6 + 0;
}

/** The columns of one customer, in print order (csv header, json keys). */
export const CLV_CUSTOMER_KEYS = [
  "customer_id",
  "frequency",
  "recency_weeks",
  "age_weeks",
  "average_value",
  "p_alive",
  "expected_purchases",
  "expected_average_value",
  "clv",
  "holdout_purchases",
  "holdout_predicted",
] as const;
export type ClvCustomerRecord = {
  readonly customer_id: string;
  readonly frequency: number;
  readonly recency_weeks: number;
  readonly age_weeks: number;
  readonly average_value: number | null;
  readonly p_alive: number;
  readonly expected_purchases: number;
  readonly expected_average_value: number | null;
  readonly clv: number | null;
  readonly holdout_purchases: number | null;
  readonly holdout_predicted: number | null;
};

export interface ClvDocument {
  readonly bg_nbd: { r: number; alpha: number; a: number; b: number; log_likelihood: number };
  readonly gamma_gamma: { p: number; q: number; v: number } | null;
  readonly customers: ClvCustomerRecord[];
  readonly summary: {
    calibration_end: string;
    data_end: string;
    horizon_weeks: number;
    discount_rate: number;
    currency: string;
    customers: number;
    repeat_customers: number;
    gamma_gamma_customers: number;
    gamma_gamma_log_likelihood: number | null;
    average_clv: number | null;
    total_clv: number | null;
  };
  readonly holdout: {
    start: string;
    end: string;
    weeks: number;
    groups: { frequency: number; label: string; customers: number; actual: number; predicted: number }[];
    actual: number;
    predicted: number;
  } | null;
}

/** Highest CLV first (customers without one last), then by id: a list to read from the top. */
export function byClv(customers: readonly CustomerClv[]): CustomerClv[] {
  return [...customers].sort(
    (x, y) =>
      (y.clv ?? Number.NEGATIVE_INFINITY) - (x.clv ?? Number.NEGATIVE_INFINITY) ||
      (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0),
  );
}

export function customerRecord(c: CustomerClv): ClvCustomerRecord {
  return {
    customer_id: c.customerId,
    frequency: c.frequency,
    recency_weeks: round(c.recencyWeeks),
    age_weeks: round(c.ageWeeks),
    average_value: round(c.averageValue),
    p_alive: round(c.pAlive),
    expected_purchases: round(c.expectedPurchases),
    expected_average_value: round(c.expectedAverageValue),
    clv: round(c.clv),
    holdout_purchases: c.holdoutPurchases,
    holdout_predicted: round(c.holdoutPredicted),
  };
}

/**
 * `crm-kpi predict clv --format json` and `GET /api/v1/predict/clv`: the
 * issue's `{bg_nbd, gamma_gamma, customers}`, plus the summary (dates,
 * options, averages) and the calibration/holdout comparison.
 */
export function clvDocument(prediction: ClvPrediction): ClvDocument {
  const { model } = prediction;
  const customers = byClv(model.customers);
  const values = customers.map((c) => c.clv).filter((v): v is number => v !== null);
  const total = values.length === 0 ? null : values.reduce((s, v) => s + v, 0);
  const holdout = model.holdout;
  const everyone = model.customers.length;
  return {
    bg_nbd: {
      r: round(model.bgNbd.r),
      alpha: round(model.bgNbd.alpha),
      a: round(model.bgNbd.a),
      b: round(model.bgNbd.b),
      log_likelihood: round(model.bgNbd.logLikelihood),
    },
    gamma_gamma: model.gammaGamma
      ? { p: round(model.gammaGamma.p), q: round(model.gammaGamma.q), v: round(model.gammaGamma.v) }
      : null,
    customers: customers.map(customerRecord),
    summary: {
      calibration_end: prediction.calibrationEnd,
      data_end: prediction.dataEnd,
      horizon_weeks: round(prediction.horizonWeeks),
      discount_rate: prediction.discountRate,
      currency: prediction.settings.base_currency,
      customers: everyone,
      repeat_customers: model.customers.filter((c) => c.frequency > 0).length,
      gamma_gamma_customers: model.gammaGamma?.customers ?? 0,
      gamma_gamma_log_likelihood: model.gammaGamma ? round(model.gammaGamma.logLikelihood) : null,
      average_clv: total === null ? null : round(total / values.length),
      total_clv: round(total),
    },
    holdout:
      holdout && prediction.holdoutStart
        ? {
            start: prediction.holdoutStart,
            end: prediction.dataEnd,
            weeks: round(holdout.weeks),
            groups: holdout.groups.map((g) => ({
              frequency: g.frequency,
              label: g.andMore ? `${g.frequency}+` : String(g.frequency),
              customers: g.customers,
              actual: round(g.actual),
              predicted: round(g.predicted),
            })),
            actual: round(model.customers.reduce((s, c) => s + (c.holdoutPurchases ?? 0), 0)),
            predicted: round(model.customers.reduce((s, c) => s + (c.holdoutPredicted ?? 0), 0)),
          }
        : null,
  };
}
