import { type Command, InvalidArgumentError, Option } from "commander";
import {
  formatPeriodLabel,
  GRAINS,
  type Grain,
  grainOfLabel,
  localizeDigits,
  parsePeriodLabel,
} from "../../calendar/index.js";
import { CrmKpiError } from "../../core/errors.js";
import type { CalendarId, DatasetSettings } from "../../core/model/settings.js";
import { type Lang, metricName, t } from "../../messages/index.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import { type ExplainResult, type ExplainRow, explainMetric } from "../../report/explain.js";
import { periodOptions } from "../../report/run-report.js";
import type { DateDisplay } from "../calendar-date-text.js";
import { type CliContext, collect, parsePairs, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import {
  calendarOption,
  dbOption,
  deprecatedOption,
  formatOption,
  langOption,
  paramOption,
  periodOption,
  warnDeprecated,
} from "../common-options.js";
import { entityLabel } from "../entity-label.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatMetricValue, formatMoney, formatNumber } from "../format-number.js";
import { humanTable, isMachineFormat, machineLines, type OutputFormat } from "../format-records.js";
import { toRecord } from "../format-report.js";
import { localizeDetail } from "../localize-detail.js";
import { unitLookup } from "./report-command.js";

export interface ExplainCommandOptions {
  readonly db: string;
  /** The period to explain: a label such as 2024-03. */
  readonly at?: string;
  /** The grain of `at`; a label here is the old spelling of `--at` (deprecated). */
  readonly period?: string;
  /** Deprecated spelling of `--period <grain>`. */
  readonly grain?: Grain;
  readonly calendar?: CalendarId;
  readonly segment?: readonly string[];
  readonly param?: readonly string[];
  readonly limit: number;
  readonly format?: OutputFormat;
}

type Part = ExplainRow["part"];
type Segment = Readonly<Record<string, string | null>>;

const PARTS: readonly Part[] = ["value", "numerator", "denominator"];

/** How table and md show money and dates: the dataset's currency, the report's calendar. */
export interface ExplainDisplay {
  readonly currency?: string;
  readonly dates?: DateDisplay;
}
const PART_TITLES = {
  value: "report.column.value",
  numerator: "report.column.numerator",
  denominator: "report.column.denominator",
} as const;

/** Adds `crm-kpi explain <metric> --at <label> [--period <grain>]` to the program (run-cli.ts). */
export function registerExplainCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
  positiveNumber: (text: string, option: string) => number,
): void {
  const { lang } = ctx;
  program
    .command("explain")
    .description(t(lang, "cli.explain.description"))
    .argument("<metric>", t(lang, "cli.explain.arg.metric"))
    .addOption(dbOption(lang))
    .option("--at <period>", t(lang, "cli.explain.option.at"))
    // A label still works after `--period` (the old spelling): the action says to use --at.
    .addOption(periodOption(lang).argParser(grainOrOldLabel))
    .addOption(deprecatedOption("--grain <grain>").choices(GRAINS))
    .addOption(calendarOption(lang))
    .addOption(
      new Option("--segment <dim=value>", t(lang, "cli.explain.option.segment"))
        .argParser(collect)
        .default([]),
    )
    .addOption(paramOption(lang))
    .option("--limit <rows>", t(lang, "cli.explain.option.limit"), (v) => positiveNumber(v, "--limit"), 50)
    .addOption(formatOption(lang, undefined, "cli.explain.option.format"))
    .addOption(langOption(lang))
    .action(async (metric: string, o: Omit<ExplainCommandOptions, "db"> & { db?: string }) => {
      setExit(await runExplainCommand(ctx, metric, { ...o, db: dbPath(o.db) }));
    });
}

/** `--period`: a grain, or (the old spelling of `--at`) a period label. */
function grainOrOldLabel(value: string): string {
  if (isGrain(value) || grainOfLabel(value) !== undefined) return value;
  throw new InvalidArgumentError(`Allowed choices are ${GRAINS.join(", ")}.`);
}

function isGrain(value: string): value is Grain {
  return (GRAINS as readonly string[]).includes(value);
}

/** The label and grain asked for, old spellings (`--period 2024-03`, `--grain`) included, with a note for each. */
export function explainTarget(
  ctx: CliContext,
  options: Pick<ExplainCommandOptions, "at" | "period" | "grain">,
): { label: string; grain: Grain | undefined } {
  let label = options.at;
  let grain: Grain | undefined;
  if (options.period !== undefined) {
    if (isGrain(options.period)) grain = options.period;
    else {
      warnDeprecated(ctx.io, ctx.lang, "--period <label>", "--at <label>");
      label ??= options.period;
    }
  }
  if (options.grain !== undefined) {
    warnDeprecated(ctx.io, ctx.lang, "--grain", "--period");
    grain ??= options.grain;
  }
  if (label === undefined) {
    throw new CrmKpiError(
      "bad_argument",
      "The period to explain is missing: add it with --at, e.g. --at 2024-03",
      { value: "--at", messageKey: "cli.explain.error.needsAt" },
    );
  }
  return { label, grain: grain ?? grainOfLabel(label) };
}

