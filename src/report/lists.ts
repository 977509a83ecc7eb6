import {
  fieldsOfDay,
  type Grain,
  grainOfLabel,
  localDayOf,
  type Period,
  type PeriodOptions,
  parseCalendarDate,
  parsePeriodLabel,
  periodsBetween,
  startOfDay,
} from "../calendar/index.js";
import { localDateOf } from "../calendar/zoned-time.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { compileReport } from "../core/metrics/compiler/compile-report.js";
import { MetricContext } from "../core/metrics/context/metric-context.js";
import type { ReportPeriod } from "../core/metrics/context/report-period.js";
import type { MetricDefinition } from "../core/metrics/definition/metric-definition.js";
import { reportedValue } from "../core/metrics/definition/metric-value.js";
import { campaignMetrics } from "../core/metrics/families/campaigns.js";
import { stuckDealsSql } from "../core/metrics/lists/stuck-deals.js";
import type { EntityName } from "../core/model/entities.js";
import type { CalendarId, DatasetSettings } from "../core/model/settings.js";
import { timestampText } from "../core/sql/timestamp-text.js";
import { dataTimeRange, entityRowCounts } from "./data-range.js";
import { loadDatasetSettings } from "./dataset-settings.js";
import { periodOptions, withCalendarContext } from "./run-report.js";

/**
 * Lists a user reads row by row (issue 3): the campaign table and the stuck
 * deals. The CLI and the HTTP API share these functions; they only format.
 */

/** The campaign table's figures: the campaign metric ids without the `campaign_` prefix, in table order. */
export const CAMPAIGN_FIGURES = [
  "spend",
  "leads",
  "converted_leads",
  "conversion_rate",
  "customers",
  "cost_per_lead",
  "cac",
  "revenue",
  "roi",
] as const;
export type CampaignFigure = (typeof CAMPAIGN_FIGURES)[number];

export interface CampaignListRequest {
  /** Period labels (`2024-01`, `2024-Q1`, `1403`); default: the data's whole range. */
  readonly from?: string;
  readonly to?: string;
  /** Split the range into periods of this length; absent: one row per campaign over the whole range. */
  readonly grain?: Grain;
  readonly calendar?: CalendarId;
  /** Metric parameters (`campaign_window=60d`). */
  readonly params?: Readonly<Record<string, string>>;
  readonly settings?: Partial<DatasetSettings>;
}

export interface CampaignRow {
  readonly campaignId: string;
  /** From the campaigns table; null for an id only spend or leads name. */
  readonly name: string | null;
  readonly channel: string | null;
  /** The period's label; over the whole range `first..last` (`2024-01..2024-06`). */
  readonly period: string;
  readonly figures: Readonly<Record<CampaignFigure, number | null>>;
}

export interface CampaignList {
  readonly rows: CampaignRow[];
  /** The periods of the rows, in order: one spanning the range without a grain. */
  readonly periods: Period[];
  /** Without a grain: the first and last month of the range, to name it in a calendar. */
  readonly range: { readonly first: Period; readonly last: Period } | null;
  readonly options: PeriodOptions;
  readonly notAvailable: { metric: string; missing: EntityName[] }[];
  readonly settings: DatasetSettings;
}

/**
 * The campaign table: per campaign (and period), the nine `campaign_*`
 * metrics computed by the metric engine, so the table, `report` and
 * `explain` cannot disagree. Campaigns with nothing in a period (every
 * figure 0 or null) are left out.
 *
 * @example listCampaigns(engine, { from: "2024-01", to: "2024-06" })
 */
