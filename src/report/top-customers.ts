import { periodContaining } from "../calendar/periods.js";
import { startOfLocalDay } from "../calendar/zoned-time.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { compileTopCustomers, type TopCustomersSort } from "../core/metrics/lists/top-customers.js";
import type { RfmSegment } from "../core/metrics/relations/customer-rfm.js";
import type { DatasetSettings } from "../core/model/settings.js";
import { dataTimeRange } from "./data-range.js";
import { loadDatasetSettings } from "./dataset-settings.js";
import { periodOptions } from "./run-report.js";

export interface TopCustomersRequest {
  /** How many customers (default 20). */
  readonly top?: number;
  /** `value` (revenue in the window) or `rfm` (R + F + M), default `rfm`. */
  readonly sort?: TopCustomersSort;
  /** Local ISO date (`2024-06-30`): the list is as of the end of that day; default: end of the data's last month. */
  readonly asOf?: string;
  /** RFM window, a duration (`365d`, `6m`); default 365 d. */
  readonly window?: string;
}

export interface TopCustomer {
  readonly customerId: string;
  readonly name: string | null;
  readonly company: string | null;
  readonly segment: string | null;
  readonly rfmR: number | null;
  readonly rfmF: number | null;
  readonly rfmM: number | null;
  readonly rfmScore: string | null;
  readonly rfmSegment: RfmSegment | null;
  readonly recencyDays: number | null;
  readonly windowRevenue: number;
  readonly lifetimeRevenue: number;
  readonly orders: number;
  /** UTC instant `2024-03-30 12:00:00`, or null without purchases. */
  readonly lastOrderAt: string | null;
  /** Null when the data has no subscriptions: MRR is not available. */
  readonly mrr: number | null;
}

export interface TopCustomersResult {
  readonly customers: TopCustomer[];
  /** UTC epoch ms of the as-of instant (exclusive); null when the dataset is empty. */
  readonly asOfMs: number | null;
  readonly windowDays: number | null;
  readonly settings: DatasetSettings;
}

/**
 * Who matters most: customers ranked by value or RFM, with their scores,
 * revenue in the window and lifetime, orders, last order and MRR now.
 *
 * @example await listTopCustomers(engine, { top: 20, sort: "value", window: "365d" })
 */
export async function listTopCustomers(
  engine: Engine,
  request: TopCustomersRequest = {},
): Promise<TopCustomersResult> {
  const settings = await loadDatasetSettings(engine);
  const top = request.top ?? 20;
  if (!Number.isInteger(top) || top <= 0) {
    throw new CrmKpiError("bad_argument", `--top must be a positive whole number, not ${top}`, {
      option: "--top",
      value: String(top),
    });
  }
  const asOfMs = request.asOf
    ? endOfLocalDate(request.asOf, settings.timezone)
    : await defaultAsOf(engine, settings);
  if (asOfMs === undefined) return { customers: [], asOfMs: null, windowDays: null, settings };
  const plan = compileTopCustomers(
    { top, sort: request.sort ?? "rfm", asOfMs, ...(request.window ? { window: request.window } : {}) },
    engine.dialect,
    settings,
  );
  for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
  const rows = await engine.query(plan.query);
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const customers = rows.map(
    (r): TopCustomer => ({
      customerId: String(r.customer_id),
      name: text(r.name),
      company: text(r.company),
      segment: text(r.segment),
      rfmR: num(r.rfm_r),
      rfmF: num(r.rfm_f),
      rfmM: num(r.rfm_m),
      rfmScore: text(r.rfm_score),
      rfmSegment: text(r.rfm_segment) as RfmSegment | null,
      recencyDays: num(r.recency_days),
      windowRevenue: Number(r.window_revenue),
      lifetimeRevenue: Number(r.lifetime_revenue),
      orders: Number(r.orders),
      lastOrderAt: text(r.last_order_at),
      mrr: num(r.mrr),
    }),
  );
  return { customers, asOfMs, windowDays: plan.windowDays, settings };
}

/** The instant after the local day `isoDate` ends: the data through that day counts. */
function endOfLocalDate(isoDate: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  const day = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== isoDate.trim()) {
    throw new CrmKpiError("bad_argument", `--as-of must be a date such as 2024-06-30, not "${isoDate}"`, {
      option: "--as-of",
      value: isoDate,
    });
  }
  const next = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
  return startOfLocalDay(next, timeZone);
}

/** As a default report: the end of the month holding the data's last event. */
async function defaultAsOf(engine: Engine, settings: DatasetSettings): Promise<number | undefined> {
  const range = await dataTimeRange(engine);
  if (!range) return undefined;
  return periodContaining(range.lastMs, periodOptions(settings, { grain: "month" })).endMs;
}
