import {
  isRightToLeft,
  type Lang,
  lookupMessage,
  type MessageKey,
  metricName,
  t,
} from "../../messages/index.js";
import { type Alert, alertTitle } from "../alert.js";
import type { AlertCondition } from "../alert-rule.js";
import type { AlertState } from "../alert-state.js";
import type { AlertReading } from "../read-alert.js";
import type { KpiRow } from "./digest-kpis.js";
import { formatAlertChange, formatAlertValue } from "./format-value.js";
import { renderChartSvg } from "./render-chart.js";

export type NoticeEvent = "fired" | "resolved" | "test";

/** A notice with its digest, ready for every channel: email (text, HTML, SVG chart) and webhook (Slack JSON). */
export interface AlertNotice {
  readonly alertId: string;
  readonly event: NoticeEvent;
  readonly lang: Lang;
  readonly subject: string;
  /** Plain text: the email's text part and the webhook's `text`. */
  readonly text: string;
  readonly html: string;
  /** Slack Block Kit blocks. */
  readonly blocks: readonly Record<string, unknown>[];
  /** The chart, an SVG document rendered on the server. */
  readonly svg: string;
  /** The Content-ID the HTML uses for the chart (`cid:` link). */
  readonly chartCid: string;
}

/** The condition in the recipient's words; `unit` is the metric's (fractions show as percentages). */
export function describeCondition(condition: AlertCondition, lang: Lang, unit = "count"): string {
  if (condition.kind === "goal_at_risk") return t(lang, "alerts.condition.goal", { goal: condition.goal });
  const metric = metricName(lang, condition.metric);
  const grain = t(lang, `alerts.grain.${condition.grain}` as MessageKey);
  const segment = condition.segment
    ? ` (${Object.entries(condition.segment)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")})`
    : "";
  if (condition.kind === "threshold") {
    const key = condition.op === "above" ? "alerts.condition.above" : "alerts.condition.below";
    return t(lang, key, { metric, value: formatAlertValue(condition.value, unit, lang), grain }) + segment;
  }
  const amount = condition.relative
    ? formatAlertValue(condition.amount, "fraction", lang)
    : formatAlertValue(condition.amount, unit === "fraction" ? "fraction" : "score", lang);
  const key = `alerts.condition.${condition.direction}${condition.relative ? "Relative" : ""}` as MessageKey;
  return t(lang, key, { metric, amount, grain }) + segment;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * Writes the notice of an alert's change of state (or of a test) with its
 * digest: what happened, the reading, the KPI table and the chart, in the
 * alert's language (right to left for fa and ar) and calendar.
 *
 * @example buildNotice(alert, "fired", reading, kpis)
 */
export function buildNotice(
  alert: Alert,
  event: NoticeEvent,
  reading: AlertReading,
  kpis: readonly KpiRow[],
  state: AlertState = alert.state,
): AlertNotice {
  const lang = alert.lang;
  const title = alertTitle(alert);
  const condition = describeCondition(alert.condition, lang, reading.unit);
  const subject = t(lang, `alerts.notice.subject.${event}`, { title });
  const headline =
    event === "test"
      ? t(lang, "alerts.notice.test", { title, condition, state: t(lang, `alerts.state.${state}`) })
      : t(lang, `alerts.notice.${event}`, { title, condition });
  const value = (v: number | null) => formatAlertValue(v, reading.unit, lang);
  const metric = metricName(lang, reading.metric);
  const readingLine =
    alert.condition.kind === "goal_at_risk"
      ? t(lang, "alerts.notice.goal", {
          goal: alert.condition.goal,
          status: reading.goalStatus
            ? (lookupMessage(lang, `goals.status.${reading.goalStatus}`) ?? reading.goalStatus)
            : "—",
          value: value(reading.value),
        })
      : reading.periodLabel === null
        ? t(lang, "alerts.notice.noData")
        : t(lang, "alerts.notice.value", {
            metric,
            period: reading.periodLabel,
            value: value(reading.value),
            previous: value(reading.previous),
            change:
              alert.condition.kind === "change" && alert.condition.relative
                ? formatAlertChange(reading.change, "fraction", lang)
                : formatAlertChange(
                    reading.value !== null && reading.previous !== null
                      ? reading.value - reading.previous
                      : null,
                    reading.unit,
                    lang,
                  ),
          });
  const periodLabel = reading.series.at(-1)?.label ?? "—";
  const digestTitle = t(lang, "alerts.digest.title", { period: periodLabel });
  const header = [
    t(lang, "alerts.digest.column.metric"),
    t(lang, "alerts.digest.column.value"),
    t(lang, "alerts.digest.column.previous"),
    t(lang, "alerts.digest.column.change"),
  ];
  const rows = kpis.map((k) => [
    metricName(lang, k.metric),
    formatAlertValue(k.value, k.unit, lang),
    formatAlertValue(k.previous, k.unit, lang),
    formatAlertChange(k.value !== null && k.previous !== null ? k.value - k.previous : null, k.unit, lang),
  ]);
  const chartTitle = t(lang, "alerts.digest.chart", {
    metric,
    count: formatAlertValue(reading.series.length, "count", lang),
  });
  const threshold =
    alert.condition.kind === "threshold"
      ? {
          value: alert.condition.value,
          label: t(lang, "alerts.digest.threshold", { value: value(alert.condition.value) }),
        }
      : undefined;
  const svg = renderChartSvg({
    title: chartTitle,
    series: reading.series,
    unit: reading.unit,
    lang,
    ...(threshold ? { threshold } : {}),
  });
  const footer = t(lang, "alerts.digest.footer", { id: alert.id, rule: alert.rule });
  const text = [
    headline,
    readingLine,
    "",
    digestTitle,
    ...[header, ...rows].map((r) => r.join(" | ")),
    "",
    footer,
  ].join("\n");
  const chartCid = `chart-${alert.id}@crm-kpi`;
  const dir = isRightToLeft(lang) ? "rtl" : "ltr";
  const cell = (tag: string, s: string) => `<${tag} style="padding:4px 8px">${escapeHtml(s)}</${tag}>`;
  const html = [
    `<!DOCTYPE html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:Vazirmatn,'Noto Sans SC',sans-serif">`,
    `<h1 style="font-size:18px">${escapeHtml(headline)}</h1>`,
    `<p>${escapeHtml(readingLine)}</p>`,
    `<h2 style="font-size:16px">${escapeHtml(digestTitle)}</h2>`,
    `<table style="border-collapse:collapse"><thead><tr>${header.map((h) => cell("th", h)).join("")}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell("td", c)).join("")}</tr>`).join("")}</tbody></table>`,
    `<p><img src="cid:${chartCid}" alt="${escapeHtml(chartTitle)}" width="640" height="320"></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  const table = [header, ...rows].map((r) => r.join(" | ")).join("\n");
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: subject.slice(0, 150) } },
    { type: "section", text: { type: "mrkdwn", text: `*${headline}*\n${readingLine}` } },
    { type: "section", text: { type: "mrkdwn", text: `*${digestTitle}*\n\`\`\`\n${table}\n\`\`\`` } },
    { type: "context", elements: [{ type: "mrkdwn", text: footer }] },
  ];
  return { alertId: alert.id, event, lang, subject, text, html, blocks, svg, chartCid };
}
