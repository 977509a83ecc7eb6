import { type Command, Option } from "commander";
import { GRAINS, type Grain } from "../../calendar/index.js";
import type { CalendarId } from "../../core/model/settings.js";
import { isRightToLeft, t } from "../../messages/index.js";
import { type CohortRequest, type LabeledCohort, labelCohorts, runCohorts } from "../../report/cohorts.js";
import { type CliContext, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { calendarOption, dbOption, formatOption, langOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { csvCell } from "../format-lists.js";
import { formatMetricValue } from "../format-number.js";
import { renderTable, type TableColumn } from "../text-table.js";

export const COHORT_FORMATS = ["table", "csv", "json"] as const;
export type CohortFormat = (typeof COHORT_FORMATS)[number];
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
  const result = await withEngine(options.db, (engine) => runCohorts(engine, request));
  const cohorts = labelCohorts(result, request, ctx.lang);
  const lines =
    options.format === "json"
      ? [JSON.stringify({ cohorts }, null, 2)]
      : options.format === "csv"
        ? cohortCsv(cohorts)
        : cohortTable(cohorts, options.measure, ctx);
  for (const line of lines) writeLine(ctx.io.stdout, line);
  if (options.format === "table") {
    const note = cohorts.length === 0 ? "cohorts.none" : (`cohorts.note.${options.measure}` as const);
    writeLine(ctx.io.stderr, t(ctx.lang, note, { count: cohorts.length }));
  }
  return EXIT.ok;
}

/** One row per cell (long form), so a spreadsheet can pivot it either way. */
function cohortCsv(cohorts: readonly LabeledCohort[]): string[] {
  const header = "cohort,size,offset,customers,customer_share,revenue,revenue_share";
  const rows = cohorts.flatMap((c) =>
    c.cells.map((cell) =>
      [c.cohort, c.size, cell.offset, cell.customers, cell.customerShare, cell.revenue, cell.revenueShare]
        .map(csvCell)
        .join(","),
    ),
  );
  return [header, ...rows];
}

function cohortTable(cohorts: readonly LabeledCohort[], measure: CohortMeasure, ctx: CliContext): string[] {
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
  return renderTable(columns, rows, isRightToLeft(ctx.lang) ? "rtl" : "ltr");
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
    .addOption(
      new Option("--period <grain>", t(lang, "cohorts.cli.option.period")).choices(GRAINS).default("month"),
    )
    .addOption(calendarOption(lang))
    .option("--from <period>", t(lang, "cohorts.cli.option.from"))
    .option("--to <period>", t(lang, "cohorts.cli.option.to"))
    .addOption(
      new Option("--measure <measure>", t(lang, "cohorts.cli.option.measure"))
        .choices(COHORT_MEASURES)
        .default("customers"),
    )
    .addOption(formatOption(lang, COHORT_FORMATS, "cohorts.cli.option.format"))
    .addOption(langOption(lang))
    .action(async (o: Omit<CohortsCommandOptions, "db"> & { db?: string }) => {
      setExit(await runCohortsCommand(ctx, { ...o, db: dbPath(o.db) }));
    });
}
