import type { Period, PeriodOptions } from "../calendar/period-types.js";
import { periodContaining, periodsBetween, previousPeriod } from "../calendar/periods.js";
import type { Engine } from "../core/engine.js";
import type { MetricDefinition } from "../core/metrics/definition/metric-definition.js";
import type { MetricValue } from "../core/metrics/definition/metric-value.js";
import { findMetric } from "../core/metrics/registry.js";
import type { DatasetSettings } from "../core/model/settings.js";
import type { dataTimeRange } from "../report/data-range.js";
import {
  CUSTOMER_DIMENSIONS,
  periodOptions,
  type ReportRequest,
  type ReportResult,
} from "../report/run-report.js";
import { type Achievability, judgeAchievability } from "./achievability.js";
import { type Goal, type GoalMode, goalModeOf } from "./goal.js";
import { deadlineEndMs, goalStartMs } from "./goal-dates.js";
import { type GoalReportRequest, GoalReports } from "./goal-reports.js";
import { type GoalStatus, judgeStatus, type StatusReason, shareOfTheWay } from "./goal-status.js";
import { type MetricDomain, metricDomain } from "./metric-domain.js";
import { type Projection, projectCumulative, projectLevel } from "./projection.js";
import { checkSmart, type SmartEntry, type SmartFacts } from "./smart-check.js";

/** Everything `goals status` says about one goal at an instant. */
export interface GoalEvaluation {
  readonly goal: Goal;
  readonly mode: GoalMode;
  /** Level goals: the value of the last complete period before the start; cumulative goals: 0. */
  readonly baseline: number | null;
  /** Level goals: the value of the last complete period (up to the deadline); cumulative: the total since the start. */
  readonly current: number | null;
  /** The period `current` comes from (level goals), or null. */
  readonly currentPeriod: string | null;
  readonly progress: number | null;
  readonly projection: Projection;
  readonly status: GoalStatus;
  readonly reason: StatusReason;
  readonly achievability: Achievability;
  readonly smart: SmartEntry[];
  readonly asOf: number;
}

interface SegmentPlan {
  readonly by: string[];
  readonly problem: SmartFacts["segmentProblem"];
}

const DAY_MS = 86_400_000;

/**
 * Measures a goal on an engine at `asOfMs`: baseline, current value, share
 * of the way, projection to the deadline, status and the SMART check. Values
 * come from `runReport` (a segment becomes `by` and the matching row).
 *
 * @example await evaluateGoal(engine, goal, Date.now())
 */
export async function evaluateGoal(
  engine: Engine,
  goal: Goal,
  asOfMs: number,
  reports: GoalReports = new GoalReports(engine),
): Promise<GoalEvaluation> {
  const { settings, metric, mode, missingInputs, plan, measurable } = await goalFacts(reports, goal);
  const measured = measurable
    ? await measure(reports, goal, mode, plan.by, settings, asOfMs)
    : emptyMeasurement(goal, mode, asOfMs, settings);
  const segmentProblem =
    plan.problem ??
    (measurable && goal.segment && !measured.segmentSeen ? segmentValueProblem(goal.segment) : null);
  const smart = checkSmart({
    metric: goal.metric,
    metricKnown: metric !== undefined,
    missingInputs,
    segmentProblem,
    achievability: measurable ? measured.achievability : null,
    why: goal.why,
    start: goal.start,
    deadline: goal.deadline,
  });
  const { status, reason } = judgeStatus({
    mode,
    direction: goal.direction,
    target: goal.target,
    baseline: measured.baseline,
    current: measured.current,
    projection: measured.projection.value,
    deadlinePassed: measured.deadlinePassed,
  });
  return {
    goal,
    mode,
    baseline: measured.baseline,
    current: measured.current,
    currentPeriod: measured.currentPeriod,
    progress: shareOfTheWay(mode, measured.baseline, measured.current, goal.target),
    projection: measured.projection,
    status,
    reason,
    achievability: measured.achievability,
    smart,
    asOf: asOfMs,
  };
}

