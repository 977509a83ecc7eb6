import type { Engine } from "../core/engine.js";
import { fillsRows, groupingsOf } from "../core/metrics/compiler/compile-report.js";
import { kindOfId, type MetricDefinition } from "../core/metrics/definition/metric-definition.js";
import { type MetricValue, reportedValue } from "../core/metrics/definition/metric-value.js";
import { getMetric, METRICS } from "../core/metrics/registry.js";
import { type DataChange, type DataFingerprint, dataChange, dataFingerprint } from "./data-fingerprint.js";
import type { RangePeriod } from "./report-range.js";
import { METRIC_DIMENSIONS, type ReportRequest, type ReportResult, runReport } from "./run-report.js";
import { catalogRanks, sortReportValues } from "./value-order.js";

/**
 * A report kept by a process that reports again and again (the server), to
 * bring it up to date after the data changes instead of computing it anew.
 */
export interface KeptReport {
  readonly request: ReportRequest;
  readonly result: ReportResult;
  readonly fingerprint: DataFingerprint;
}

/** What bringing a kept report up to date took. */
export type ReuseOutcome =
  /** Computed whole: nothing kept, another request, scores, or a change that may move any value. */
  | { readonly kind: "computed" }
  /** The data did not change: the kept values as they were. */
  | { readonly kind: "unchanged" }
  /** The periods from `from` on, per group of metrics (`metrics` ids); the periods before, kept. */
  | {
      readonly kind: "updated";
      readonly groups: readonly { readonly from: string; readonly metrics: number }[];
    };

export interface ReusedReport {
  readonly result: ReportResult;
  /** What to keep for the next time; null when the request cannot be kept (propensity scores). */
  readonly kept: KeptReport | null;
  readonly outcome: ReuseOutcome;
}

const DAY_MS = 86_400_000;

/**
 * The report of `request`, from `kept` where the data allows: the same
 * values, byte for byte, as `runReport` gives on the data now. The data's
 * fingerprint tells from which day on records changed and of which
 * entities; a period's values are kept when no changed record can reach
 * them (each metric's `readsLater`, docs/metrics.md "Values that change
 * after their period"), and the periods after are computed again, one
 * report per group of metrics that start at the same period. Anything
 * else (customers, settings, another range or segments) computes the
 * report whole.
 *
 * @example const first = await reportReusing(engine, request); … await reportReusing(engine, request, first.kept)
 */
export async function reportReusing(
  engine: Engine,
  request: ReportRequest,
  kept?: KeptReport | null,
): Promise<ReusedReport> {
  // Scores are computed from the data by a model: nothing to tell which periods they move.
  if (request.customerScores)
    return { result: await runReport(engine, request), kept: null, outcome: { kind: "computed" } };
  const fingerprint = await dataFingerprint(engine);
  const computed = async (): Promise<ReusedReport> => {
    const result = await runReport(engine, request);
    return { result, kept: { request, result, fingerprint }, outcome: { kind: "computed" } };
  };
  if (!kept || JSON.stringify(kept.request) !== JSON.stringify(request)) return computed();
  const change = dataChange(kept.fingerprint, fingerprint);
  if (change.kind === "none")
    return { result: kept.result, kept: { ...kept, fingerprint }, outcome: { kind: "unchanged" } };
  if (change.kind === "any") return computed();
  const updated = await updateKept(engine, request, kept.result, change);
  if (!updated) return computed();
  return {
    result: updated.result,
    kept: { request, result: updated.result, fingerprint },
    outcome: updated.outcome,
  };
}

interface MetricGroup {
  readonly first: number;
  readonly metrics: MetricDefinition[];
}

