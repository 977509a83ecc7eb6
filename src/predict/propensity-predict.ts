import { localDayOf, parseCalendarDate, startOfDay } from "../calendar/index.js";
import { localDateOf } from "../calendar/zoned-time.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import type { CalendarId, DatasetSettings } from "../core/model/settings.js";
import {
  customerFeatures,
  inPopulation,
  type PropensityTarget,
} from "../core/predict/propensity/customer-features.js";
import type { ActivityRule } from "../core/predict/propensity/customer-history.js";
import type { FeatureContribution } from "../core/predict/propensity/explain-score.js";
import { scorePropensity } from "../core/predict/propensity/propensity-model.js";
import { scoreDeciles } from "../core/predict/propensity/ranking-metrics.js";
import { dataTimeRange } from "../report/data-range.js";
import { loadDatasetSettings } from "../report/dataset-settings.js";
import {
  type BacktestResult,
  runBacktest,
  type SnapshotPlan,
  snapshotRows,
  snapshotTimes,
  trainFinalModel,
} from "./propensity-backtest.js";
import { loadPropensityHistories } from "./propensity-histories.js";

export const PROPENSITY_TARGETS = ["upsell", "churn"] as const;
export const DEFAULT_WINDOW_DAYS = 90;

export interface PropensityRequest {
  readonly target: PropensityTarget;
  /** `YYYY-MM-DD` in `calendar` (default the dataset's): data up to the end of that day. Default: the data's last day. */
  readonly asOf?: string;
  readonly calendar?: CalendarId;
  /** Outcome window in days (default 90). */
  readonly windowDays?: number;
  /** Ridge penalty (default 1). */
  readonly lambda?: number;
}

export interface ScoredCustomer {
  readonly rank: number;
  readonly customerId: string;
  readonly name: string | null;
  readonly score: number;
  /** 1 = the tenth with the highest scores. */
  readonly decile: number;
  readonly drivers: readonly FeatureContribution[];
}

export interface PropensityResult {
  readonly target: PropensityTarget;
  /** ISO date (Gregorian) of the as-of day in the dataset's zone. */
  readonly asOf: string;
  readonly windowDays: number;
  readonly activity: ActivityRule["mode"];
  readonly model: {
    readonly kind: "logistic_l2";
    readonly lambda: number;
    readonly intercept: number;
    readonly coefficients: readonly { feature: string; coefficient: number; mean: number; sd: number }[];
    readonly trainingSnapshots: number;
    readonly trainingRows: number;
    readonly trainingPositives: number;
    readonly converged: boolean;
  };
  /** Snapshot dates are the last day a snapshot's features include. */
  readonly backtest:
    | (BacktestResult & { readonly testSnapshot: string; readonly trainingEnd: string })
    | null;
  /** The population at the as-of date, highest score first (ties: customer id). */
  readonly customers: readonly ScoredCustomer[];
}

/**
 * Upsell or churn propensity as of a date: features and outcomes from the
 * data before the end of that day only (src/predict/propensity-histories.ts),
 * a backtest, and every active customer scored and explained.
 *
 * @example await runPropensity(engine, { target: "churn", asOf: "2025-12-31" })
 */
export async function runPropensity(engine: Engine, request: PropensityRequest): Promise<PropensityResult> {
  const settings = await loadDatasetSettings(engine);
  const zone = settings.timezone;
  const windowDays = request.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 730) {
    throw new CrmKpiError(
      "bad_argument",
      "--window must be a whole number of days from 1 to 730 (e.g. 90).",
      {
        messageKey: "propensity.error.window",
        value: String(request.windowDays),
      },
    );
  }
  const range = await dataTimeRange(engine);
  if (!range) throw noOutcomes(request.target);
  const asOfDay = request.asOf
    ? localDayOf(parseCalendarDate(request.asOf, request.calendar ?? settings.calendar, zone), zone)
    : localDayOf(range.lastMs, zone);
  // The cut-off is the midnight after the as-of day; snapshots step back whole local days.
  const cutoffMs = startOfDay(asOfDay + 1, zone);
  const histories = await loadPropensityHistories(engine, cutoffMs);
  const rule = activityRule(
    settings,
    histories.some((h) => h.terms.length > 0),
  );
  const plan: SnapshotPlan = {
    target: request.target,
    cutoffMs,
    windowMs: windowDays * 86_400_000,
    rule,
    firstMs: range.firstMs,
    ...(request.lambda === undefined ? {} : { lambda: request.lambda }),
  };
  const times = snapshotTimes(plan).map((t) => startOfDay(localDayOf(t, zone), zone));
  const snapshots = times.map((t) => snapshotRows(histories, t, plan));
  const model = trainFinalModel(snapshots, plan);
  if (!model) throw noOutcomes(request.target);
  const population = histories.filter((h) => inPopulation(h, cutoffMs, rule));
  const scored = population.map((h) => ({ h, ...scorePropensity(model, customerFeatures(h, cutoffMs)) }));
  scored.sort((a, b) => b.score - a.score || (a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : 0));
  const deciles = scoreDeciles(scored.map((s) => s.score));
  return {
    target: request.target,
    asOf: localDateOf(cutoffMs - 1, zone),
    windowDays,
    activity: rule.mode,
    model: {
      kind: "logistic_l2",
      lambda: model.lambda,
      intercept: model.fit.intercept,
      coefficients: model.features.map((feature, j) => ({
        feature,
        coefficient: model.fit.coefficients[j] ?? 0,
        mean: model.standardizer.means[j] ?? 0,
        sd: model.standardizer.sds[j] ?? 1,
      })),
      trainingSnapshots: snapshots.length,
      trainingRows: model.trainingRows,
      trainingPositives: model.trainingPositives,
      converged: model.fit.converged,
    },
    backtest: datedBacktest(runBacktest(snapshots, times, plan), times, zone),
    customers: scored.map((s, i) => ({
      rank: i + 1,
      customerId: s.h.id,
      name: s.h.name,
      score: s.score,
      decile: deciles[i] ?? 10,
      drivers: s.drivers,
    })),
  };
}

function datedBacktest(
  b: BacktestResult | null,
  times: readonly number[],
  zone: string,
): PropensityResult["backtest"] {
  if (!b) return null;
  return {
    ...b,
    testSnapshot: localDateOf(b.testSnapshotMs - 1, zone),
    trainingEnd: localDateOf((times[1] ?? b.testSnapshotMs) - 1, zone),
  };
}

/** METRICS.md §1: `auto` reads subscriptions when the dataset has any. */
function activityRule(settings: DatasetSettings, hasTerms: boolean): ActivityRule {
  const mode = settings.activity === "auto" ? (hasTerms ? "subscription" : "purchase") : settings.activity;
  return { mode, inactivityDays: settings.inactivity_days };
}

function noOutcomes(target: PropensityTarget): CrmKpiError {
  return new CrmKpiError(
    "not_available",
    `The data before the as-of date holds no ${target} outcomes to learn from (or none without one); choose a later --as-of, a longer --window, or import more history.`,
    { messageKey: "propensity.error.noOutcomes", target },
  );
}
