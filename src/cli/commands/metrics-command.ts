import { listMetrics } from "../../core/metrics/registry.js";
import { isRightToLeft, metricName, t, unitName } from "../../messages/index.js";
import type { CliContext } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { renderTable } from "../text-table.js";

/**
 * `crm-kpi metrics`: the catalog. Name, unit and needed entities fit a
 * table; formulas are long, so each follows its metric on an indented line.
 */
export function runMetricsCommand(ctx: CliContext): ExitCode {
  const { lang } = ctx;
  const metrics = listMetrics();
  const rows = metrics.map((m) => [
    m.id,
    metricName(lang, m.id),
    unitName(lang, m.unit),
    m.requires.join(", "),
  ]);
  const columns = [
    { header: t(lang, "metrics.column.id") },
    { header: t(lang, "metrics.column.name") },
    { header: t(lang, "metrics.column.unit") },
    { header: t(lang, "metrics.column.requires") },
  ];
  const direction = isRightToLeft(lang) ? "rtl" : "ltr";
  const [header, rule, ...body] = renderTable(columns, rows, direction);
  writeLine(ctx.io.stdout, header);
  writeLine(ctx.io.stdout, rule);
  body.forEach((line, i) => {
    writeLine(ctx.io.stdout, line);
    const formula = metrics[i]?.formula;
    if (formula) writeLine(ctx.io.stdout, `    ${t(lang, "metrics.column.formula")}: ${formula}`);
  });
  return EXIT.ok;
}
