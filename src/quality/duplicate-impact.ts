import type { Engine } from "../core/engine.js";
import type { MetricValue } from "../core/metrics/definition/metric-value.js";
import { runReport } from "../report/run-report.js";
import type { DuplicateCluster } from "./find-duplicates.js";
import type { MetricImpact } from "./findings.js";
import { mergeCustomers } from "./merge-customers.js";

/** Metrics recomputed with duplicates merged: the base-size and churn figures duplicates inflate. */
export const IMPACT_METRICS = ["customer_churn_rate", "new_customers"] as const;
const MONTHS = 12;

class Rollback extends Error {
  constructor(readonly values: MetricValue[]) {
    super("rollback");
  }
}

/**
 * How much merging the clusters would move churn and new customers over the
 * last 12 months of data: the merge runs inside a transaction that is rolled
 * back, so nothing changes.
 *
 * @example await duplicateImpact(engine, clusters) // [{ metric: "new_customers", difference: -3, … }]
 */
export async function duplicateImpact(
  engine: Engine,
  clusters: readonly DuplicateCluster[],
): Promise<MetricImpact[]> {
  if (clusters.length === 0) return [];
  const request = { metrics: [...IMPACT_METRICS], grain: "month" as const };
  const before = await runReport(engine, request);
  let after: MetricValue[] = [];
  try {
    await engine.transaction(async () => {
      await mergeCustomers(engine, clusters);
      throw new Rollback((await runReport(engine, request)).values);
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    after = error.values;
  }
  const periods = before.periods.slice(-MONTHS).map((p) => p.label);
  return IMPACT_METRICS.map((metric) => compare(metric, periods, before.values, after));
}

function compare(
  metric: string,
  periods: readonly string[],
  before: MetricValue[],
  after: MetricValue[],
): MetricImpact {
  const pick = (values: MetricValue[], period: string) =>
    values.find((v) => v.metric === metric && v.period === period && v.segment === null)?.value ?? null;
  let worst: { period: string; a: number | null; b: number | null; diff: number } | null = null;
  let sum = 0;
  for (const period of periods) {
    const a = pick(before, period);
    const b = pick(after, period);
    const diff = a !== null && b !== null ? b - a : 0;
    sum += Math.abs(diff);
    if (worst === null || Math.abs(diff) > Math.abs(worst.diff)) worst = { period, a, b, diff };
  }
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
  return {
    metric,
    periods: periods.length,
    period: worst?.period ?? null,
    with_duplicates: round(worst?.a ?? null),
    merged: round(worst?.b ?? null),
    difference: round(worst?.diff ?? null),
    mean_abs_difference: round(periods.length === 0 ? 0 : sum / periods.length) ?? 0,
  };
}
