import {
  customerFeatures,
  inPopulation,
  outcomeIn,
  type PropensityTarget,
} from "../core/predict/propensity/customer-features.js";
import type { ActivityRule, CustomerHistory } from "../core/predict/propensity/customer-history.js";
import {
  type PropensityModel,
  scorePropensity,
  type TrainingRow,
  trainPropensity,
} from "../core/predict/propensity/propensity-model.js";
import { liftAtTop, rocAuc } from "../core/predict/propensity/ranking-metrics.js";

/** Training snapshots at cut-off − k · window for k = 1..this (two years of 90-day windows). */
export const MAX_SNAPSHOTS = 8;

export interface BacktestResult {
  /** The snapshot the held-out model was tested on: cut-off − window. */
  readonly testSnapshotMs: number;
  readonly trainingSnapshots: number;
  readonly trainingRows: number;
  readonly testRows: number;
  readonly testPositives: number;
  /** Mann–Whitney AUC on the test snapshot; null when it has only one class. */
  readonly auc: number | null;
  readonly liftTopDecile: number | null;
}

export interface SnapshotPlan {
  readonly target: PropensityTarget;
  readonly cutoffMs: number;
  readonly windowMs: number;
  readonly rule: ActivityRule;
  /** Snapshots before this instant (the first customer's creation) are not taken. */
  readonly firstMs: number;
  readonly lambda?: number;
}

/** Snapshot instants cut-off − k·window, k = 1.., newest first, none before the data starts. */
export function snapshotTimes(plan: SnapshotPlan): number[] {
  const times: number[] = [];
  for (let k = 1; k <= MAX_SNAPSHOTS; k++) {
    const t = plan.cutoffMs - k * plan.windowMs;
    if (t <= plan.firstMs) break;
    times.push(t);
  }
  return times;
}

/** Labelled rows of the population at snapshot `t`: features before t, outcome in [t, t + window). */
export function snapshotRows(
  histories: readonly CustomerHistory[],
  t: number,
  plan: SnapshotPlan,
): TrainingRow[] {
  return histories
    .filter((h) => inPopulation(h, t, plan.rule))
    .map((h) => ({
      features: customerFeatures(h, t),
      label: outcomeIn(h, t, plan.windowMs, plan.target, plan.rule),
    }));
}

/** Whether rows hold both outcomes, so a logistic fit means something. */
export function hasBothOutcomes(rows: readonly TrainingRow[]): boolean {
  const positives = rows.filter((r) => r.label === 1).length;
  return positives > 0 && positives < rows.length;
}

/**
 * The time-based backtest: a model trained on the snapshots at cut-off −
 * 2·window and earlier (their outcomes end by cut-off − window), tested on
 * the snapshot at cut-off − window with outcomes up to the cut-off. Null
 * when there are not two snapshots or the training rows hold one outcome only.
 */
export function runBacktest(
  snapshots: readonly (readonly TrainingRow[])[],
  times: readonly number[],
  plan: SnapshotPlan,
): BacktestResult | null {
  const test = snapshots[0];
  const train = snapshots.slice(1).flat();
  if (!test || test.length === 0 || !hasBothOutcomes(train)) return null;
  const model = trainPropensity(train, plan.lambda === undefined ? {} : { lambda: plan.lambda });
  const scores = test.map((row) => scorePropensity(model, row.features).score);
  const labels = test.map((row) => row.label);
  return {
    testSnapshotMs: times[0] ?? plan.cutoffMs - plan.windowMs,
    trainingSnapshots: snapshots.length - 1,
    trainingRows: train.length,
    testRows: test.length,
    testPositives: labels.filter((l) => l === 1).length,
    auc: rocAuc(scores, labels),
    liftTopDecile: liftAtTop(scores, labels, 0.1),
  };
}

/** The model scored at the cut-off: trained on every snapshot (outcomes up to the cut-off). */
export function trainFinalModel(
  snapshots: readonly (readonly TrainingRow[])[],
  plan: SnapshotPlan,
): PropensityModel | null {
  const rows = snapshots.flat();
  if (!hasBothOutcomes(rows)) return null;
  return trainPropensity(rows, plan.lambda === undefined ? {} : { lambda: plan.lambda });
}
