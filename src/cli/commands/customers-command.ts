import { localDateOf } from "../../calendar/zoned-time.js";
import { isLang, isRightToLeft, type MessageKey, t } from "../../messages/index.js";
import { listTopCustomers, type TopCustomer, type TopCustomersResult } from "../../report/top-customers.js";
import { csvField } from "../../server/security/csv-safe.js";
import { type CliContext, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatNumber } from "../format-number.js";
import type { ReportFormat } from "../format-report.js";
import { renderMarkdownTable, renderTable, type TableColumn } from "../text-table.js";

export interface CustomersCommandOptions {
  readonly db: string;
  readonly top: number;
  readonly byValue?: boolean;
  readonly asOf?: string;
  readonly window?: string;
  readonly format: ReportFormat;
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
  const result = await withEngine(options.db, (engine) =>
    listTopCustomers(engine, {
      top: options.top,
      sort: options.byValue ? "value" : "rfm",
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.window ? { window: options.window } : {}),
    }),
  );
  for (const line of formatTopCustomers(result, options.format, ctx.lang)) writeLine(ctx.io.stdout, line);
  return EXIT.ok;
}

/** Machine formats keep raw values and ids; table and md are localized. */
export function formatTopCustomers(result: TopCustomersResult, format: ReportFormat, lang: string): string[] {
  const rows = result.customers;
  switch (format) {
    case "ndjson":
      return rows.map((c) => JSON.stringify(rawRecord(c)));
    case "csv":
      return [COLUMNS.join(","), ...rows.map((c) => COLUMNS.map((k) => csvCell(rawRecord(c)[k])).join(","))];
    case "table":
    case "md": {
      const language = isLang(lang) ? lang : "en";
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
          if (NUMERIC.has(k)) return formatNumber(Number(value), language, 2, 2);
          return String(value);
        });
      });
      const direction = isRightToLeft(language) ? "rtl" : "ltr";
      // The list is as of the end of the day before the as-of instant.
      const asOf = localDateOf(result.asOfMs - 1, result.settings.timezone);
      const header = t(language, "customers.header", { asOf, days: result.windowDays ?? 0 });
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

function csvCell(value: string | number | null): string {
  // Names and e-mails come from imported files: neutralize formulas (csv-safe.ts).
  return csvField(value);
}
