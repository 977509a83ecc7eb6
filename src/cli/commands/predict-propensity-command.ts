import { type Command, InvalidArgumentError, Option } from "commander";
import { localizeDigits } from "../../calendar/index.js";
import type { CalendarId } from "../../core/model/settings.js";
import type { PropensityTarget } from "../../core/predict/propensity/customer-features.js";
import type { FeatureContribution } from "../../core/predict/propensity/explain-score.js";
import { type Lang, type MessageKey, t } from "../../messages/index.js";
import { propensityJson, roundTo as round } from "../../predict/propensity-json.js";
import type { PropensityResult } from "../../predict/propensity-predict.js";
import { type CliContext, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { calendarOption, dbOption, formatOption, langOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatMetricValue, formatNumber } from "../format-number.js";
import { humanTable, machineLines, OUTPUT_FORMATS, type OutputFormat } from "../format-records.js";
import { predictGroup } from "./predict-register.js";

export interface PropensityCommandOptions {
  readonly db: string;
  readonly asOf?: string;
  readonly calendar?: CalendarId;
  readonly window?: number;
  readonly top?: number;
  readonly format: OutputFormat;
}

// Spelled here too (as in propensity-predict.ts): importing that module would load the model code at start-up.
const PROPENSITY_TARGETS = ["upsell", "churn"] as const satisfies readonly PropensityTarget[];

/** Rows a table shows without --top: a ranked list is read from the top. */
const TABLE_TOP = 20;

/** `crm-kpi predict upsell|churn`: the ranked, explained scores on stdout, the model and its backtest on stderr. */
export async function runPropensityCommand(
  ctx: CliContext,
  target: PropensityTarget,
  options: PropensityCommandOptions,
): Promise<ExitCode> {
  // Loaded on use: the model code stays out of the CLI's start-up.
  const { runPropensity } = await import("../../predict/propensity-predict.js");
  const result = await withEngine(dbAccess(ctx, options.db, "read"), (engine) =>
    runPropensity(engine, {
      target,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
      ...(options.window === undefined ? {} : { windowDays: options.window }),
    }),
  );
  const human = options.format === "table" || options.format === "md";
  const top = options.top ?? (human ? TABLE_TOP : undefined);
  const shown = top === undefined ? result.customers : result.customers.slice(0, top);
  const lines =
    options.format === "json"
      ? [JSON.stringify(propensityJson(result, shown), null, 2)]
      : options.format === "csv" || options.format === "ndjson"
        ? machineLines(RECORD_KEYS, shown.map(propensityRecord), options.format)
        : humanTable(
            options.format,
            ctx.lang,
            [
              { header: t(ctx.lang, "propensity.column.rank"), align: "right" },
              { header: t(ctx.lang, "propensity.column.customer") },
              { header: t(ctx.lang, "propensity.column.name") },
              { header: t(ctx.lang, "propensity.column.score"), align: "right" },
              { header: t(ctx.lang, "propensity.column.decile"), align: "right" },
              { header: t(ctx.lang, "propensity.column.drivers") },
            ],
            shown.map((c) => [
              formatNumber(c.rank, ctx.lang, 0),
              c.customerId,
              c.name ?? "",
              formatMetricValue(c.score, "fraction", ctx.lang),
              formatNumber(c.decile, ctx.lang, 0),
              c.drivers.map((d) => driverText(d, ctx.lang)).join(listSeparator(ctx.lang)),
            ]),
          );
  for (const line of lines) writeLine(ctx.io.stdout, line);
  for (const line of summaryLines(result, ctx.lang)) writeLine(ctx.io.stderr, line);
  if (human && shown.length < result.customers.length) {
    writeLine(
      ctx.io.stderr,
      t(ctx.lang, "propensity.shown", {
        shown: formatNumber(shown.length, ctx.lang, 0),
        count: formatNumber(result.customers.length, ctx.lang, 0),
      }),
    );
  }
  return EXIT.ok;
}

/** Between the drivers of one customer: the Arabic comma in fa and ar, the enumeration comma in zh. */
function listSeparator(lang: Lang): string {
  return lang === "fa" || lang === "ar" ? "، " : lang === "zh" ? "、" : ", ";
}

/** `MRR ↑ 0.42`: the feature in the reader's words, which way it pushed, and how far on the log-odds scale. */
export function driverText(driver: FeatureContribution, lang: Lang): string {
  const arrow = driver.contribution > 0 ? "↑" : "↓";
  return `${featureLabel(driver.feature, lang)} ${arrow}${formatNumber(Math.abs(driver.contribution), lang, 2)}`;
}

/** A feature's label: `plan=pro` reads "plan pro", numeric features have their own message. */
export function featureLabel(feature: string, lang: Lang): string {
  const cut = feature.indexOf("=");
  if (cut < 0) return t(lang, `propensity.feature.${feature}` as MessageKey);
  return t(lang, `propensity.feature.${feature.slice(0, cut)}` as MessageKey, {
    value: feature.slice(cut + 1),
  });
}

function summaryLines(result: PropensityResult, lang: Lang): string[] {
  const date = (iso: string) => localizeDigits(iso, lang);
  const lines = [
    t(lang, "propensity.summary", {
      target: t(lang, `propensity.target.${result.target}`),
      asOf: date(result.asOf),
      window: formatNumber(result.windowDays, lang, 0),
      count: formatNumber(result.customers.length, lang, 0),
      rows: formatNumber(result.model.trainingRows, lang, 0),
      positives: formatNumber(result.model.trainingPositives, lang, 0),
      snapshots: formatNumber(result.model.trainingSnapshots, lang, 0),
    }),
  ];
  const b = result.backtest;
  lines.push(
    b
      ? t(lang, "propensity.backtest", {
          trainEnd: date(b.trainingEnd),
          testAt: date(b.testSnapshot),
          asOf: date(result.asOf),
          auc: formatNumber(b.auc, lang, 3, 3),
          lift: `${formatNumber(b.liftTopDecile, lang, 2, 2)}×`,
          rows: formatNumber(b.testRows, lang, 0),
          positives: formatNumber(b.testPositives, lang, 0),
        })
      : t(lang, "propensity.backtest.none"),
  );
  return lines;
}

const RECORD_KEYS = [
  "rank",
  "customer_id",
  "name",
  "score",
  "decile",
  "driver_1",
  "driver_1_contribution",
  "driver_2",
  "driver_2_contribution",
  "driver_3",
  "driver_3_contribution",
] as const;

function propensityRecord(c: PropensityResult["customers"][number]): Record<string, unknown> {
  const record: Record<string, unknown> = {
    rank: c.rank,
    customer_id: c.customerId,
    name: c.name,
    score: round(c.score, 6),
    decile: c.decile,
  };
  c.drivers.forEach((d, i) => {
    record[`driver_${i + 1}`] = d.feature;
    record[`driver_${i + 1}_contribution`] = round(d.contribution, 4);
  });
  return record;
}

function wholeNumber(name: "window" | "top", max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) {
      throw new InvalidArgumentError(
        `--${name} must be a whole number from 1 to ${max}, e.g. ${name === "window" ? 90 : 20}.`,
      );
    }
    return value;
  };
}

/** Adds `crm-kpi predict upsell` and `crm-kpi predict churn` (run-cli.ts). */
export function registerPropensityCommands(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
): void {
  const { lang } = ctx;
  const predict = predictGroup(program, lang);
  for (const target of PROPENSITY_TARGETS) {
    predict
      .command(target)
      .description(t(lang, `propensity.cli.${target}.description`))
      .addOption(dbOption(lang))
      .option("--as-of <date>", t(lang, "propensity.cli.option.asOf"))
      .addOption(calendarOption(lang))
      .addOption(
        new Option("--window <days>", t(lang, "propensity.cli.option.window")).argParser(
          wholeNumber("window", 730),
        ),
      )
      .addOption(
        new Option("--top <n>", t(lang, "propensity.cli.option.top")).argParser(wholeNumber("top", 1e9)),
      )
      .addOption(formatOption(lang, OUTPUT_FORMATS))
      .addOption(langOption(lang))
      .action(async (o: Omit<PropensityCommandOptions, "db"> & { db?: string }) => {
        setExit(await runPropensityCommand(ctx, target, { ...o, db: dbPath(o.db) }));
      });
  }
}
