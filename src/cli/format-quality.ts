import { formatPeriodLabel, parsePeriodLabel } from "../calendar/index.js";
import { localizeDigits } from "../calendar/localize-digits.js";
import { assertUnreachable } from "../core/errors.js";
import type { DatasetSettings } from "../core/model/settings.js";
import { isRightToLeft, type Lang, lookupMessage, type MessageKey, t } from "../messages/index.js";
import type { Finding, MetricImpact } from "../quality/findings.js";
import type { QualityWarning } from "../quality/quality-warnings.js";
import type { QualityReport } from "../quality/run-quality.js";
import { periodOptions } from "../report/run-report.js";
import { entityLabel } from "./entity-label.js";
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
export function formatQualityReport(
  report: QualityReport,
  format: QualityFormat,
  lang: Lang,
  periodLabel: (label: string) => string = (label) => localizeDigits(label, lang),
): string[] {
  if (format === "ndjson") return qualityNdjson(report.findings);
  // The template's "/100" is part of the number: local digits too.
  const lines: string[] = [
    localizeDigits(t(lang, "quality.score", { score: formatNumber(report.score, lang, 1) }), lang),
  ];
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
    for (const impact of rate.impact) lines.push(describeImpact(impact, lang, periodLabel));
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
      whereOf(f, lang),
      findingValue(f, lang),
      detailOf(f, lang),
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

function describeImpact(impact: MetricImpact, lang: Lang, periodLabel: (label: string) => string): string {
  const unit = impact.metric === "customer_churn_rate" ? "fraction" : "count";
  const signed = (x: number | null) =>
    x === null
      ? "—"
      : `${x > 0 ? "+" : ""}${unit === "fraction" ? t(lang, "cli.quality.points", { value: formatNumber(x * 100, lang, 3) }) : formatNumber(x, lang)}`;
  return t(lang, "quality.impact", {
    metric: lookupMessage(lang, `metric.${impact.metric}.name`) ?? impact.metric,
    difference: signed(impact.difference),
    period: impact.period === null ? "—" : periodLabel(impact.period),
    before: formatMetricValue(impact.with_duplicates, unit, lang),
    after: formatMetricValue(impact.merged, unit, lang),
    periods: formatNumber(impact.periods, lang),
    mean: signed(impact.mean_abs_difference).replace(/^\+/, ""),
  });
}

function whereOf(f: Finding, lang: Lang): string {
  switch (f.kind) {
    case "duplicate_customers":
      return f.cluster_id;
    case "completeness":
    case "validity":
    case "orphans":
      return `${f.entity}.${f.column}`;
    case "time_consistency":
    case "freshness":
      return entityLabel(lang, f.entity);
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
      return t(lang, "cli.quality.days", { days: formatNumber(f.age_days, lang, 1) });
    case "data_health_score":
      return formatNumber(f.value, lang, 1);
    default:
      return assertUnreachable(f);
  }
}

// Details quote data (ids, emails, column names) as they are; the words
// around them and every count come from the catalogs.
function detailOf(f: Finding, lang: Lang): string {
  const outOf = (value: number, total: number) =>
    t(lang, "cli.quality.outOf", { value: formatNumber(value, lang), total: formatNumber(total, lang) });
  switch (f.kind) {
    case "duplicate_customers":
      return `${f.customer_ids.join(", ")}: ${localizeReason(f.reason, lang)}`;
    case "completeness":
      return outOf(f.filled, f.rows);
    case "validity":
      return `${t(lang, `cli.quality.rule.${f.rule}`)} ${outOf(f.invalid, f.checked)}${f.examples.length > 0 ? ` (${f.examples.join(", ")})` : ""}`;
    case "orphans":
      return `→ ${f.references.includes(".") ? f.references : entityLabel(lang, f.references)} ${outOf(f.count, f.rows)}`;
    case "time_consistency":
      return `${f.rule} ${outOf(f.count, f.rows)}`;
    case "freshness":
      return `${localizeDigits(f.latest, lang)}${f.stale ? ` (${t(lang, "cli.quality.stale")})` : ""}`;
    case "duplicate_rate":
    case "data_health_score":
      return "";
    default:
      return assertUnreachable(f);
  }
}

const REASONS = [
  [/^same email \(normalized: (.*)\)$/, "cli.quality.reason.email"],
  [/^same phone \(normalized: (.*)\)$/, "cli.quality.reason.phone"],
  [/^similar name \+ company \((.*); ([\d.]+)\)$/, "cli.quality.reason.nameCompany"],
] as const;

/**
 * The duplicate finder's reasons (`same email (normalized: …); similar name
 * + company (…; 0.95)`) in the user's language; a part we do not know stays.
 */
function localizeReason(reason: string, lang: Lang): string {
  const separator = lang === "zh" ? "；" : lang === "en" ? "; " : "؛ ";
  return reason
    .split("; ")
    .reduce<string[]>((parts, part) => {
      // A name + company part holds "; score" itself: glue it back.
      if (/^[\d.]+\)$/.test(part) && parts.length > 0) parts[parts.length - 1] += `; ${part}`;
      else parts.push(part);
      return parts;
    }, [])
    .map((part) => {
      for (const [pattern, key] of REASONS) {
        const m = pattern.exec(part);
        if (m) return t(lang, key, { value: m[1] ?? "", score: formatNumber(Number(m[2] ?? 0), lang, 3) });
      }
      return part;
    })
    .join(separator);
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

/**
 * The label of a month of the duplicate impact (`2025-01`, in the dataset's
 * calendar) as the reader says it: `ژانویه ۲۰۲۵`, `فروردین ۱۴۰۴`.
 */
export function impactPeriodLabeler(settings: DatasetSettings, lang: Lang): (label: string) => string {
  const options = periodOptions(settings, { grain: "month" });
  return (label) => {
    try {
      return formatPeriodLabel(parsePeriodLabel(label, options), options, lang);
    } catch {
      return localizeDigits(label, lang);
    }
  };
}