/** `crm-kpi explain <metric> --at <label>`: the number, its numerator and denominator, and the rows behind them. */
export async function runExplainCommand(
  ctx: CliContext,
  metric: string,
  options: ExplainCommandOptions,
): Promise<ExitCode> {
  const { label, grain } = explainTarget(ctx, options);
  const segmentPairs = options.segment ?? [];
  // `dim=` names the empty bucket, which reports show as its own row.
  const segment = Object.fromEntries(
    Object.entries(parsePairs(segmentPairs, "cli.error.badSegment")).map(([k, v]) => [
      k,
      v === "" ? null : v,
    ]),
  );
  const params =
    options.param && options.param.length > 0 ? parsePairs(options.param, "cli.error.badParam") : undefined;
  const [result, settings] = await withEngine(
    options.db,
    // One snapshot: the explanation and the settings it is shown with come from the same data.
    (engine) =>
      engine.transaction(
        async () =>
          [
            await explainMetric(engine, {
              metric,
              period: label,
              ...(grain ? { grain } : {}),
              ...(options.calendar ? { calendar: options.calendar } : {}),
              ...(segmentPairs.length > 0 ? { segment } : {}),
              ...(params ? { params } : {}),
              limit: options.limit,
            }),
            await loadDatasetSettings(engine),
          ] as const,
        "read",
      ),
  );
  const periodText = localPeriodLabel(result.value.period, settings, grain, options.calendar, ctx.lang);
  const display: ExplainDisplay = {
    currency: settings.base_currency,
    dates: { calendar: options.calendar ?? settings.calendar, timeZone: settings.timezone },
  };
  printExplanation(ctx, result, periodText, options.format ?? "table", display);
  return EXIT.ok;
}

/**
 * Prints an explanation. Table and md: the value, then per part "N rows" (or
 * "showing 20 of 1,234 rows") and its rows. csv and ndjson: one record per
 * row on stdout, the summary on stderr. json: one object with both.
 */
export function printExplanation(
  ctx: CliContext,
  result: ExplainResult,
  periodText: string,
  format: OutputFormat = "table",
  display: ExplainDisplay = {},
): void {
  const machine = isMachineFormat(format);
  // Machine formats keep plain numbers, which programs read.
  const summary = summaryLines(ctx.lang, result, periodText, format, machine ? undefined : display.currency);
  if (format === "json") {
    writeLine(ctx.io.stdout, JSON.stringify(explanationJson(result), null, 2));
    return;
  }
  if (isMachineFormat(format)) {
    const { keys, records } = rowRecords(result, format);
    for (const line of machineLines(keys, records, format)) writeLine(ctx.io.stdout, line);
    for (const line of summary) writeLine(ctx.io.stderr, line);
    return;
  }
  for (const line of summary) writeLine(ctx.io.stdout, line);
  const { lang } = ctx;
  for (const part of PARTS) {
    const rows = result.rows.filter((r) => r.part === part);
    if (rows.length === 0) continue;
    writeLine(ctx.io.stdout);
    writeLine(ctx.io.stdout, partHeading(lang, result, part, rows.length));
    const amounts = amountFormatter(rows, lang, moneyPart(result, part) ? display.currency : undefined);
    const table = humanTable(
      format,
      lang,
      [
        { header: t(lang, "explain.column.entity") },
        { header: t(lang, "explain.column.id") },
        { header: t(lang, "explain.column.amount"), align: "right" },
        { header: t(lang, "explain.column.detail") },
      ],
      rows.map((r) => [
        entityLabel(lang, r.entity),
        r.recordId,
        amounts(r.amount),
        r.detail === null ? "" : localizeDetail(r.detail, lang, display.dates),
      ]),
    );
    for (const line of table) writeLine(ctx.io.stdout, format === "md" ? line : `  ${line}`);
  }
}