async function updateKept(
  engine: Engine,
  request: ReportRequest,
  was: ReportResult,
  change: Extract<DataChange, { kind: "from" }>,
): Promise<{ result: ReportResult; outcome: ReuseOutcome } | null> {
  // No metric: only the range, the settings and the as-of instant, which are cheap.
  const range = await runReport(engine, { ...request, metrics: [] });
  if (JSON.stringify(range.settings) !== JSON.stringify(was.settings)) return null;
  const metrics =
    request.metrics === "all" ? METRICS : [...new Set(request.metrics.map((id) => getMetric(id)))];
  const groups = metricGroups(metrics, range.periods, change, request, range, was);
  const keptPeriods = Math.min(...groups.map((g) => g.first), range.periods.length);
  // The kept periods must be the same periods, with the same partial flags.
  for (let i = 0; i < keptPeriods; i++) {
    if (JSON.stringify(range.periods[i]) !== JSON.stringify(was.periods[i])) return null;
  }
  const index = new Map(range.periods.map((p, i) => [p.label, i]));
  const values: MetricValue[] = [];
  const groupOf = new Map<string, MetricGroup>();
  for (const group of groups)
    for (const m of group.metrics) for (const id of [m.id, ...(m.siblings ?? [])]) groupOf.set(id, group);
  for (const v of was.values) {
    const group = groupOf.get(v.metric);
    const idx = index.get(v.period);
    if (group && idx !== undefined && idx < group.first) values.push(v);
  }
  const outcome: { from: string; metrics: number }[] = [];
  for (const group of groups) {
    const from = range.periods[group.first];
    if (!from) continue;
    const ids =
      request.metrics === "all"
        ? group.metrics.map((m) => m.id)
        : request.metrics.filter((id) => group.metrics.includes(getMetric(id)));
    // Only the parameters of the group's metrics: the others are refused as no metric's.
    const names = new Set(group.metrics.flatMap((m) => (m.params ?? []).map((p) => p.name)));
    const params = Object.fromEntries(
      Object.entries(request.params ?? {}).filter(([name]) => names.has(name)),
    );
    const part = await runReport(engine, {
      ...request,
      metrics: ids,
      params,
      from: from.label,
      to: range.periods.at(-1)?.label,
    });
    if (JSON.stringify(part.periods) !== JSON.stringify(range.periods.slice(group.first))) return null;
    const recomputed = completeRows(was, part, group.metrics, request.by ?? []);
    if (!recomputed) return null;
    values.push(...recomputed);
    outcome.push({ from: from.label, metrics: ids.length });
  }
  // In the report's one order (value-order.ts), as runReport gives them.
  const rankOf = groupingRanks(metrics, request.by ?? []);
  const ordered = sortReportValues(
    values.map((value) => ({ value, periodIdx: index.get(value.period) ?? -1, groupingRank: rankOf(value) })),
    catalogRanks(METRICS),
  );
  return {
    result: {
      ...was,
      values: ordered,
      periods: range.periods,
      warnings: range.warnings,
      asOfMs: range.asOfMs,
    },
    outcome: { kind: "updated", groups: outcome },
  };
}

/**
 * The metrics by the first period whose values the change can reach: a
 * period ending at or before the earliest changed day reads none of the
 * changed records, unless the metric reads records of a changed entity
 * dated after its periods (then that many days earlier, or every period).
 */
function metricGroups(
  metrics: readonly MetricDefinition[],
  periods: readonly RangePeriod[],
  change: Extract<DataChange, { kind: "from" }>,
  request: ReportRequest,
  now: ReportResult,
  was: ReportResult,
): MetricGroup[] {
  // Windows reaching past the as-of instant read up to it: a moved as-of moves them too.
  const asOfMoved = now.asOfMs !== was.asOfMs;
  const byFirst = new Map<number, MetricDefinition[]>();
  for (const metric of metrics) {
    let reach = change.fromMs;
    for (const read of metric.readsLater ?? []) {
      if (!change.entities.has(read.entity) && !asOfMoved) continue;
      const days = read.days ? read.days(request.params ?? {}, now.settings) : Number.POSITIVE_INFINITY;
      const from = asOfMoved
        ? Math.min(change.fromMs, was.asOfMs ?? Number.NEGATIVE_INFINITY)
        : change.fromMs;
      reach = Math.min(reach, from - days * DAY_MS);
    }
    const first = periods.findIndex((p) => p.endMs > reach);
    const at = first < 0 ? periods.length : first;
    byFirst.set(at, [...(byFirst.get(at) ?? []), metric]);
  }
  return [...byFirst.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([first, group]) => ({ first, metrics: group }));
}

