import type { Command } from "commander";
import { CrmKpiError } from "../../core/errors.js";
import { t } from "../../messages/index.js";
import { checkThresholds } from "../../quality/linkage/thresholds.js";
import { saveFindings } from "../../quality/stored-findings.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import { type CliContext, dbAccess, resolveDbPath, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { dbOption, formatOption, langOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatQualityReport, impactPeriodLabeler, type QualityFormat } from "../format-quality.js";
import { machineLines, OUTPUT_FORMATS } from "../format-records.js";
import { matchWeightOption, reviewWeightOption } from "../linkage-options.js";

export interface QualityCommandOptions {
  readonly db: string;
  readonly format: QualityFormat | "csv" | "json";
  readonly asOf?: string;
  /** Commander's `--no-impact` sets this to false. */
  readonly impact?: boolean;
  /** The duplicate model's thresholds, as `dedupe` reads them (same clusters, same ids). */
  readonly matchWeight?: number;
  readonly reviewWeight?: number;
}

/** `crm-kpi quality`: runs every check, stores the findings for report warnings, prints them. */
export async function runQualityCommand(ctx: CliContext, options: QualityCommandOptions): Promise<ExitCode> {
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
  const thresholds = checkThresholds(options);
  const reportAndSettings = await withEngine(dbAccess(ctx, options.db, "write"), async (engine) => {
    // Loaded on demand: the checks pull in libphonenumber, which other commands never need.
    const { runQuality } = await import("../../quality/run-quality.js");
    const result = await runQuality(engine, {
      ...(asOf ? { asOf } : {}),
      impact: options.impact !== false,
      ...thresholds,
    });
    await saveFindings(engine, result.findings);
    return [result, await loadDatasetSettings(engine)] as const;
  });
  const [report, settings] = reportAndSettings;
  if (options.format === "csv" || options.format === "json") {
    // One record per finding, the keys of every kind (csv: nested values as JSON text).
    const records = report.findings as unknown as Record<string, unknown>[];
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
    for (const line of machineLines(keys, records, options.format)) writeLine(ctx.io.stdout, line);
    return EXIT.ok;
  }
  const periodLabel = impactPeriodLabeler(settings, ctx.lang);
  for (const line of formatQualityReport(report, options.format, ctx.lang, periodLabel)) {
    writeLine(ctx.io.stdout, line);
  }
  return EXIT.ok;
}

function parseAsOf(text: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) {
    throw new CrmKpiError(
      "bad_argument",
      `"${text}" is not a date; give --as-of as 2026-01-15 or 2026-01-15T12:00:00Z`,
      { value: text },
      { value: text },
    );
  }
  return date;
}

/** Adds `crm-kpi quality` to the program. */
export function registerQualityCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const { lang } = ctx;
  program
    .command("quality")
    .description(t(lang, "cli.quality.description"))
    .addOption(dbOption(lang))
    .addOption(formatOption(lang, OUTPUT_FORMATS, "cli.quality.option.format"))
    .option("--as-of <date>", t(lang, "cli.quality.option.asOf"))
    .option("--no-impact", t(lang, "cli.quality.option.noImpact"))
    .addOption(matchWeightOption(lang))
    .addOption(reviewWeightOption(lang))
    .addOption(langOption(lang))
    .action(async (o: Omit<QualityCommandOptions, "db"> & { db?: string }) => {
      setExit(await runQualityCommand(ctx, { ...o, db: resolveDbPath(o.db, ctx.io.env) }));
    });
}
