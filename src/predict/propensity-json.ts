import type { PropensityTarget } from "../core/predict/propensity/customer-features.js";
import type { PropensityResult } from "./propensity-predict.js";

/** Scores and contributions are rounded (6 and 4 decimals), so the output reads well and stays byte-stable. */
export function roundTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

const round = roundTo;

/** The `crm-kpi predict … --format json` document and the API body: stable snake_case keys (docs/propensity.md). */
export function propensityJson(
  result: PropensityResult,
  shown: PropensityResult["customers"] = result.customers,
): PropensityJson {
  const b = result.backtest;
  return {
    target: result.target,
    as_of: result.asOf,
    window_days: result.windowDays,
    activity: result.activity,
    model: {
      kind: result.model.kind,
      lambda: result.model.lambda,
      intercept: round(result.model.intercept, 6),
      training_snapshots: result.model.trainingSnapshots,
      training_rows: result.model.trainingRows,
      training_positives: result.model.trainingPositives,
      converged: result.model.converged,
      coefficients: result.model.coefficients.map((c) => ({
        feature: c.feature,
        coefficient: round(c.coefficient, 6),
        mean: round(c.mean, 6),
        sd: round(c.sd, 6),
      })),
    },
    backtest: b && {
      training_end: b.trainingEnd,
      test_snapshot: b.testSnapshot,
      training_snapshots: b.trainingSnapshots,
      training_rows: b.trainingRows,
      test_rows: b.testRows,
      test_positives: b.testPositives,
      auc: b.auc === null ? null : round(b.auc, 6),
      lift_top_decile: b.liftTopDecile === null ? null : round(b.liftTopDecile, 6),
    },
    customers: shown.map((c) => ({
      rank: c.rank,
      customer_id: c.customerId,
      name: c.name,
      score: round(c.score, 6),
      decile: c.decile,
      drivers: c.drivers.map((d) => ({ feature: d.feature, contribution: round(d.contribution, 4) })),
    })),
  };
}

/** Mutable arrays: the typed API response (zod-openapi) asks for them. */
export interface PropensityJson {
  target: PropensityTarget;
  as_of: string;
  window_days: number;
  activity: string;
  model: {
    kind: string;
    lambda: number;
    intercept: number;
    training_snapshots: number;
    training_rows: number;
    training_positives: number;
    converged: boolean;
    coefficients: { feature: string; coefficient: number; mean: number; sd: number }[];
  };
  backtest: {
    training_end: string;
    test_snapshot: string;
    training_snapshots: number;
    training_rows: number;
    test_rows: number;
    test_positives: number;
    auc: number | null;
    lift_top_decile: number | null;
  } | null;
  customers: {
    rank: number;
    customer_id: string;
    name: string | null;
    score: number;
    decile: number;
    drivers: { feature: string; contribution: number }[];
  }[];
}
