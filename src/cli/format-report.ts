import type { Period } from "../calendar/index.js";
import type { MetricValue } from "../core/metrics/definition/metric-value.js";
import { isRightToLeft, type Lang, lookupMessage, metricName, t, unitName } from "../messages/index.js";
import { groupByReason } from "../report/breakdown-reason.js";
import { formatMetricValue, formatNumber } from "./format-number.js";
import { machineLines, OUTPUT_FORMATS, type OutputFormat } from "./format-records.js";
import { renderMarkdownTable, renderTable, type TableColumn } from "./text-table.js";

export const REPORT_FORMATS = OUTPUT_FORMATS;
export type ReportFormat = OutputFormat;

/** One reported number, as `runReport` returns it. */
export type ReportValue = MetricValue;

/** The parts of a report result the formatter reads. */
export interface ReportView {
  readonly values: readonly ReportValue[];
  readonly notAvailable: readonly { readonly metric: string; readonly missing: readonly string[] }[];
  /** `partial`: the period ends after the data's last day (marked `*` in tables). */
  readonly periods: readonly (Period & { readonly partial?: true })[];
  /** Metrics reported as totals only because they cannot be broken down by the requested `by`. */
  readonly notBrokenDown?: readonly string[];
}

export interface FormatReportOptions {
  readonly format: ReportFormat;
  readonly lang: Lang;
  /** Unit of each metric id (siblings included); unknown ids format as plain numbers. */
  readonly unitOf: (metric: string) => string;
  /** The localized label of a period (`فروردین ۱۴۰۳`); default: the canonical label. */
  readonly periodLabel?: (period: Period) => string;
  /** The requested breakdown, named in the note about metrics that ignore it. */
  readonly by?: readonly string[];
  /** Lines printed right under a metric's table (the status of its goals). */
  readonly notesFor?: (metric: string) => readonly string[];
  /** The dataset's reporting currency (ISO 4217): money values show it. */
  readonly currency?: string;
}

/**
 * `lines` go to stdout; `notes` (the "not available" list) go under a table,
 * or to stderr for ndjson and csv so that stdout stays machine-readable.
 */
export interface FormattedReport {
  readonly lines: string[];
  readonly notes: string[];
}

/** Renders a report in one of the output formats. */
export function formatReport(report: ReportView, options: FormatReportOptions): FormattedReport {
  const notes = [...notAvailableLines(report, options.lang), ...notBrokenDownLines(report, options)];
  switch (options.format) {
    case "ndjson":
      return { lines: report.values.map(toNdjsonLine), notes };
    case "json":
      return { lines: JSON.stringify(report.values.map(toRecord), null, 2).split("\n"), notes };
    case "csv":
      return { lines: toCsvLines(report.values, options.by), notes };
    case "table":
    case "md":
      return {
        lines: [...toTables(report, options), ...(notes.length > 0 ? ["", ...notes] : [])],
        notes: [],
      };
  }
}

/** Exactly these keys, in this order: the golden files and other tools rely on it. */
export function toNdjsonLine(v: ReportValue): string {
  return JSON.stringify(toRecord(v));
}

/** One reported value as ndjson and json write it (the same keys, the same order). */
export function toRecord(v: ReportValue): Record<string, unknown> {
  return {
    metric: v.metric,
    period: v.period,
    segment: v.segment,
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    // Only on a period ending after the data's last day (docs/calendars.md), so complete rows keep the golden keys.
    ...(v.partial ? { partial: true } : {}),
  };
}

/**
 * One column per segment key (`region`, `segment`…) so a spreadsheet can
 * filter and pivot them; `total` tells the total row (true) from the row of
 * customers whose key is empty (an empty cell, total false). Without a
 * breakdown there are neither key columns nor `total`.
 */
function toCsvLines(values: readonly ReportValue[], by: readonly string[] = []): string[] {
  const keys = [...by];
  for (const v of values)
    for (const key of Object.keys(v.segment ?? {})) if (!keys.includes(key)) keys.push(key);
  const segmentColumns = keys.length > 0 ? ["total", ...keys] : [];
  const columns = ["metric", "period", ...segmentColumns, "value", "numerator", "denominator", "partial"];
  const records = values.map((v) => ({
    ...Object.fromEntries(keys.map((key) => [key, v.segment?.[key] ?? null])),
    ...(keys.length > 0 ? { total: v.segment === null } : {}),
    ...toRecord(v),
    partial: v.partial === true,
  }));
  return machineLines(columns, records, "csv");
}

