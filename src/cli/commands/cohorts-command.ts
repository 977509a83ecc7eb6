import { type Command, Option } from "commander";
import type { Grain } from "../../calendar/index.js";
import type { CalendarId } from "../../core/model/settings.js";
import { t } from "../../messages/index.js";
import { type CohortRequest, type LabeledCohort, labelCohorts, runCohorts } from "../../report/cohorts.js";
import { type CliContext, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { calendarOption, dbOption, formatOption, langOption, periodOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatMetricValue } from "../format-number.js";
import {
  type HumanFormat,
  humanTable,
  machineLines,
  OUTPUT_FORMATS,
  type OutputFormat,
} from "../format-records.js";
import type { TableColumn } from "../text-table.js";

export const COHORT_FORMATS = OUTPUT_FORMATS;
export type CohortFormat = OutputFormat;
export const COHORT_MEASURES = ["customers", "revenue"] as const;
export type CohortMeasure = (typeof COHORT_MEASURES)[number];

export interface CohortsCommandOptions {
  readonly db: string;
  readonly period: Grain;
  readonly calendar?: CalendarId;
  readonly from?: string;
  readonly to?: string;
  readonly measure: CohortMeasure;
  readonly format: CohortFormat;
}

/** `crm-kpi cohorts`: the retention triangle; table cells are shares, csv and json carry every figure. */
export async function runCohortsCommand(ctx: CliContext, options: CohortsCommandOptions): Promise<ExitCode> {
  const request: CohortRequest = {
    grain: options.period,
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  };
  const result = await withEngine(dbAccess(ctx, options.db, "read"), (engine) => runCohorts(engine, request));
  const cohorts = labelCohorts(result, request, ctx.lang);
  // json keeps the nested triangle; csv and ndjson carry one record per cell.
  const lines =
    options.format === "json"
      ? [JSON.stringify({ cohorts }, null, 2)]
      : options.format === "csv" || options.format === "ndjson"
        ? cohortCells(cohorts, options.format)
        : cohortTable(cohorts, options.measure, options.format, ctx);
  for (const line of lines) writeLine(ctx.io.stdout, line);
  if (options.format === "table" || options.format === "md") {
    const note = cohorts.length === 0 ? "cohorts.none" : (`cohorts.note.${options.measure}` as const);
    writeLine(ctx.io.stderr, t(ctx.lang, note, { count: cohorts.length }));
  }
  return EXIT.ok;
}

const CELL_COLUMNS = [
  "cohort",
  "size",
  "offset",
  "customers",
  "customer_share",
  "revenue",
  "revenue_share",
] as const;

/** One record per cell (long form), so a spreadsheet can pivot it either way. */
function cohortCells(cohorts: readonly LabeledCohort[], format: "csv" | "ndjson"): string[] {
  const records = cohorts.flatMap((c) =>
    c.cells.map((cell) => ({
      cohort: c.cohort,
      size: c.size,
      offset: cell.offset,
      customers: cell.customers,
      customer_share: cell.customerShare,
      revenue: cell.revenue,
      revenue_share: cell.revenueShare,
    })),
  );
  return machineLines(CELL_COLUMNS, records, format);
}

function cohortTable(
  cohorts: readonly LabeledCohort[],
  measure: CohortMeasure,
  format: HumanFormat,
  ctx: CliContext,
): string[] {
  if (cohorts.length === 0) return [];
  const width = Math.max(...cohorts.map((c) => c.cells.length));
  const offsets = Array.from({ length: width }, (_, i) => i);
  const columns: TableColumn[] = [
    { header: t(ctx.lang, "cohorts.column.cohort") },
    { header: t(ctx.lang, "cohorts.column.size"), align: "right" },
    { header: t(ctx.lang, "cohorts.column.revenue"), align: "right" },
    ...offsets.map((offset) => ({
      header: t(ctx.lang, "cohorts.column.offset", { offset: formatMetricValue(offset, "count", ctx.lang) }),
      align: "right" as const,
    })),
  ];
  const rows = cohorts.map((c) => [
    c.label,
    formatMetricValue(c.size, "customers", ctx.lang),
    formatMetricValue(c.revenue, "money", ctx.lang),
    ...offsets.map((offset) => {
      const cell = c.cells[offset];
      if (!cell) return "";
      const share = measure === "customers" ? cell.customerShare : cell.revenueShare;
      return formatMetricValue(share, "fraction", ctx.lang);
    }),
  ]);
  return humanTable(format, ctx.lang, columns, rows);
}

/** Adds `crm-kpi cohorts` to the program (run-cli.ts). */
export function registerCohortsCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
): void {
  const { lang } = ctx;
  program
    .command("cohorts")
    .description(t(lang, "cohorts.cli.description"))
    .addOption(dbOption(lang))
    .addOption(periodOption(lang, "cohorts.cli.option.period", "month"))
    .addOption(calendarOption(lang))
    .option("--from <period>", t(lang, "cohorts.cli.option.from"))
    .option("--to <period>", t(lang, "cohorts.cli.option.to"))
    .addOption(
      new Option("--measure <measure>", t(lang, "cohorts.cli.option.measure"))
        .choices(COHORT_MEASURES)
        .default("customers"),
    )
    .addOption(formatOption(lang, COHORT_FORMATS))
    .addOption(langOption(lang))
    .action(async (o: Omit<CohortsCommandOptions, "db"> & { db?: string }) => {
      setExit(await runCohortsCommand(ctx, { ...o, db: dbPath(o.db) }));
    });
}