/**
 * Evaluates `goals` at `asOfMs` as `evaluateGoal` does, each in turn, with
 * the reports they read run together: one report per request shape for all
 * the goals' metrics (goal-reports.ts).
 */
export async function evaluateGoals(
  engine: Engine,
  goals: readonly Goal[],
  asOfMs: number,
  /** The report the goals are shown under, read again where a goal asks for its shape (`GoalReports.offer`). */
  shownUnder?: { readonly request: ReportRequest; readonly result: ReportResult },
): Promise<GoalEvaluation[]> {
  const reports = new GoalReports(engine);
  if (shownUnder) reports.offer(shownUnder.request, shownUnder.result);
  for (const goal of goals)
    for (const request of await goalRequests(reports, goal, asOfMs)) reports.plan(request);
  const evaluations: GoalEvaluation[] = [];
  for (const goal of goals) evaluations.push(await evaluateGoal(engine, goal, asOfMs, reports));
  return evaluations;
}

/** What a goal's evaluation depends on before any report runs. */
async function goalFacts(reports: GoalReports, goal: Goal) {
  const settings = await reports.datasetSettings();
  const metric = findMetric(goal.metric);
  const mode = goalModeOf(goal.metric);
  const counts = await reports.rowCounts();
  const missingInputs = metric ? metric.requires.filter((e) => (counts[e] ?? 0) === 0) : [];
  const plan = metric ? planSegment(metric, goal.segment) : { by: [], problem: null };
  const measurable = metric !== undefined && missingInputs.length === 0 && plan.problem === null;
  return { settings, metric, mode, missingInputs, plan, measurable };
}

/** The reports `measure` will read for `goal` (none when it cannot be measured). */
async function goalRequests(reports: GoalReports, goal: Goal, asOfMs: number): Promise<GoalReportRequest[]> {
  const { settings, mode, plan, measurable } = await goalFacts(reports, goal);
  if (!measurable) return [];
  const requests: GoalReportRequest[] = [];
  const options = periodOptions(settings, { grain: goal.grain, calendar: goal.calendar });
  const series = seriesRequest(goal, plan.by, options, await reports.timeRange(), asOfMs);
  if (series) requests.push(series);
  if (mode === "cumulative") {
    const { startMs, cutoff } = cumulativeSpan(goal, settings, asOfMs);
    if (cutoff > startMs) requests.push(cumulativeRequest(goal, plan.by, settings, startMs, cutoff));
  }
  return requests;
}

/** A cumulative goal counts from its start to the deadline or `asOfMs`, whichever is first. */
function cumulativeSpan(
  goal: Goal,
  settings: DatasetSettings,
  asOfMs: number,
): { startMs: number; cutoff: number } {
  const startMs = goalStartMs(goal.start, settings.timezone);
  const endMs = goal.deadline === null ? null : deadlineEndMs(goal.deadline, settings.timezone);
  return { startMs, cutoff: endMs === null ? asOfMs : Math.min(asOfMs, endMs) };
}

interface Measurement {
  readonly baseline: number | null;
  readonly current: number | null;
  readonly currentPeriod: string | null;
  readonly projection: Projection;
  readonly achievability: Achievability;
  readonly deadlinePassed: boolean;
  /** Whether any report row matched the goal's segment. */
  readonly segmentSeen: boolean;
}

function emptyMeasurement(
  goal: Goal,
  mode: GoalMode,
  asOfMs: number,
  settings: DatasetSettings,
): Measurement {
  const deadlinePassed = goal.deadline !== null && asOfMs >= deadlineEndMs(goal.deadline, settings.timezone);
  return {
    baseline: mode === "cumulative" ? 0 : null,
    current: null,
    currentPeriod: null,
    projection: { value: null, method: "none", basis: 0 },
    achievability: judgeAchievability({
      mode,
      direction: goal.direction,
      target: goal.target,
      baseline: null,
      periods: 0,
      history: [],
    }),
    deadlinePassed,
    segmentSeen: false,
  };
}

