import { formatPeriodLabel, type Grain, grainOfLabel, parsePeriodLabel } from "../../calendar/index.js";
import type { CalendarId, DatasetSettings } from "../../core/model/settings.js";
import { isRightToLeft, type Lang, metricName, t } from "../../messages/index.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import { type ExplainResult, type ExplainRow, explainMetric } from "../../report/explain.js";
import { periodOptions } from "../../report/run-report.js";
import { type CliContext, parsePairs, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatMetricValue, formatNumber } from "../format-number.js";
import { renderTable } from "../text-table.js";
import { unitLookup } from "./report-command.js";

export interface ExplainCommandOptions {
  readonly db: string;
  readonly period: string;
  readonly grain?: Grain;
  readonly calendar?: CalendarId;
  readonly segment?: readonly string[];
  readonly param?: readonly string[];
  readonly limit: number;
}

const PARTS: readonly ExplainRow["part"][] = ["value", "numerator", "denominator"];
const PART_TITLES = {
  value: "report.column.value",
  numerator: "report.column.numerator",
  denominator: "report.column.denominator",
} as const;

/** `crm-kpi explain <metric> --period <label>`: the number, its numerator and denominator, and the rows behind them. */
export async function runExplainCommand(
  ctx: CliContext,
  metric: string,
  options: ExplainCommandOptions,
): Promise<ExitCode> {
  const segmentPairs = options.segment ?? [];
  // `dim=` names the empty bucket, which reports show as its own row.
  const segment = Object.fromEntries(
    Object.entries(parsePairs(segmentPairs, "cli.error.badSegment")).map(([k, v]) => [
      k,
      v === "" ? null : v,
    ]),
  );
  const grain = options.grain ?? grainOfLabel(options.period);
  const [result, settings] = await withEngine(
    options.db,
    async (engine) =>
      [
        await explainMetric(engine, {
          metric,
          period: options.period,
          ...(grain ? { grain } : {}),
          ...(options.calendar ? { calendar: options.calendar } : {}),
          ...(segmentPairs.length > 0 ? { segment } : {}),
          ...(options.param && options.param.length > 0
            ? { params: parsePairs(options.param, "cli.error.badParam") }
            : {}),
          limit: options.limit,
        }),
        await loadDatasetSettings(engine),
      ] as const,
  );
  const periodText = localPeriodLabel(result.value.period, settings, grain, options.calendar, ctx.lang);
  printExplanation(ctx, result, periodText, options.limit);
  return EXIT.ok;
}

export function printExplanation(
  ctx: CliContext,
  result: ExplainResult,
  periodText: string,
  limit: number,
): void {
  const { lang } = ctx;
  const out = ctx.io.stdout;
  const v = result.value;
  const unit = unitLookup()(v.metric);
  const segmentText = v.segment === null ? "" : ` ${JSON.stringify(v.segment)}`;
  writeLine(
    out,
    `${t(lang, "explain.title", { name: metricName(lang, v.metric), metric: v.metric, period: periodText })}${segmentText}`,
  );
  writeLine(out, t(lang, "explain.value", { value: formatMetricValue(v.value, unit, lang) }));
  if (v.numerator !== null || v.denominator !== null) {
    writeLine(out, t(lang, "explain.numerator", { value: formatNumber(v.numerator, lang) }));
    writeLine(out, t(lang, "explain.denominator", { value: formatNumber(v.denominator, lang) }));
  }
  const direction = isRightToLeft(lang) ? "rtl" : "ltr";
  for (const part of PARTS) {
    const rows = result.rows.filter((r) => r.part === part);
    if (rows.length === 0) continue;
    const title = t(lang, PART_TITLES[part]);
    writeLine(out);
    writeLine(out, t(lang, "explain.rows", { title, count: formatNumber(rows.length, lang, 0) }));
    const table = renderTable(
      [
        { header: t(lang, "explain.column.entity") },
        { header: t(lang, "explain.column.id") },
        { header: t(lang, "explain.column.amount"), align: "right" },
        { header: t(lang, "explain.column.detail") },
      ],
      rows.map((r) => [
        r.entity,
        r.recordId,
        r.amount === null ? "" : formatNumber(r.amount, lang),
        r.detail ?? "",
      ]),
      direction,
    );
    for (const line of table) writeLine(out, `  ${line}`);
  }
  if (result.truncated) writeLine(out, t(lang, "explain.rowsShown", { count: formatNumber(limit, lang, 0) }));
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
    return label;
  }
}