/** One table per metric: rows = periods (× segments), columns = segment keys, value, numerator, denominator. */
function toTables(report: ReportView, options: FormatReportOptions): string[] {
  const { lang } = options;
  if (report.values.length === 0) return report.notAvailable.length > 0 ? [] : [t(lang, "report.empty")];
  const direction = isRightToLeft(lang) ? "rtl" : "ltr";
  const periodIndex = new Map(report.periods.map((p, i) => [p.label, i]));
  const periodByLabel = new Map(report.periods.map((p) => [p.label, p]));
  const labelOf = (label: string): string => {
    const period = periodByLabel.get(label);
    return period && options.periodLabel ? options.periodLabel(period) : label;
  };
  const out: string[] = [];
  for (const [metric, values] of groupByMetric(report.values)) {
    const unit = options.unitOf(metric);
    const keys = segmentKeys(values);
    const segmentOrder = new Map<string, number>();
    for (const v of values) {
      const id = JSON.stringify(v.segment);
      if (!segmentOrder.has(id)) segmentOrder.set(id, v.segment === null ? -1 : segmentOrder.size);
    }
    const sorted = [...values].sort(
      (a, b) =>
        (periodIndex.get(a.period) ?? 0) - (periodIndex.get(b.period) ?? 0) ||
        (segmentOrder.get(JSON.stringify(a.segment)) ?? 0) -
          (segmentOrder.get(JSON.stringify(b.segment)) ?? 0),
    );
    const withRatio = values.some((v) => v.numerator !== null || v.denominator !== null);
    const columns: TableColumn[] = [
      { header: t(lang, "report.column.period") },
      ...keys.map((key) => ({ header: key })),
      { header: t(lang, "report.column.value"), align: "right" },
      ...(withRatio
        ? ([
            { header: t(lang, "report.column.numerator"), align: "right" },
            { header: t(lang, "report.column.denominator"), align: "right" },
          ] as const)
        : []),
    ];
    const rows = sorted.map((v) => [
      v.partial ? `${labelOf(v.period)} *` : labelOf(v.period),
      ...keys.map((key, i) => segmentCell(v.segment, key, i, lang)),
      formatMetricValue(v.value, unit, lang, options.currency),
      ...(withRatio ? [formatNumber(v.numerator, lang), formatNumber(v.denominator, lang)] : []),
    ]);
    if (out.length > 0) out.push("");
    out.push(`${metricName(lang, metric)} — ${metric} (${unitName(lang, unit)})`);
    out.push(
      ...(options.format === "md"
        ? renderMarkdownTable(columns, rows, direction)
        : renderTable(columns, rows, direction)),
    );
    out.push(...(options.notesFor?.(metric) ?? []));
  }
  if (report.values.some((v) => v.partial)) out.push("", t(lang, "periods.report.partialNote"));
  return out;
}

function groupByMetric(values: readonly ReportValue[]): Map<string, ReportValue[]> {
  const groups = new Map<string, ReportValue[]>();
  for (const v of values) {
    const group = groups.get(v.metric);
    if (group) group.push(v);
    else groups.set(v.metric, [v]);
  }
  return groups;
}

function segmentKeys(values: readonly ReportValue[]): string[] {
  const keys: string[] = [];
  for (const v of values)
    for (const key of Object.keys(v.segment ?? {})) if (!keys.includes(key)) keys.push(key);
  return keys;
}

function segmentCell(segment: ReportValue["segment"], key: string, index: number, lang: Lang): string {
  if (segment === null) return index === 0 ? t(lang, "report.total") : "";
  const value = segment[key];
  return value === null || value === undefined ? t(lang, "report.nullSegment") : value;
}

function notAvailableLines(report: ReportView, lang: Lang): string[] {
  if (report.notAvailable.length === 0) return [];
  return [
    t(lang, "report.notAvailable.title"),
    ...report.notAvailable.map(
      (item) =>
        `  ${t(lang, "report.notAvailable.item", { name: metricName(lang, item.metric), metric: item.metric, missing: item.missing.join(", ") })}`,
    ),
  ];
}

/** One line per reason: the metrics reported as totals only under `--by`, and why (breakdown-reason.ts). */
function notBrokenDownLines(report: ReportView, options: FormatReportOptions): string[] {
  const ids = report.notBrokenDown ?? [];
  if (ids.length === 0) return [];
  const by = options.by ?? [];
  return [...groupByReason(ids, by)].map(([reasonKey, group]) =>
    t(options.lang, "metrics.breakdown.totalsOnly", {
      by: by.join(", "),
      reason: lookupMessage(options.lang, reasonKey) ?? reasonKey,
      metrics: group.map((id) => metricName(options.lang, id)).join(listSeparator(options.lang)),
    }),
  );
}

function listSeparator(lang: Lang): string {
  return lang === "zh" ? "、" : lang === "en" ? ", " : "، ";
}
