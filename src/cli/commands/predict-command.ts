import { localizeDigits } from "../../calendar/index.js";
import { CrmKpiError } from "../../core/errors.js";
import { t } from "../../messages/index.js";
import { CLV_CUSTOMER_KEYS, type ClvDocument, clvDocument } from "../../predict/clv-document.js";
import { predictClv } from "../../predict/predict-clv.js";
import { type CliContext, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatMetricValue, formatNumber } from "../format-number.js";
import { type HumanFormat, humanTable, machineLines, type OutputFormat } from "../format-records.js";
import type { TableColumn } from "../text-table.js";

export interface PredictClvOptions {
  readonly db: string;
  readonly calibrationEnd?: string;
  readonly holdout?: string;
  readonly horizon: string;
  /** As typed; checked here so the error names the option. */
  readonly discountRate: string;
  readonly format: OutputFormat;
}

/** `crm-kpi predict clv`: the fitted models on stderr, one row per customer on stdout (json: the whole document). */
export async function runPredictClvCommand(ctx: CliContext, options: PredictClvOptions): Promise<ExitCode> {
  const discountRate = Number(options.discountRate);
  if (options.discountRate.trim() === "" || !Number.isFinite(discountRate)) {
    throw new CrmKpiError(
      "bad_argument",
      `--discount-rate ${options.discountRate} is not an annual rate between 0 and 10, e.g. 0.1 for 10 % a year`,
      { option: "--discount-rate", value: options.discountRate, messageKey: "predict.error.badDiscountRate" },
    );
  }
  const prediction = await withEngine(dbAccess(ctx, options.db, "read"), (engine) =>
    predictClv(engine, {
      ...(options.calibrationEnd ? { calibrationEnd: options.calibrationEnd } : {}),
      ...(options.holdout ? { holdout: options.holdout } : {}),
      horizon: options.horizon,
      discountRate,
    }),
  );
  const doc = clvDocument(prediction);
  const { format } = options;
  if (format === "json") {
    writeLine(ctx.io.stdout, JSON.stringify(doc, null, 2));
    return EXIT.ok;
  }
  const lines =
    format === "csv" || format === "ndjson"
      ? machineLines(CLV_CUSTOMER_KEYS, doc.customers, format)
      : humanLines(doc, format, ctx);
  for (const line of lines) writeLine(ctx.io.stdout, line);
  for (const line of notes(doc, ctx)) writeLine(ctx.io.stderr, line);
  return EXIT.ok;
}

function humanLines(doc: ClvDocument, format: HumanFormat, ctx: CliContext): string[] {
  const { lang } = ctx;
  const currency = doc.summary.currency;
  const columns: TableColumn[] = [
    { header: t(lang, "predict.column.customer") },
    { header: t(lang, "predict.column.frequency"), align: "right" },
    { header: t(lang, "predict.column.recency"), align: "right" },
    { header: t(lang, "predict.column.age"), align: "right" },
    { header: t(lang, "predict.column.pAlive"), align: "right" },
    { header: t(lang, "predict.column.expectedPurchases"), align: "right" },
    { header: t(lang, "predict.column.expectedValue"), align: "right" },
    { header: t(lang, "predict.column.clv"), align: "right" },
  ];
  const number = (v: number, digits: number) => formatNumber(v, lang, digits, digits);
  const rows = doc.customers.map((c) => [
    c.customer_id,
    number(c.frequency, 0),
    number(c.recency_weeks, 1),
    number(c.age_weeks, 1),
    formatMetricValue(c.p_alive, "fraction", lang),
    number(c.expected_purchases, 2),
    formatMetricValue(c.expected_average_value, "money", lang, currency),
    formatMetricValue(c.clv, "money", lang, currency),
  ]);
  const lines = humanTable(format, lang, columns, rows);
  if (!doc.holdout) return lines;
  const holdoutColumns: TableColumn[] = [
    { header: t(lang, "predict.column.group") },
    { header: t(lang, "predict.column.customers"), align: "right" },
    { header: t(lang, "predict.column.actual"), align: "right" },
    { header: t(lang, "predict.column.predicted"), align: "right" },
  ];
  const holdoutRows = doc.holdout.groups.map((g) => [
    localizeDigits(g.label, lang),
    formatNumber(g.customers, lang, 0),
    formatNumber(g.actual, lang, 2, 2),
    formatNumber(g.predicted, lang, 2, 2),
  ]);
  return [...lines, "", ...humanTable(format, lang, holdoutColumns, holdoutRows)];
}

function notes(doc: ClvDocument, ctx: CliContext): string[] {
  const { lang } = ctx;
  const n = (v: number | null, digits = 4) => formatNumber(v, lang, digits);
  // Five significant digits: parameters range from 1e-5 to 1e6.
  const param = (v: number) => formatNumber(Number(v.toPrecision(5)), lang, 10);
  const date = (text: string) => localizeDigits(text, lang);
  const s = doc.summary;
  const lines = [
    t(lang, "predict.note.bgNbd", {
      r: param(doc.bg_nbd.r),
      alpha: param(doc.bg_nbd.alpha),
      a: param(doc.bg_nbd.a),
      b: param(doc.bg_nbd.b),
      ll: n(doc.bg_nbd.log_likelihood, 2),
    }),
    doc.gamma_gamma
      ? t(lang, "predict.note.gammaGamma", {
          p: param(doc.gamma_gamma.p),
          q: param(doc.gamma_gamma.q),
          v: param(doc.gamma_gamma.v),
          ll: n(s.gamma_gamma_log_likelihood, 2),
          customers: formatNumber(s.gamma_gamma_customers, lang, 0),
        })
      : t(lang, "predict.note.noGammaGamma"),
    t(lang, "predict.note.calibration", {
      end: date(s.calibration_end),
      customers: formatNumber(s.customers, lang, 0),
      repeat: formatNumber(s.repeat_customers, lang, 0),
      weeks: n(s.horizon_weeks, 1),
      rate: formatMetricValue(s.discount_rate, "fraction", lang),
      average: formatMetricValue(s.average_clv, "money", lang, s.currency),
    }),
  ];
  const h = doc.holdout;
  lines.push(
    h
      ? t(lang, "predict.note.holdout", {
          start: date(h.start),
          end: date(h.end),
          weeks: n(h.weeks, 1),
          actual: formatNumber(h.actual, lang, 0),
          predicted: formatNumber(h.predicted, lang, 1),
        })
      : t(lang, "predict.note.noHoldout"),
  );
  return lines;
}
