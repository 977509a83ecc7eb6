import type { Engine } from "../core/engine.js";
import type { EntityName } from "../core/model/entities.js";
import type { DatasetSettings } from "../core/model/settings.js";
import { dataTimeRange, entityRowCounts } from "../report/data-range.js";
import { loadDatasetSettings } from "../report/dataset-settings.js";
import { periodOptions, type ReportRequest, type ReportResult, runReport } from "../report/run-report.js";

/** A report request that asks for one metric (as goals ask). */
export interface GoalReportRequest extends Omit<ReportRequest, "metrics"> {
  readonly metric: string;
}

/**
 * The reports goals read, run once per request shape (grain, calendar, range,
 * `by`) for every metric asked of that shape: ten goals on monthly metrics
 * over the same months are one report, not ten. `plan` announces requests
 * before any runs, so the first run of a shape computes all its metrics.
 * The dataset's settings, row counts and time range, which every goal reads
 * too, are read once. Evaluations are the same as goal by goal
 * (evaluate-goal.test.ts).
 */
export class GoalReports {
  private readonly planned = new Map<string, Set<string>>();
  private readonly done = new Map<string, { metrics: ReadonlySet<string>; result: Promise<ReportResult> }>();
  private settings: Promise<DatasetSettings> | undefined;
  private counts: Promise<Record<EntityName, number>> | undefined;
  private range: ReturnType<typeof dataTimeRange> | undefined;

  constructor(private readonly engine: Engine) {}

  datasetSettings(): Promise<DatasetSettings> {
    this.settings ??= loadDatasetSettings(this.engine);
    return this.settings;
  }

  rowCounts(): Promise<Record<EntityName, number>> {
    this.counts ??= entityRowCounts(this.engine);
    return this.counts;
  }

  timeRange(): ReturnType<typeof dataTimeRange> {
    this.range ??= dataTimeRange(this.engine);
    return this.range;
  }

  /**
   * Offers a report already run, the one the goals are shown under: goals
   * asking for its shape (its grain, calendar, periods and `by`, or no `by`
   * at all: its totals) and one of its metrics read it instead of a report of
   * their own. Ignored when the
   * request changed the settings or added parameters or scores (a goal's
   * report has none of those).
   */
  offer(request: ReportRequest, result: ReportResult): void {
    const first = result.periods[0];
    const last = result.periods.at(-1);
    if (!first || !last || request.params || request.settings || request.customerScores) return;
    // Every metric asked for was computed; of "all", those with values are known to be complete.
    const metrics = new Set([
      ...(request.metrics === "all" ? [] : request.metrics),
      ...result.values.map((v) => v.metric),
    ]);
    const options = periodOptions(result.settings, request);
    const by = [...(request.by ?? [])];
    // A report by dimensions also holds the totals: its rows without a segment are what a report without `by` gives.
    for (const shapeBy of by.length > 0 ? [by, []] : [by]) {
      const key = shapeKey({
        metric: "",
        grain: options.grain,
        calendar: options.calendar,
        from: first.label,
        to: last.label,
        by: shapeBy,
      });
      if (!this.done.has(key)) this.done.set(key, { metrics, result: Promise.resolve(result) });
    }
  }

  plan(request: GoalReportRequest): void {
    const key = shapeKey(request);
    let metrics = this.planned.get(key);
    if (!metrics) {
      metrics = new Set();
      this.planned.set(key, metrics);
    }
    metrics.add(request.metric);
  }

  /** The report holding `request.metric` over the request's shape (it may hold other metrics too). */
  run(request: GoalReportRequest): Promise<ReportResult> {
    const key = shapeKey(request);
    const done = this.done.get(key);
    if (done?.metrics.has(request.metric)) return done.result;
    const metrics = new Set([...(this.planned.get(key) ?? []), ...(done?.metrics ?? []), request.metric]);
    const { metric: _, ...shape } = request;
    const result = runReport(this.engine, { ...shape, metrics: [...metrics].sort() });
    this.done.set(key, { metrics, result });
    return result;
  }
}

function shapeKey(request: GoalReportRequest): string {
  const { metric: _, ...shape } = request;
  return JSON.stringify(Object.entries(shape).sort(([a], [b]) => (a < b ? -1 : 1)));
}
