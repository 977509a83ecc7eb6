/** Pure reads of a /report response: series per metric and segment, the latest value and its previous one. */
import type { ReportResponse, ReportValue, Segment } from "./types.js";

export function sameSegment(a: Segment, b: Segment): boolean {
  if (a === null || b === null) return a === b;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export function segmentLabel(segment: Segment): string {
  if (segment === null) return "";
  return Object.values(segment)
    .map((v) => v ?? "—")
    .join(" · ");
}

export function periodLabels(report: ReportResponse): string[] {
  return report.periods.map((p) => p.display ?? p.label);
}

/** The metric's values in period order (null where the report has none). */
export function seriesOf(report: ReportResponse, metric: string, segment: Segment = null): (number | null)[] {
  const byPeriod = new Map<string, number | null>();
  for (const v of report.values) {
    if (v.metric === metric && sameSegment(v.segment, segment)) byPeriod.set(v.period, v.value);
  }
  return report.periods.map((p) => byPeriod.get(p.label) ?? null);
}

/** Every segment the metric is reported for (built-in breakdowns and `by`), in first-seen order. */
export function segmentsOf(report: ReportResponse, metric: string): Segment[] {
  const out: Segment[] = [];
  for (const v of report.values) {
    if (v.metric !== metric || v.segment === null) continue;
    if (!out.some((s) => sameSegment(s, v.segment))) out.push(v.segment);
  }
  return out;
}

export function valueAt(
  report: ReportResponse,
  metric: string,
  period: string,
  segment: Segment = null,
): ReportValue | undefined {
  return report.values.find(
    (v) => v.metric === metric && v.period === period && sameSegment(v.segment, segment),
  );
}

export interface Latest {
  readonly period: string;
  readonly display: string;
  readonly value: number | null;
  readonly previous: number | null;
  /** Relative change; null without a comparable previous value. */
  readonly change: number | null;
}

/** The last period's total and the value before it (`previous` of compare=previous, else the period before). */
export function latestOf(report: ReportResponse, metric: string): Latest | undefined {
  const last = report.periods[report.periods.length - 1];
  if (last === undefined) return undefined;
  const value = valueAt(report, metric, last.label)?.value ?? null;
  let previous: number | null = null;
  const compared = report.previous?.find(
    (v) => v.metric === metric && v.period === last.label && v.segment === null,
  );
  if (compared !== undefined) previous = compared.value;
  else {
    const before = report.periods[report.periods.length - 2];
    if (before !== undefined) previous = valueAt(report, metric, before.label)?.value ?? null;
  }
  const change =
    value !== null && previous !== null && previous !== 0 ? (value - previous) / Math.abs(previous) : null;
  return { period: last.label, display: last.display ?? last.label, value, previous, change };
}

/** `good` when the change goes the metric's way, `bad` against it, `neutral` otherwise. */
export function changeTone(
  change: number | null,
  direction: string | null | undefined,
): "good" | "bad" | "neutral" {
  if (change === null || change === 0 || direction === null || direction === undefined) return "neutral";
  if (direction === "up") return change > 0 ? "good" : "bad";
  if (direction === "down") return change < 0 ? "good" : "bad";
  return "neutral";
}

/** The compare=previous values of a metric, aligned to the report's periods (each the value of the period before). */
export function previousSeriesOf(
  report: ReportResponse,
  metric: string,
  segment: Segment = null,
): (number | null)[] | undefined {
  if (report.previous === undefined) return undefined;
  const byPeriod = new Map<string, number | null>();
  for (const v of report.previous) {
    if (v.metric === metric && sameSegment(v.segment, segment)) byPeriod.set(v.period, v.value);
  }
  return report.periods.map((p) => byPeriod.get(p.label) ?? null);
}
