import { CATEGORICAL_FEATURES, type FeatureRow, NUMERIC_FEATURES } from "./customer-features.js";
import { type FeatureContribution, topContributions } from "./explain-score.js";
import { fitLogistic, type LogisticFit, predictProbability } from "./logistic-regression.js";
import { fitStandardizer, type Standardizer, standardizeRow } from "./standardize.js";

/**
 * A fitted propensity model: the one-hot vocabulary and the z-score
 * parameters learned from the training rows, and the logistic fit over them.
 */
export interface PropensityModel {
  /** Column names: the numeric features, then `plan=…`, `channel=…`, `owner=…` indicators. */
  readonly features: readonly string[];
  readonly levels: Readonly<Record<string, readonly string[]>>;
  readonly standardizer: Standardizer;
  readonly fit: LogisticFit;
  readonly lambda: number;
  readonly trainingRows: number;
  readonly trainingPositives: number;
}

export interface TrainingRow {
  readonly features: FeatureRow;
  readonly label: 0 | 1;
}

export interface TrainOptions {
  /** Ridge penalty on the standardized coefficients (default 1). */
  readonly lambda?: number;
  /** Most one-hot levels per categorical feature (default 8); rarer levels share the all-zero baseline. */
  readonly maxLevels?: number;
}

/** Levels seen in fewer training rows than this get no column of their own. */
const MIN_LEVEL_ROWS = 5;

/** Fits the model on training rows (at least one row). */
export function trainPropensity(rows: readonly TrainingRow[], options: TrainOptions = {}): PropensityModel {
  const lambda = options.lambda ?? 1;
  const maxLevels = options.maxLevels ?? 8;
  const levels: Record<string, string[]> = {};
  for (const name of CATEGORICAL_FEATURES) {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = row.features.categorical[name];
      if (value !== "") counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    levels[name] = [...counts]
      .filter(([, n]) => n >= MIN_LEVEL_ROWS)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, maxLevels)
      .map(([value]) => value);
  }
  const features = [
    ...NUMERIC_FEATURES,
    ...CATEGORICAL_FEATURES.flatMap((name) => (levels[name] ?? []).map((v) => `${name}=${v}`)),
  ];
  const raw = rows.map((row) => encode(levels, row.features));
  const standardizer = fitStandardizer(raw);
  const x = raw.map((r) => standardizeRow(standardizer, r));
  const y = rows.map((row) => row.label);
  const fit = fitLogistic(x, y, { lambda });
  return {
    features,
    levels,
    standardizer,
    fit,
    lambda,
    trainingRows: rows.length,
    trainingPositives: y.filter((v) => v === 1).length,
  };
}

export interface PropensityScore {
  /** Estimated probability of the outcome in the window. */
  readonly score: number;
  /** The three features that moved the log-odds most (β_j · z_j). */
  readonly drivers: readonly FeatureContribution[];
}

export function scorePropensity(model: PropensityModel, features: FeatureRow): PropensityScore {
  const z = standardizeRow(model.standardizer, encode(model.levels, features));
  return {
    score: predictProbability(model.fit, z),
    drivers: topContributions(model.features, model.fit.coefficients, z, 3),
  };
}

function encode(levels: Readonly<Record<string, readonly string[]>>, row: FeatureRow): number[] {
  const oneHot = CATEGORICAL_FEATURES.flatMap((name) =>
    (levels[name] ?? []).map((v) => (row.categorical[name] === v ? 1 : 0)),
  );
  return [...row.numeric, ...oneHot];
}