export async function listCampaigns(
  engine: Engine,
  request: CampaignListRequest = {},
): Promise<CampaignList> {
  const settings = { ...(await loadDatasetSettings(engine)), ...request.settings };
  const options = periodOptions(settings, { grain: request.grain ?? "month", ...calendarOf(request) });
  const counts = await entityRowCounts(engine);
  const notAvailable: CampaignList["notAvailable"] = [];
  const available: MetricDefinition[] = [];
  for (const metric of campaignMetrics) {
    const missing = metric.requires.filter((e) => (counts[e] ?? 0) === 0);
    if (missing.length > 0) notAvailable.push({ metric: metric.id, missing });
    else available.push(metric);
  }
  const split = await rangePeriods(engine, options, request);
  const empty = { rows: [], periods: [], range: null, options, notAvailable, settings };
  if (split.length === 0 || available.length === 0) return empty;
  const first = split[0] as Period;
  const last = split[split.length - 1] as Period;
  const periods = request.grain ? split : [wholeRange(first, last)];
  const reportPeriods = request.grain
    ? withCalendarContext(periods, options)
    : [spanning(first, last, options)];

  const plan = compileReport(
    { metrics: available, by: [], params: request.params ?? {}, periods: reportPeriods },
    engine.dialect,
    settings,
  );
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
  const figures = new Map<string, Record<CampaignFigure, number | null>>();
  for (const { requests, query } of plan.queries) {
    for (const row of await engine.query(query)) {
      const metric = requests[row.req === undefined ? 0 : Number(row.req)]?.metric;
      if (!metric) continue;
      const figure = metric.id.replace(/^campaign_/, "") as CampaignFigure;
      const key = `${row.period_idx}\u0000${row.g0}`;
      const record = figures.get(key) ?? blankFigures();
      record[figure] = reportedValue(metric.kind, row as Parameters<typeof reportedValue>[1]).value;
      figures.set(key, record);
    }
  }
  const info = await campaignInfo(engine);
  const rows: CampaignRow[] = [];
  for (const [key, record] of figures) {
    if (Object.values(record).every((v) => v === null || v === 0)) continue;
    const [idx, campaignId = ""] = key.split("\u0000");
    const period = periods[Number(idx)];
    if (!period) continue;
    const about = info.get(campaignId);
    rows.push({
      campaignId,
      name: about?.name ?? null,
      channel: about?.channel ?? null,
      period: period.label,
      figures: record,
    });
  }
  const order = new Map(periods.map((p, i) => [p.label, i]));
  rows.sort(
    (a, b) =>
      (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0) || a.campaignId.localeCompare(b.campaignId),
  );
  return { rows, periods, range: request.grain ? null : { first, last }, options, notAvailable, settings };
}

function calendarOf(request: { calendar?: CalendarId }): { calendar?: CalendarId } {
  return request.calendar ? { calendar: request.calendar } : {};
}

function blankFigures(): Record<CampaignFigure, number | null> {
  return Object.fromEntries(CAMPAIGN_FIGURES.map((f) => [f, null])) as Record<CampaignFigure, number | null>;
}

/**
 * The range's first and last period and, with a grain, every period between.
 * From/to are labels of any length (`--from 2024-Q1 --to 2024-05`); the
 * data's range is counted in whole periods of the grain (months without one).
 */
async function rangePeriods(
  engine: Engine,
  options: PeriodOptions,
  request: CampaignListRequest,
): Promise<Period[]> {
  const parse = (label: string) =>
    parsePeriodLabel(label, { ...options, grain: grainOfLabel(label) ?? request.grain ?? "month" });
  const range = request.from && request.to ? undefined : await dataTimeRange(engine);
  const first = request.from
    ? parse(request.from)
    : range && periodsBetween(range.firstMs, range.firstMs, options)[0];
  const last = request.to
    ? parse(request.to)
    : range && periodsBetween(range.lastMs, range.lastMs, options)[0];
  if (!first || !last) return [];
  if (last.endMs <= first.startMs) {
    throw new CrmKpiError("unknown_period", "--to is before --from", {
      from: request.from ?? "",
      to: request.to ?? "",
    });
  }
  return request.grain ? periodsBetween(first.startMs, last.endMs - 1, options) : [first, last];
}

function wholeRange(first: Period, last: Period): Period {
  const label = first.label === last.label ? first.label : `${first.label}..${last.label}`;
  return { label, startMs: first.startMs, endMs: last.endMs };
}

/** One report period over the whole range; "the period before" is as long, just before it. */
function spanning(first: Period, last: Period, options: PeriodOptions): ReportPeriod {
  const period = wholeRange(first, last);
  return {
    ...period,
    startDate: localDateOf(period.startMs, options.timeZone),
    endDate: localDateOf(period.endMs, options.timeZone),
    prevStartMs: period.startMs - (period.endMs - period.startMs),
    prevEndMs: period.startMs,
  };
}

