import { localizeDigits } from "../../calendar/localize-digits.js";
import { localDateOf } from "../../calendar/zoned-time.js";
import type { CalendarId } from "../../core/model/settings.js";
import { isLang, isRightToLeft, type MessageKey, t } from "../../messages/index.js";
import { listTopCustomers, type TopCustomer, type TopCustomersResult } from "../../report/top-customers.js";
import { calendarDateText, type DateDisplay } from "../calendar-date-text.js";
import { type CliContext, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatMoney, formatNumber } from "../format-number.js";
import { machineLines, type OutputFormat } from "../format-records.js";
import { renderMarkdownTable, renderTable, type TableColumn } from "../text-table.js";

export interface CustomersCommandOptions {
  readonly db: string;
  readonly top: number;
  readonly byValue?: boolean;
  readonly asOf?: string;
  readonly window?: string;
  /** The calendar dates are shown in (the dataset's by default); `--as-of` stays an ISO date. */
  readonly calendar?: CalendarId;
  readonly format: OutputFormat;
}

const COLUMNS = [
  "customer_id",
  "name",
  "company",
  "segment",
  "rfm_score",
  "rfm_segment",
  "window_revenue",
  "lifetime_revenue",
  "orders",
  "last_order",
  "mrr",
] as const;
type Column = (typeof COLUMNS)[number];
const NUMERIC: ReadonlySet<Column> = new Set(["window_revenue", "lifetime_revenue", "orders", "mrr"]);

/** `crm-kpi customers --top 20 --by-value`: who matters most, with RFM. */
export async function runCustomersCommand(
  ctx: CliContext,
  options: CustomersCommandOptions,
): Promise<ExitCode> {
  const result = await withEngine(dbAccess(ctx, options.db, "read"), (engine) =>
    listTopCustomers(engine, {
      top: options.top,
      sort: options.byValue ? "value" : "rfm",
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.window ? { window: options.window } : {}),
    }),
  );
  const lines = formatTopCustomers(result, options.format, ctx.lang, options.calendar);
  for (const line of lines) writeLine(ctx.io.stdout, line);
  return EXIT.ok;
}

/** Machine formats keep raw values and ids; table and md are localized, dates in `calendar` (or the dataset's). */
export function formatTopCustomers(
  result: TopCustomersResult,
  format: OutputFormat,
  lang: string,
  calendar?: CalendarId,
): string[] {
  const rows = result.customers;
  switch (format) {
    case "ndjson":
    case "csv":
    case "json":
      // Names and e-mails come from imported files: csv cells are formula-neutralized (csv-safe.ts).
      return machineLines(COLUMNS, rows.map(rawRecord), format);
    case "table":
    case "md": {
      const language = isLang(lang) ? lang : "en";
      const dates: DateDisplay = {
        calendar: calendar ?? result.settings.calendar,
        timeZone: result.settings.timezone,
      };
      if (rows.length === 0 || result.asOfMs === null) return [t(language, "customers.empty")];
      const columns: TableColumn[] = COLUMNS.map((k) => ({
        header: t(language, `customers.column.${k}` as MessageKey),
        align: NUMERIC.has(k) ? "right" : "left",
      }));
      const cells = rows.map((c) => {
        const raw = rawRecord(c);
        return COLUMNS.map((k): string => {
          const value = raw[k];
          if (value === null) return "—";
          if (k === "rfm_segment") return t(language, `rfm.segment.${value}` as MessageKey);
          if (k === "orders") return formatNumber(Number(value), language, 0);
          if (NUMERIC.has(k)) return formatMoney(Number(value), language, result.settings.base_currency);
          // Scores and dates in the reader's digits; ids and names as imported.
          if (k === "last_order") return calendarDateText(String(value), language, dates);
          if (k === "rfm_score") return localizeDigits(String(value), language);
          return String(value);
        });
      });
      const direction = isRightToLeft(language) ? "rtl" : "ltr";
      // The list is as of the end of the day before the as-of instant.
      const asOf = localDateOf(result.asOfMs - 1, result.settings.timezone);
      const header = t(language, "customers.header", {
        asOf: calendarDateText(asOf, language, dates),
        days: formatNumber(result.windowDays ?? 0, language, 0),
      });
      const table =
        format === "md"
          ? renderMarkdownTable(columns, cells, direction)
          : renderTable(columns, cells, direction);
      return [header, "", ...table];
    }
  }
}

function rawRecord(c: TopCustomer): Record<Column, string | number | null> {
  return {
    customer_id: c.customerId,
    name: c.name,
    company: c.company,
    segment: c.segment,
    rfm_score: c.rfmScore,
    rfm_segment: c.rfmSegment,
    window_revenue: c.windowRevenue,
    lifetime_revenue: c.lifetimeRevenue,
    orders: c.orders,
    last_order: c.lastOrderAt,
    mrr: c.mrr,
  };
}
