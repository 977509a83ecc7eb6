import { listMetrics } from "../../core/metrics/registry.js";
import { type Lang, lookupMessage, metricName, t, unitName } from "../../messages/index.js";
import { PREDICTIONS, type PredictionInfo } from "../../predict/prediction-catalog.js";
import type { CliContext } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { entityList } from "../entity-label.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { humanTable, isMachineFormat, machineLines, type OutputFormat } from "../format-records.js";

const KEYS = ["id", "name", "unit", "requires", "formula"] as const;

/**
 * `crm-kpi metrics`: the catalog. Name, unit and needed entities fit a
 * table; formulas are long, so in a text table each follows its metric on
 * an indented line. Machine formats carry ids and the formula as defined.
 * A formula shows in the reader's language when the catalog has
 * `cli.formula.<id>`, else as the definition writes it. The figures of a
 * fitted model (`predicted_clv`, src/predict/prediction-catalog.ts) follow,
 * their formula the model and the command that prints them.
 */
export function runMetricsCommand(ctx: CliContext, format: OutputFormat = "table"): ExitCode {
  const { lang } = ctx;
  const metrics = [
    ...listMetrics(),
    ...PREDICTIONS.map((p) => ({
      id: p.id,
      unit: p.unit,
      requires: ["orders"] as const,
      formula: predictionFormula(p, "en"),
    })),
  ];
  const out = (line: string) => writeLine(ctx.io.stdout, line);
  if (isMachineFormat(format)) {
    const records = metrics.map((m) => ({
      id: m.id,
      name: metricName(lang, m.id),
      unit: m.unit,
      requires: m.requires.join(","),
      formula: m.formula ?? null,
    }));
    for (const line of machineLines(KEYS, records, format)) out(line);
    return EXIT.ok;
  }
  const formulaOf = (id: string, formula: string | undefined) => {
    const prediction = PREDICTIONS.find((p) => p.id === id);
    if (prediction) return predictionFormula(prediction, lang);
    return formula ? (lookupMessage(lang, `cli.formula.${id}`) ?? formula) : "";
  };
  const rows = metrics.map((m) => [
    m.id,
    metricName(lang, m.id),
    unitName(lang, m.unit),
    entityList(lang, m.requires),
  ]);
  const columns = [
    { header: t(lang, "metrics.column.id") },
    { header: t(lang, "metrics.column.name") },
    { header: t(lang, "metrics.column.unit") },
    { header: t(lang, "metrics.column.requires") },
  ];
  if (format === "md") {
    const withFormula = metrics.map((m, i) => [...(rows[i] ?? []), formulaOf(m.id, m.formula)]);
    const all = [...columns, { header: t(lang, "metrics.column.formula") }];
    for (const line of humanTable("md", lang, all, withFormula)) out(line);
    return EXIT.ok;
  }
  const [header = "", rule = "", ...body] = humanTable("table", lang, columns, rows);
  out(header);
  out(rule);
  body.forEach((line, i) => {
    out(line);
    const m = metrics[i];
    if (m?.formula) out(`    ${t(lang, "metrics.column.formula")}: ${formulaOf(m.id, m.formula)}`);
  });
  return EXIT.ok;
}

/** A model's figure has no SQL formula: its description and the command that prints it. */
function predictionFormula(prediction: PredictionInfo, lang: Lang): string {
  return `${lookupMessage(lang, prediction.descriptionKey) ?? prediction.id} (${prediction.list.command})`;
}