/** A segment on customer dimensions becomes `by`; one on a built-in breakdown (rep_id) picks its rows. */
function planSegment(metric: MetricDefinition, segment: Goal["segment"]): SegmentPlan {
  if (!segment) return { by: [], problem: null };
  const keys = Object.keys(segment);
  const builtIn = metric.builtInBreakdowns?.some(
    (b) => b.keys.length === keys.length && b.keys.every((k) => keys.includes(k)),
  );
  if (builtIn) return { by: [], problem: null };
  for (const key of keys) {
    const value = segment[key] ?? "";
    if (!(CUSTOMER_DIMENSIONS as readonly string[]).includes(key)) {
      return { by: [], problem: { code: "unknown_dimension", dimension: key, value } };
    }
    const dims = metric.customerDimensions;
    if (dims === "none" || (dims !== "all" && !dims.includes(key))) {
      return { by: [], problem: { code: "not_breakable", dimension: key, value } };
    }
  }
  return { by: keys, problem: null };
}

function segmentValueProblem(segment: Readonly<Record<string, string>>): SmartFacts["segmentProblem"] {
  const [dimension, value] = Object.entries(segment)[0] ?? ["", ""];
  return { code: "unknown_segment_value", dimension, value };
}

function matchesSegment(v: MetricValue, segment: Goal["segment"]): boolean {
  if (!segment) return v.segment === null;
  if (!v.segment) return false;
  const keys = Object.keys(segment);
  return Object.keys(v.segment).length === keys.length && keys.every((k) => v.segment?.[k] === segment[k]);
}

async function measure(
  reports: GoalReports,
  goal: Goal,
  mode: GoalMode,
  by: string[],
  settings: DatasetSettings,
  asOfMs: number,
): Promise<Measurement> {
  const zone = settings.timezone;
  const options = periodOptions(settings, { grain: goal.grain, calendar: goal.calendar });
  const startMs = goalStartMs(goal.start, zone);
  const endMs = goal.deadline === null ? null : deadlineEndMs(goal.deadline, zone);
  const deadlinePassed = endMs !== null && asOfMs >= endMs;
  const series = await periodSeries(reports, goal, mode, by, options, asOfMs);
  const complete = series.values.filter((s) => s.period.endMs <= asOfMs);
  const before = complete.filter((s) => s.period.endMs <= startMs).map((s) => s.value);
  // One period of the goal's grain, averaged over the goal's span: 11.5 months from mid-January to Dec 31.
  const span = endMs === null ? [] : periodsBetween(startMs, Math.max(startMs, endMs - 1), options);
  const spanFirst = span[0];
  const spanLast = span.at(-1);
  const periodMs =
    spanFirst && spanLast ? (spanLast.endMs - spanFirst.startMs) / span.length : 30.436875 * DAY_MS;
  const periods = endMs === null ? 0 : (endMs - startMs) / periodMs;

  if (mode === "cumulative") {
    const { cutoff } = cumulativeSpan(goal, settings, asOfMs);
    const current =
      cutoff > startMs ? await cumulativeTotal(reports, goal, by, settings, startMs, cutoff) : 0;
    const projection = deadlinePassed
      ? { value: current, method: "final" as const, basis: 0 }
      : endMs === null
        ? { value: null, method: "none" as const, basis: 0 }
        : projectCumulative({
            current,
            elapsedMs: Math.max(0, cutoff - startMs),
            remainingMs: endMs - Math.max(startMs, cutoff),
            periodMs,
            history: before,
          });
    return {
      baseline: 0,
      current,
      currentPeriod: null,
      projection,
      achievability: judgeAchievability({
        mode,
        direction: goal.direction,
        target: goal.target,
        baseline: 0,
        periods,
        history: before,
      }),
      deadlinePassed,
      segmentSeen: series.segmentSeen,
    };
  }

  const baselineLabel = previousPeriod(periodContaining(startMs, options), options).label;
  // The period before the start, else the last known value before it (a rep without a quota that month).
  const baseline =
    series.values.find((s) => s.period.label === baselineLabel)?.value ??
    before.findLast((v) => v !== null) ??
    null;
  const upToDeadline = complete.filter((s) => endMs === null || s.period.startMs < endMs);
  const last = upToDeadline.findLast((s) => s.value !== null);
  const current = last?.value ?? null;
  let projection: Projection;
  if (deadlinePassed) projection = { value: current, method: "final", basis: 0 };
  else if (endMs === null) projection = { value: null, method: "none", basis: 0 };
  else {
    const points = complete.map((s, i) => [i, s.value] as const);
    const lastComplete = complete.at(-1);
    const ahead = lastComplete
      ? periodsBetween(lastComplete.period.endMs, Math.max(lastComplete.period.endMs, endMs - 1), options)
          .length
      : 0;
    projection = projectLevel(points, complete.length - 1 + ahead, boundsOf(goal.metric));
  }
  return {
    baseline,
    current,
    currentPeriod: last?.period.label ?? null,
    projection,
    achievability: judgeAchievability({
      mode,
      direction: goal.direction,
      target: goal.target,
      baseline,
      periods,
      history: before,
      domain: metricDomain(goal.metric),
    }),
    deadlinePassed,
    segmentSeen: series.segmentSeen,
  };
}

