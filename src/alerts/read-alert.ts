import { formatPeriodLabel } from "../calendar/format-period-label.js";
import type { Grain } from "../calendar/period-types.js";
import type { Engine } from "../core/engine.js";
import type { MetricValue } from "../core/metrics/definition/metric-value.js";
import { findMetric } from "../core/metrics/registry.js";
import type { CalendarId } from "../core/model/settings.js";
import { evaluateGoal } from "../goals/evaluate-goal.js";
import type { GoalStatus } from "../goals/goal-status.js";
import { getGoal } from "../goals/goal-store.js";
import type { Lang } from "../messages/index.js";
import { periodOptions, runReport } from "../report/run-report.js";
import type { Alert } from "./alert.js";
import { changeOf, judgeGoal, judgeMetric, type Verdict } from "./alert-state.js";

/** One period of a metric's recent history, labeled in the recipient's language and calendar. */
export interface SeriesPoint {
  readonly period: string;
  readonly label: string;
  readonly value: number | null;
}

/** What an alert's rule found in the data at one evaluation. */
export interface AlertReading {
  readonly verdict: Verdict;
  /** The metric watched (a goal rule: the goal's metric). */
  readonly metric: string;
  readonly unit: string;
  /** The last complete period and its value, and the one before. */
  readonly period: string | null;
  readonly periodLabel: string | null;
  readonly value: number | null;
  readonly previous: number | null;
  readonly change: number | null;
  /** Goal rules: the goal's status (null when the goal is gone). */
  readonly goalStatus: GoalStatus | null;
  /** The metric's last periods, oldest first (the digest's chart). */
  readonly series: readonly SeriesPoint[];
}

/** Periods shown in a digest's chart. */
export const SERIES_PERIODS = 12;

/**
 * Reads an alert's rule on the data: the value of the last complete period
 * (and the one before) of its metric, or its goal's status at `asOfMs`.
 *
 * @example await readAlert(engine, alert, Date.now())
 */
export async function readAlert(engine: Engine, alert: Alert, asOfMs: number): Promise<AlertReading> {
  const condition = alert.condition;
  if (condition.kind === "goal_at_risk") {
    const goal = await getGoal(engine, condition.goal).catch(() => null);
    if (!goal) return emptyReading("");
    const evaluation = await evaluateGoal(engine, goal, asOfMs);
    const series = await metricSeries(engine, goal.metric, goal.grain, alert.calendar, alert.lang, null);
    const last = series.at(-1) ?? null;
    return {
      verdict: judgeGoal(evaluation.status),
      metric: goal.metric,
      unit: unitOf(goal.metric),
      period: evaluation.currentPeriod ?? last?.period ?? null,
      periodLabel: last?.label ?? null,
      value: evaluation.current,
      previous: null,
      change: null,
      goalStatus: evaluation.status,
      series,
    };
  }
  const series = await metricSeries(
    engine,
    condition.metric,
    condition.grain,
    alert.calendar,
    alert.lang,
    condition.segment,
  );
  const last = series.at(-1);
  const before = series.at(-2);
  const reading = { value: last?.value ?? null, previous: before?.value ?? null };
  const relative = condition.kind === "change" && condition.relative;
  return {
    verdict: judgeMetric(condition, reading),
    metric: condition.metric,
    unit: unitOf(condition.metric),
    period: last?.period ?? null,
    periodLabel: last?.label ?? null,
    ...reading,
    change: changeOf(relative, reading),
    goalStatus: null,
    series,
  };
}

function emptyReading(metric: string): AlertReading {
  return {
    verdict: "unknown",
    metric,
    unit: unitOf(metric),
    period: null,
    periodLabel: null,
    value: null,
    previous: null,
    change: null,
    goalStatus: null,
    series: [],
  };
}

function unitOf(metricId: string): string {
  const metric = findMetric(metricId);
  if (!metric) return "count";
  return metric.siblingDetails?.[metricId]?.unit ?? metric.unit;
}

/**
 * The metric's last complete periods (the report's default range ends at
 * the last complete one), in the recipient's calendar, whole business or one
 * segment.
 */
export async function metricSeries(
  engine: Engine,
  metric: string,
  grain: Grain,
  calendar: CalendarId,
  lang: Lang,
  segment: Readonly<Record<string, string>> | null,
): Promise<SeriesPoint[]> {
  const by = segment ? Object.keys(segment) : [];
  const result = await runReport(engine, { metrics: [metric], grain, calendar, by });
  const options = periodOptions(result.settings, { grain, calendar });
  const rows = result.values.filter((v) => v.metric === metric && matchesSegment(v, segment));
  const byPeriod = new Map(rows.map((v) => [v.period, v.value]));
  return result.periods
    .filter((p) => !p.partial)
    .slice(-SERIES_PERIODS)
    .map((p) => ({
      period: p.label,
      label: formatPeriodLabel(p, options, lang),
      value: byPeriod.get(p.label) ?? null,
    }));
}

function matchesSegment(v: MetricValue, segment: Readonly<Record<string, string>> | null): boolean {
  if (!segment) return v.segment === null;
  if (!v.segment) return false;
  const keys = Object.keys(segment);
  return Object.keys(v.segment).length === keys.length && keys.every((k) => v.segment?.[k] === segment[k]);
}
