import { formatPeriodLabel, type Grain, type Period } from "../../calendar/index.js";
import { listMetrics } from "../../core/metrics/registry.js";
import type { CalendarId } from "../../core/model/settings.js";
import { goalNotesFor } from "../../goals/goal-notes.js";
import type { Lang } from "../../messages/index.js";
import { qualityWarningsFor } from "../../quality/quality-warnings.js";
import { isScoredDimension } from "../../report/customer-scores.js";
import { periodOptions, type ReportRequest, type ReportResult, runReport } from "../../report/run-report.js";
import { type CliContext, dbAccess, parsePairs, splitList, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatGoalNotes } from "../format-goal-notes.js";
import { formatQualityWarnings } from "../format-quality.js";
import { formatRangeWarnings } from "../format-range-warnings.js";
import { formatReport, type ReportFormat } from "../format-report.js";

export interface ReportCommandOptions {
  readonly db: string;
  readonly metrics: string;
  readonly period: Grain;
  readonly calendar?: CalendarId;
  readonly from?: string;
  readonly to?: string;
  readonly by?: string;
  readonly format: ReportFormat;
  readonly param?: readonly string[];
}

/** Builds the library request from the command line: `--metrics a,b`, `--by region`, `--param k=v`. */
export function toReportRequest(options: Omit<ReportCommandOptions, "db" | "format">): ReportRequest {
  const metrics = options.metrics.trim() === "all" ? "all" : splitList(options.metrics);
  return {
    metrics,
    grain: options.period,
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.by ? { by: splitList(options.by) } : {}),
    ...(options.param && options.param.length > 0
      ? { params: parsePairs(options.param, "cli.error.badParam") }
      : {}),
  };
}

/** A report `--by` a propensity decile gets the models' scores (loaded only then: they are the slow part). */
async function withCustomerScores(request: ReportRequest): Promise<ReportRequest> {
  if (!request.by?.some(isScoredDimension)) return request;
  const { propensityDecileScores } = await import("../../predict/propensity-deciles.js");
  const customerScores = propensityDecileScores(request.by);
  return customerScores ? { ...request, customerScores } : request;
}

/** `crm-kpi report`: runs the report and prints it in the chosen format. */
export async function runReportCommand(ctx: CliContext, options: ReportCommandOptions): Promise<ExitCode> {
  const request = await withCustomerScores(toReportRequest(options));
  const { result, warnings, goals } = await withEngine(dbAccess(ctx, options.db, "read"), async (engine) => {
    const result = await runReport(engine, request);
    const reported = [...new Set(result.values.map((v) => v.metric))];
    return {
      result,
      warnings: await qualityWarningsFor(engine, reported),
      // Goals are judged as of the report's last period, so the same report gives the same status.
      goals: await goalNotesFor(engine, reported, result.asOfMs ?? undefined, { request, result }),
    };
  });
  for (const line of formatRangeWarnings(result.warnings, ctx.lang)) writeLine(ctx.io.stderr, line);
  const readable = options.format === "table" || options.format === "md";
  const goalLines = (metric: string) =>
    formatGoalNotes(
      goals.filter((g) => g.goal.metric === metric),
      ctx.lang,
      result.settings.timezone,
    );
  // Goal status goes under the table of its metric; machine formats keep stdout clean.
  printReport(ctx, result, request, options.format, readable ? goalLines : undefined);
  if (!readable)
    for (const line of formatGoalNotes(goals, ctx.lang, result.settings.timezone))
      writeLine(ctx.io.stderr, line);
  const warningSink = readable ? ctx.io.stdout : ctx.io.stderr;
  for (const line of formatQualityWarnings(warnings, ctx.lang)) writeLine(warningSink, line);
  return EXIT.ok;
}

/** Prints a report result; shared by `report` and `demo`. */
export function printReport(
  ctx: CliContext,
  result: ReportResult,
  request: ReportRequest,
  format: ReportFormat,
  notesFor?: (metric: string) => readonly string[],
): void {
  const formatted = formatReport(result, {
    format,
    lang: ctx.lang,
    unitOf: unitLookup(),
    periodLabel: periodLabeler(result, request, ctx.lang),
    currency: result.settings.base_currency,
    ...(request.by ? { by: request.by } : {}),
    ...(notesFor ? { notesFor } : {}),
  });
  for (const line of formatted.lines) writeLine(ctx.io.stdout, line);
  for (const line of formatted.notes) writeLine(ctx.io.stderr, line);
}

/** Unit per metric id, siblings (`_median`, `_p90`) included. */
export function unitLookup(): (metric: string) => string {
  const units = new Map<string, string>();
  for (const info of listMetrics()) {
    units.set(info.id, info.unit);
    for (const sibling of info.siblings) units.set(sibling, info.siblingUnits[sibling] ?? info.unit);
  }
  return (metric) => units.get(metric) ?? "";
}

function periodLabeler(result: ReportResult, request: ReportRequest, lang: Lang): (p: Period) => string {
  const options = periodOptions(result.settings, request);
  return (period) => {
    try {
      return formatPeriodLabel(period, options, lang);
    } catch {
      // A label the calendar cannot name is still a correct label: show it as is.
      return period.label;
    }
  };
}