async function campaignInfo(
  engine: Engine,
): Promise<Map<string, { name: string | null; channel: string | null }>> {
  const rows = await engine.query({ sql: "SELECT campaign_id, name, channel FROM campaigns", params: [] });
  return new Map(
    rows.map((r) => [String(r.campaign_id), { name: textOrNull(r.name), channel: textOrNull(r.channel) }]),
  );
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export interface StuckDealsRequest {
  /** A date of the dataset calendar (`2024-04-01`, `1403-01-12`); the list is as of the end of that local day. Default: the end of the day of the latest recorded event. */
  readonly asOf?: string;
  /** A fixed threshold in days; default: the p90 of the stage's past durations. */
  readonly days?: number;
  readonly settings?: Partial<DatasetSettings>;
}

export type StuckThreshold = "p90" | "days";

export interface StuckDealRow {
  readonly dealId: string;
  readonly customerId: string | null;
  readonly ownerId: string | null;
  readonly pipeline: string | null;
  readonly stage: string;
  /** UTC instant, ISO 8601 (`2024-03-25T00:00:00.000Z`). */
  readonly enteredAt: string;
  readonly daysInStage: number;
  readonly thresholdDays: number;
  readonly threshold: StuckThreshold;
}

export interface StuckDealList {
  readonly rows: StuckDealRow[];
  /** The instant the list is as of (epoch ms): local midnight ending the as-of date. */
  readonly asOfMs: number;
  /** The as-of date in the dataset calendar (`2024-04-01`, `1403-01-13`). */
  readonly asOfDate: string;
  readonly threshold: StuckThreshold;
  /** The fixed threshold when `threshold` is `days`. */
  readonly days: number | null;
  readonly settings: DatasetSettings;
}

/**
 * Deals open at the as-of instant whose time in their current stage exceeds
 * the stage's p90 (from exits before that instant) or `days`; longest first.
 *
 * @example listStuckDeals(engine, { asOf: "2024-04-01", days: 30 })
 */
export async function listStuckDeals(
  engine: Engine,
  request: StuckDealsRequest = {},
): Promise<StuckDealList> {
  const settings = { ...(await loadDatasetSettings(engine)), ...request.settings };
  const { days } = request;
  if (days !== undefined && !(Number.isFinite(days) && days > 0)) {
    throw new CrmKpiError("bad_argument", `--days must be a positive number of days, e.g. 30 (got ${days})`, {
      option: "--days",
      value: String(days),
    });
  }
  const threshold: StuckThreshold = days === undefined ? "p90" : "days";
  const zone = settings.timezone;
  const dayStart = request.asOf
    ? parseCalendarDate(request.asOf, settings.calendar, zone)
    : await lastEventDayStart(engine, zone);
  if (dayStart === undefined) {
    return { rows: [], asOfMs: Number.NaN, asOfDate: "", threshold, days: days ?? null, settings };
  }
  const asOfDay = localDayOf(dayStart, zone);
  const asOfMs = startOfDay(asOfDay + 1, zone);
  const ctx = new MetricContext(engine.dialect, settings, {});
  const at = ctx.dialect.timestampParam(ctx.bind(timestampText(asOfMs)));
  const sql = stuckDealsSql(ctx, at, days === undefined ? {} : { days });
  const rows = (await engine.query({ sql, params: ctx.params.values })).map(
    (r): StuckDealRow => ({
      dealId: String(r.deal_id),
      customerId: textOrNull(r.customer_id),
      ownerId: textOrNull(r.owner_id),
      pipeline: textOrNull(r.pipeline),
      stage: String(r.stage),
      enteredAt: new Date(Date.parse(`${String(r.entered_at).replace(" ", "T")}Z`)).toISOString(),
      daysInStage: Number(r.days_in_stage),
      thresholdDays: Number(r.threshold_days),
      threshold,
    }),
  );
  return {
    rows,
    asOfMs,
    asOfDate: calendarDate(asOfDay, settings.calendar),
    threshold,
    days: days ?? null,
    settings,
  };
}

async function lastEventDayStart(engine: Engine, zone: string): Promise<number | undefined> {
  const range = await dataTimeRange(engine);
  return range === undefined ? undefined : startOfDay(localDayOf(range.lastMs, zone), zone);
}

/** `YYYY-MM-DD` of a local day in a calendar. */
export function calendarDate(day: number, calendar: CalendarId): string {
  const f = fieldsOfDay(day, calendar);
  return `${f.year}-${String(f.month).padStart(2, "0")}-${String(f.day).padStart(2, "0")}`;
}