/** The title, the segment as `region=Europe`, the value, numerator and denominator; for csv/ndjson also the counts. */
function summaryLines(
  lang: Lang,
  result: ExplainResult,
  periodText: string,
  format: OutputFormat,
  currency: string | undefined,
): string[] {
  const v = result.value;
  const unit = unitLookup()(v.metric);
  const lines = [
    t(lang, "explain.title", { name: metricName(lang, v.metric), metric: v.metric, period: periodText }),
  ];
  if (v.segment !== null)
    lines.push(t(lang, "cli.explain.segment", { segment: segmentText(v.segment, lang) }));
  lines.push(t(lang, "explain.value", { value: formatMetricValue(v.value, unit, lang, currency) }));
  if (v.numerator !== null || v.denominator !== null) {
    const numerator =
      currency && moneyPart(result, "numerator")
        ? formatMoney(v.numerator, lang, currency)
        : formatNumber(v.numerator, lang);
    lines.push(t(lang, "explain.numerator", { value: numerator }));
    lines.push(t(lang, "explain.denominator", { value: formatNumber(v.denominator, lang) }));
  }
  if (isMachineFormat(format)) {
    for (const part of PARTS) {
      const shown = result.rows.filter((r) => r.part === part).length;
      if (shown > 0) lines.push(partHeading(lang, result, part, shown));
    }
  }
  return lines;
}

/** "Numerator: 12 rows", or "Numerator: showing 50 of 1,234 rows" when `--limit` cut the list. */
function partHeading(lang: Lang, result: ExplainResult, part: Part, shown: number): string {
  const total = result.totals?.[part] ?? shown;
  const title = t(lang, PART_TITLES[part]);
  return total > shown
    ? t(lang, "cli.explain.partRowsShown", {
        title,
        shown: formatNumber(shown, lang, 0),
        total: formatNumber(total, lang, 0),
      })
    : t(lang, "cli.explain.partRows", { title, total: formatNumber(total, lang, 0) });
}

/** `region=Europe, segment=SMB`; the empty bucket is `region=(empty)`. */
export function segmentText(segment: Segment, lang: Lang): string {
  return Object.entries(segment)
    .map(([key, value]) => `${key}=${value ?? t(lang, "report.nullSegment")}`)
    .join(", ");
}

/**
 * Amounts at the column's precision: whole numbers when every amount is
 * whole, else two decimals throughout (`274.10`, never `274.1` next to
 * `84.14999999999999`), so the column lines up and carries no float noise.
 */
function amountFormatter(
  rows: readonly ExplainRow[],
  lang: Lang,
  currency: string | undefined,
): (amount: number | null) => string {
  const whole = rows.every((r) => r.amount === null || Number.isInteger(r.amount));
  const digits = whole ? 0 : 2;
  return (amount) =>
    amount === null
      ? ""
      : currency
        ? formatMoney(amount, lang, currency, digits)
        : formatNumber(amount, lang, digits, digits);
}

/**
 * Whether a part's amounts are money: of a money metric, the value and the
 * numerator are (revenue, spend, MRR); a denominator counts what the money
 * is shared by (customers, new customers), so it stays a number.
 */
function moneyPart(result: ExplainResult, part: Part): boolean {
  return unitLookup()(result.value.metric) === "money" && part !== "denominator";
}

const ROW_KEYS = ["part", "entity", "record_id", "amount", "detail"] as const;

/** One record per row; csv puts each segment key in its own column (like `report`), ndjson keeps a `segment` object. */
function rowRecords(
  result: ExplainResult,
  format: "csv" | "ndjson",
): { keys: string[]; records: Record<string, string | number | null | Segment>[] } {
  const v = result.value;
  const segmentKeys = Object.keys(v.segment ?? {});
  const segmentColumns = format === "csv" ? segmentKeys : ["segment"];
  return {
    keys: ["metric", "period", ...segmentColumns, ...ROW_KEYS],
    records: result.rows.map((r) => ({
      ...Object.fromEntries(segmentKeys.map((k) => [k, v.segment?.[k] ?? null])),
      metric: v.metric,
      period: v.period,
      segment: v.segment,
      part: r.part,
      entity: r.entity,
      record_id: r.recordId,
      amount: r.amount,
      detail: r.detail,
    })),
  };
}

function explanationJson(result: ExplainResult): Record<string, unknown> {
  const v = result.value;
  return {
    ...toRecord(v),
    row_counts: Object.fromEntries(
      PARTS.filter((part) => result.rows.some((r) => r.part === part)).map((part) => {
        const shown = result.rows.filter((r) => r.part === part).length;
        return [part, { total: result.totals?.[part] ?? shown, shown }];
      }),
    ),
    rows: result.rows.map((r) => ({
      part: r.part,
      entity: r.entity,
      record_id: r.recordId,
      amount: r.amount,
      detail: r.detail,
    })),
  };
}

function localPeriodLabel(
  label: string,
  settings: DatasetSettings,
  grain: Grain | undefined,
  calendar: CalendarId | undefined,
  lang: Lang,
): string {
  try {
    const options = periodOptions(settings, {
      ...(grain ? { grain } : {}),
      ...(calendar ? { calendar } : {}),
    });
    return formatPeriodLabel(parsePeriodLabel(label, options), options, lang);
  } catch {
    // A label the calendar cannot name is still a correct label: show it as is.
    return localizeDigits(label, lang);
  }
}
