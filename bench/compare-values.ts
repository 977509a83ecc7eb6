/**
 * Agreement of the literal-SQL baseline with crm-kpi's report on the same
 * database: how many metric × period × segment values are equal (exactly or
 * within 1e-9 relative), and which metrics disagree most.
 */
import type { MetricValue } from "../src/core/metrics/definition/metric-value.js";
import type { LiteralValue } from "./literal-sql.js";

export interface Agreement {
  /** Values of the report that the baseline also computes. */
  readonly compared: number;
  readonly agree: number;
  /** Report values the baseline has no statement for. */
  readonly reportOnly: number;
  /** Baseline values the report does not have. */
  readonly baselineOnly: number;
  readonly metricsCompared: number;
  readonly metricsAllAgree: number;
  /** Metrics of the report the baseline has no statement for. */
  readonly metricsMissing: string[];
  /** Per metric with disagreements: count and one example. */
  readonly disagreements: { metric: string; differ: number; of: number; example: string }[];
}

const keyOf = (metric: string, period: string, segment: Record<string, string | null> | null): string => {
  const seg =
    segment === null ? "" : JSON.stringify(Object.entries(segment).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${metric}|${period}|${seg}`;
};

export function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export function compareValues(report: readonly MetricValue[], baseline: readonly LiteralValue[]): Agreement {
  const base = new Map(baseline.map((v) => [keyOf(v.metric, v.period, v.segment), v]));
  const baselineMetrics = new Set(baseline.map((v) => v.metric));
  const seen = new Set<string>();
  const perMetric = new Map<string, { differ: number; of: number; example: string }>();
  let compared = 0;
  let agree = 0;
  let reportOnly = 0;
  for (const v of report) {
    const key = keyOf(v.metric, v.period, v.segment);
    const b = base.get(key);
    if (!b) {
      reportOnly++;
      if (!baselineMetrics.has(v.metric)) continue;
    }
    seen.add(key);
    compared++;
    const m = perMetric.get(v.metric) ?? { differ: 0, of: 0, example: "" };
    m.of++;
    // A group with no rows has no row in a GROUP BY: it agrees with a reported 0 or null.
    if (b ? same(v.value, b.value) : v.value === 0 || v.value === null) agree++;
    else {
      m.differ++;
      if (!m.example)
        m.example = `${v.period} ${v.segment ? JSON.stringify(v.segment) : "total"}: crm-kpi ${v.value}, SQL ${b ? b.value : "(no row)"}`;
    }
    perMetric.set(v.metric, m);
  }
  const baselineOnly = baseline.filter((v) => !seen.has(keyOf(v.metric, v.period, v.segment))).length;
  const disagreements = [...perMetric.entries()]
    .filter(([, m]) => m.differ > 0)
    .map(([metric, m]) => ({ metric, ...m }))
    .sort((a, b) => b.differ - a.differ);
  return {
    compared,
    agree,
    reportOnly,
    baselineOnly,
    metricsCompared: perMetric.size,
    metricsAllAgree: [...perMetric.values()].filter((m) => m.differ === 0).length,
    metricsMissing: [...new Set(report.map((v) => v.metric))].filter((m) => !baselineMetrics.has(m)),
    disagreements,
  };
}
