import { assertUnreachable } from "../core/errors.js";
import { isRightToLeft, type Lang, lookupMessage, type MessageKey, t } from "../messages/index.js";
import type { Finding, MetricImpact } from "../quality/findings.js";
import type { QualityReport } from "../quality/run-quality.js";
import type { QualityWarning } from "../report/quality-warnings.js";
import { formatMetricValue, formatNumber } from "./format-number.js";
import { renderMarkdownTable, renderTable, type TableColumn } from "./text-table.js";

export const QUALITY_FORMATS = ["table", "ndjson", "md"] as const;
export type QualityFormat = (typeof QUALITY_FORMATS)[number];

/** One JSON object per line; `data_health_score` last. */
export function qualityNdjson(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify(f));
}

/**
 * A quality report as the reader of `lang` sees it: score and duplicate
 * summary, the impact of merging, then one row per finding.
 */
export function formatQualityReport(report: QualityReport, format: QualityFormat, lang: Lang): string[] {
  if (format === "ndjson") return qualityNdjson(report.findings);
  const lines: string[] = [t(lang, "quality.score", { score: formatNumber(report.score, lang, 1) })];
  const rate = report.findings.find((f) => f.kind === "duplicate_rate");
  if (rate?.kind === "duplicate_rate") {
    lines.push(
      t(lang, "quality.duplicates", {
        records: formatNumber(rate.duplicate_records, lang),
        clusters: formatNumber(rate.clusters, lang),
        customers: formatNumber(rate.customers, lang),
        rate: formatMetricValue(rate.value, "fraction", lang),
      }),
    );
    for (const impact of rate.impact) lines.push(describeImpact(impact, lang));
  }
  lines.push("");
  const columns: TableColumn[] = [
    { header: t(lang, "quality.column.kind") },
    { header: t(lang, "quality.column.where") },
    { header: t(lang, "quality.column.value"), align: "right" },
    { header: t(lang, "quality.column.detail") },
    { header: t(lang, "quality.column.affects"), align: "right" },
  ];
  const rows = report.findings
    .filter((f) => f.kind !== "data_health_score" && f.kind !== "duplicate_rate")
    .map((f) => [
      t(lang, `quality.kind.${f.kind}` as MessageKey),
      whereOf(f),
      findingValue(f, lang),
      detailOf(f),
      formatNumber(f.affects.length, lang),
    ]);
  const direction = isRightToLeft(lang) ? "rtl" : "ltr";
  lines.push(
    ...(format === "md"
      ? renderMarkdownTable(columns, rows, direction)
      : renderTable(columns, rows, direction)),
  );
  return lines;
}

function describeImpact(impact: MetricImpact, lang: Lang): string {
  const unit = impact.metric === "customer_churn_rate" ? "fraction" : "count";
  const signed = (x: number | null) =>
    x === null
      ? "—"
      : `${x > 0 ? "+" : ""}${unit === "fraction" ? `${formatNumber(x * 100, lang, 3)} pp` : formatNumber(x, lang)}`;
  return t(lang, "quality.impact", {
    metric: lookupMessage(lang, `metric.${impact.metric}.name`) ?? impact.metric,
    difference: signed(impact.difference),
    period: impact.period ?? "—",
    before: formatMetricValue(impact.with_duplicates, unit, lang),
    after: formatMetricValue(impact.merged, unit, lang),
    periods: formatNumber(impact.periods, lang),
    mean: signed(impact.mean_abs_difference).replace(/^\+/, ""),
  });
}

function whereOf(f: Finding): string {
  switch (f.kind) {
    case "duplicate_customers":
      return f.cluster_id;
    case "completeness":
    case "validity":
    case "orphans":
      return `${f.entity}.${f.column}`;
    case "time_consistency":
    case "freshness":
      return f.entity;
    case "duplicate_rate":
    case "data_health_score":
      return "";
    default:
      return assertUnreachable(f);
  }
}

function findingValue(f: Finding, lang: Lang): string {
  switch (f.kind) {
    case "duplicate_customers":
      return formatNumber(f.score, lang, 3);
    case "completeness":
    case "validity":
    case "duplicate_rate":
      return formatMetricValue(f.value, "fraction", lang);
    case "orphans":
    case "time_consistency":
      return formatNumber(f.count, lang);
    case "freshness":
      return `${formatNumber(f.age_days, lang, 1)} d`;
    case "data_health_score":
      return formatNumber(f.value, lang, 1);
    default:
      return assertUnreachable(f);
  }
}

// Details quote data (ids, rules, values) and stay as they are in every language.
function detailOf(f: Finding): string {
  switch (f.kind) {
    case "duplicate_customers":
      return `${f.customer_ids.join(", ")}: ${f.reason}`;
    case "completeness":
      return `${f.filled}/${f.rows}`;
    case "validity":
      return `${f.rule} ${f.invalid}/${f.checked}${f.examples.length > 0 ? ` (${f.examples.join(", ")})` : ""}`;
    case "orphans":
      return `→ ${f.references} ${f.count}/${f.rows}`;
    case "time_consistency":
      return `${f.rule} ${f.count}/${f.rows}`;
    case "freshness":
      return `${f.latest}${f.stale ? " (stale)" : ""}`;
    case "duplicate_rate":
    case "data_health_score":
      return "";
    default:
      return assertUnreachable(f);
  }
}

/** Lines printed under a report: one per kind of open finding that touches its metrics. */
export function formatQualityWarnings(warnings: readonly QualityWarning[], lang: Lang): string[] {
  return warnings.map((w) => {
    const names = w.metrics.map((id) => lookupMessage(lang, `metric.${id}.name`) ?? id);
    const shown =
      names.length > 4 ? [...names.slice(0, 4), `+${formatNumber(names.length - 4, lang)}`] : names;
    return t(lang, "report.qualityWarning", {
      finding: t(lang, `quality.kind.${w.kind}` as MessageKey),
      count: formatNumber(w.count, lang),
      metrics: shown.join(lang === "zh" ? "、" : lang === "en" ? ", " : "، "),
    });
  });
}