/** Shares stay in 0..1 and NPS in −100..100 however steep the trend (metric-domain.ts). */
function boundsOf(metricId: string): MetricDomain {
  return metricDomain(metricId);
}

/** The metric's value per period of the goal's grain, from the data's first period to the one holding `asOfMs`. */
async function periodSeries(
  reports: GoalReports,
  goal: Goal,
  mode: GoalMode,
  by: string[],
  options: PeriodOptions,
  asOfMs: number,
): Promise<{ values: { period: Period; value: number | null }[]; segmentSeen: boolean }> {
  const request = seriesRequest(goal, by, options, await reports.timeRange(), asOfMs);
  if (!request) return { values: [], segmentSeen: false };
  const result = await reports.run(request);
  const rows = result.values.filter((v) => v.metric === goal.metric && matchesSegment(v, goal.segment));
  const byLabel = new Map(rows.map((v) => [v.period, v.value]));
  // A count with no row in a period is 0 there; any other metric is unknown.
  const missing = mode === "cumulative" ? 0 : null;
  return {
    values: result.periods.map((period) => ({ period, value: byLabel.get(period.label) ?? missing })),
    segmentSeen: rows.length > 0,
  };
}

/** The report of a goal's series: its grain, from the data's first period to the one holding `asOfMs`. */
function seriesRequest(
  goal: Goal,
  by: string[],
  options: PeriodOptions,
  range: Awaited<ReturnType<typeof dataTimeRange>>,
  asOfMs: number,
): GoalReportRequest | null {
  if (!range || asOfMs - 1 < range.firstMs) return null;
  return {
    metric: goal.metric,
    grain: options.grain,
    calendar: options.calendar,
    from: periodContaining(range.firstMs, options).label,
    to: periodContaining(asOfMs - 1, options).label,
    by,
  };
}

/** The daily report a cumulative goal sums, from `fromMs` to `toMs` (exclusive). */
function cumulativeRequest(
  goal: Goal,
  by: string[],
  settings: DatasetSettings,
  fromMs: number,
  toMs: number,
): GoalReportRequest {
  // Days are the same days in every calendar: the Gregorian labels are the simplest to write.
  const days: PeriodOptions = { grain: "day", calendar: "gregorian", timeZone: settings.timezone };
  return {
    metric: goal.metric,
    grain: "day",
    calendar: "gregorian",
    from: periodContaining(fromMs, days).label,
    to: periodContaining(toMs - 1, days).label,
    by,
  };
}

/** Σ of the metric over the days from `fromMs` to `toMs` (exclusive): counts accumulate from the start date. */
async function cumulativeTotal(
  reports: GoalReports,
  goal: Goal,
  by: string[],
  settings: DatasetSettings,
  fromMs: number,
  toMs: number,
): Promise<number> {
  const result = await reports.run(cumulativeRequest(goal, by, settings, fromMs, toMs));
  return result.values
    .filter((v) => v.metric === goal.metric && matchesSegment(v, goal.segment))
    .reduce((sum, v) => sum + (v.value ?? 0), 0);
}
