import { formatPeriodLabel, localDayOf, localizeDigits, type Period } from "../calendar/index.js";
import { type Lang, type MessageKey, metricName, t } from "../messages/index.js";
import {
  CAMPAIGN_FIGURES,
  type CampaignFigure,
  type CampaignList,
  calendarDate,
  type StuckDealList,
} from "../report/lists.js";
import { formatMetricValue, formatNumber } from "./format-number.js";
import {
  humanTable,
  isMachineFormat,
  machineLines,
  OUTPUT_FORMATS,
  type OutputFormat,
  type RawValue,
} from "./format-records.js";
import type { TableColumn } from "./text-table.js";

export const LIST_FORMATS = OUTPUT_FORMATS;
export type ListFormat = OutputFormat;

/** `lines` go to stdout; `notes` to stderr, so csv, ndjson and json stay machine-readable. */
export interface FormattedList {
  readonly lines: string[];
  readonly notes: string[];
}

export { csvCell } from "./format-records.js";

/** Positional records (in the order of `header`) in a machine format. */
function recordLines(
  header: readonly string[],
  records: readonly (readonly RawValue[])[],
  format: "csv" | "ndjson" | "json",
): string[] {
  return machineLines(
    header,
    records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]))),
    format,
  );
}

const FIGURE_UNITS: Record<CampaignFigure, string> = {
  spend: "money",
  leads: "count",
  converted_leads: "count",
  conversion_rate: "fraction",
  customers: "customers",
  cost_per_lead: "money",
  cac: "money",
  revenue: "money",
  roi: "fraction",
};

const FIGURE_HEADERS: Record<CampaignFigure, MessageKey> = {
  spend: "lists.column.spend",
  leads: "lists.column.leads",
  converted_leads: "lists.column.convertedLeads",
  conversion_rate: "lists.column.conversionRate",
  customers: "lists.column.customers",
  cost_per_lead: "lists.column.costPerLead",
  cac: "lists.column.cac",
  revenue: "lists.column.revenue",
  roi: "lists.column.roi",
};

const CAMPAIGN_HEADER = ["campaign_id", "name", "channel", "period", ...CAMPAIGN_FIGURES] as const;

/** The period (or range) as a reader of `lang` names it; a label the calendar cannot name shows as is. */
function periodText(list: CampaignList, period: Period, lang: Lang): string {
  const name = (p: Period) => {
    try {
      return formatPeriodLabel(p, list.options, lang);
    } catch {
      return p.label;
    }
  };
  const range = list.range;
  if (!range) return name(period);
  return range.first.label === range.last.label
    ? name(range.first)
    : `${name(range.first)} – ${name(range.last)}`;
}

/**
 * The campaign table: csv and ndjson carry raw numbers with stable English
 * keys; table and md are localized (digits, separators, RTL order).
 */
export function formatCampaignList(list: CampaignList, format: ListFormat, lang: Lang): FormattedList {
  const notes = list.notAvailable.length
    ? [
        t(lang, "report.notAvailable.title"),
        ...list.notAvailable.map(
          (n) =>
            `  ${t(lang, "report.notAvailable.item", { name: metricName(lang, n.metric), metric: n.metric, missing: n.missing.join(", ") })}`,
        ),
      ]
    : [];
  if (isMachineFormat(format)) {
    const records = list.rows.map((r) => [
      r.campaignId,
      r.name,
      r.channel,
      r.period,
      ...CAMPAIGN_FIGURES.map((f) => r.figures[f]),
    ]);
    return { lines: recordLines(CAMPAIGN_HEADER, records, format), notes };
  }
  const byGrain = list.range === null;
  const periodByLabel = new Map(list.periods.map((p) => [p.label, p]));
  const whole = list.periods[0];
  const lines: string[] = [];
  if (whole && !byGrain)
    lines.push(t(lang, "lists.campaigns.title", { range: periodText(list, whole, lang) }));
  if (list.rows.length === 0) lines.push(t(lang, "lists.campaigns.empty"));
  else {
    const columns: TableColumn[] = [
      ...(byGrain ? [{ header: t(lang, "report.column.period") }] : []),
      { header: t(lang, "lists.column.campaign") },
      { header: t(lang, "lists.column.name") },
      { header: t(lang, "lists.column.channel") },
      ...CAMPAIGN_FIGURES.map((f) => ({ header: t(lang, FIGURE_HEADERS[f]), align: "right" as const })),
    ];
    const rows = list.rows.map((r) => {
      const period = periodByLabel.get(r.period);
      return [
        ...(byGrain ? [period ? periodText(list, period, lang) : r.period] : []),
        r.campaignId,
        r.name ?? "—",
        r.channel ?? "—",
        ...CAMPAIGN_FIGURES.map((f) => formatMetricValue(r.figures[f], FIGURE_UNITS[f], lang)),
      ];
    });
    lines.push(...humanTable(format, lang, columns, rows));
  }
  return { lines: notes.length > 0 ? [...lines, "", ...notes] : lines, notes: [] };
}

const STUCK_HEADER = [
  "deal_id",
  "customer_id",
  "owner_id",
  "pipeline",
  "stage",
  "entered_at",
  "days_in_stage",
  "threshold_days",
  "threshold",
  "as_of",
] as const;

/** The stuck deals: one row per deal, longest in its stage first. */
export function formatStuckDeals(list: StuckDealList, format: ListFormat, lang: Lang): FormattedList {
  const asOf = Number.isNaN(list.asOfMs) ? null : new Date(list.asOfMs).toISOString();
  if (isMachineFormat(format)) {
    const records = list.rows.map((r) => [
      r.dealId,
      r.customerId,
      r.ownerId,
      r.pipeline,
      r.stage,
      r.enteredAt,
      r.daysInStage,
      r.thresholdDays,
      r.threshold,
      asOf,
    ]);
    return { lines: recordLines(STUCK_HEADER, records, format), notes: [] };
  }
  const { timezone, calendar } = list.settings;
  const thresholdNote =
    list.threshold === "p90"
      ? t(lang, "lists.stuck.thresholdP90")
      : t(lang, "lists.stuck.thresholdDays", { days: formatNumber(list.days, lang) });
  const lines = [
    t(lang, "lists.stuck.title", {
      date: localizeDigits(list.asOfDate, lang),
      count: formatNumber(list.rows.length, lang),
    }),
    thresholdNote,
  ];
  if (list.rows.length === 0) return { lines, notes: [] };
  const header = (key: MessageKey, align?: "right"): TableColumn =>
    align ? { header: t(lang, key), align } : { header: t(lang, key) };
  const columns = [
    header("lists.column.deal"),
    header("lists.column.customer"),
    header("lists.column.owner"),
    header("lists.column.pipeline"),
    header("lists.column.stage"),
    header("lists.column.enteredAt"),
    header("lists.column.daysInStage", "right"),
    header("lists.column.thresholdDays", "right"),
  ];
  const rows = list.rows.map((r) => [
    r.dealId,
    r.customerId ?? "—",
    r.ownerId ?? "—",
    r.pipeline ?? "—",
    r.stage,
    localizeDigits(calendarDate(localDayOf(Date.parse(r.enteredAt), timezone), calendar), lang),
    formatNumber(r.daysInStage, lang, 1),
    formatNumber(r.thresholdDays, lang, 1),
  ]);
  return { lines: [...lines, "", ...humanTable(format, lang, columns, rows)], notes: [] };
}