/**
 * The recomputed values with the rows the whole report would have too, or
 * null when the kept periods' rows may have moved. Rows of a shape (its
 * segment keys) that is the same in every kept period, a domain (every
 * region, every campaign), must be that domain in the recomputed periods:
 * a segment beyond it would add rows to the kept periods. A segment the
 * recomputed periods lack is filled in with an empty row where the report
 * fills its domain itself (totals, --by), as the whole report would: its
 * domain spans the whole range, so a group that only the kept periods hold
 * (a lead without a customer) is in it; but only where a row of the kept
 * periods shows the group in their own data. Shapes that follow their
 * records keep the kept periods' rows, whose records did not change.
 */
function completeRows(
  was: ReportResult,
  part: ReportResult,
  metrics: readonly MetricDefinition[],
  by: readonly string[],
): MetricValue[] | null {
  const before = segmentsByShape(was.values);
  const after = segmentsByShape(part.values);
  for (const shape of after.keys()) if (!before.has(shape)) return null;
  const recomputed = new Set(part.periods.map((p) => p.label));
  // Groups that rows of the kept periods show in their data (not an empty fill row).
  const shown = new Set(
    was.values
      .filter((v) => !recomputed.has(v.period) && !isEmptyRow(v))
      .map((v) => `${v.metric}|${JSON.stringify(v.segment)}`),
  );
  const added: MetricValue[] = [];
  for (const metric of metrics) {
    const groupings = groupingsOf(metric, by, METRIC_DIMENSIONS);
    for (const id of [metric.id, ...(metric.siblings ?? [])]) {
      for (const grouping of groupings) {
        const shape = `${id}|${grouping.keys.join(",")}`;
        const kept = before.get(shape);
        const domain = kept && sameInEvery(kept, was.periods.length);
        if (!domain) continue;
        for (const period of part.periods) {
          const has = after.get(shape)?.get(period.label) ?? new Set<string>();
          for (const segment of has) if (!domain.has(segment)) return null;
          for (const segment of domain) {
            if (has.has(segment)) continue;
            if (!fillsRows(metric, grouping) || !shown.has(`${id}|${segment}`)) return null;
            added.push({
              metric: id,
              period: period.label,
              segment: JSON.parse(segment) as MetricValue["segment"],
              ...reportedValue(kindOfId(metric, id), { value: null, numerator: null, denominator: null }),
              ...(period.partial ? { partial: true as const } : {}),
            });
          }
        }
      }
    }
  }
  return [...part.values, ...added];
}

/** Per metric id and segment keys: per period, the segments (as JSON). */
function segmentsByShape(values: readonly MetricValue[]): Map<string, Map<string, Set<string>>> {
  const shapes = new Map<string, Map<string, Set<string>>>();
  for (const v of values) {
    const shape = `${v.metric}|${Object.keys(v.segment ?? {}).join(",")}`;
    const periods = shapes.get(shape) ?? new Map<string, Set<string>>();
    shapes.set(shape, periods);
    const segments = periods.get(v.period) ?? new Set<string>();
    periods.set(v.period, segments);
    segments.add(JSON.stringify(v.segment));
  }
  return shapes;
}

/** The segments when every one of `periods` periods has the same ones. */
function sameInEvery(
  byPeriod: ReadonlyMap<string, ReadonlySet<string>>,
  periods: number,
): ReadonlySet<string> | null {
  if (byPeriod.size !== periods) return null;
  const [first, ...rest] = [...byPeriod.values()];
  if (!first) return null;
  return rest.every((set) => set.size === first.size && [...set].every((s) => first.has(s))) ? first : null;
}

/** A row that holds nothing: no value but 0, nothing counted or divided by. */
function isEmptyRow(v: MetricValue): boolean {
  return (v.value === null || v.value === 0) && !v.numerator && !v.denominator;
}

/** A value's grouping rank (`OrderedValue.groupingRank`), known by its segment keys. */
function groupingRanks(
  metrics: readonly MetricDefinition[],
  by: readonly string[],
): (v: MetricValue) => number {
  const rank = new Map<string, number>();
  for (const metric of metrics) {
    for (const [i, grouping] of groupingsOf(metric, by, METRIC_DIMENSIONS).entries()) {
      for (const id of [metric.id, ...(metric.siblings ?? [])])
        rank.set(`${id}|${grouping.keys.join(",")}`, i);
    }
  }
  return (v) => rank.get(`${v.metric}|${Object.keys(v.segment ?? {}).join(",")}`) ?? 0;
}
