import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CrmKpiError } from "../../core/errors.js";
import { listMetrics } from "../../core/metrics/registry.js";
import { t } from "../../messages/index.js";
import { entityRowCounts } from "../../report/data-range.js";
import { type ReportRequest, runReport } from "../../report/run-report.js";
import { type CliContext, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatNumber } from "../format-number.js";
import { runImportCommand } from "./import-command.js";
import { printReport } from "./report-command.js";

export interface DemoCommandOptions {
  readonly db: string;
  readonly scale: number;
  /** Keep the generated files here; default: a temporary folder removed afterwards. */
  readonly data?: string;
}

/** The metrics a first look should show, in this order; those not implemented yet are skipped. */
export const HEADLINE_METRICS = [
  "new_customers",
  "customer_churn_rate",
  "revenue",
  "mrr",
  "net_revenue_retention",
  "nps",
] as const;

const MONTHS_SHOWN = 12;

/** `crm-kpi demo`: generate → import → a report of headline metrics over the last 12 months. */
export async function runDemoCommand(ctx: CliContext, options: DemoCommandOptions): Promise<ExitCode> {
  await assertNoOtherData(ctx, options.db);
  const { generateDataset } = await import("../../generator/index.js");
  const dir = options.data
    ? path.resolve(options.data)
    : await mkdtemp(path.join(os.tmpdir(), "crm-kpi-demo-"));
  try {
    writeLine(
      ctx.io.stderr,
      t(ctx.lang, "demo.generating", { scale: formatNumber(options.scale, ctx.lang), dir }),
    );
    await generateDataset(dir, { scale: options.scale, propensitySignal: true });
    writeLine(ctx.io.stderr, t(ctx.lang, "demo.importing", { db: options.db }));
    const imported = await runImportCommand(ctx, dir, { db: options.db });
    if (imported !== EXIT.ok) return imported;
  } finally {
    if (!options.data) await rm(dir, { recursive: true, force: true });
  }

  const known = new Set(listMetrics().map((m) => m.id));
  const request: ReportRequest = {
    metrics: HEADLINE_METRICS.filter((id) => known.has(id)),
    grain: "month",
  };
  const result = await withEngine(dbAccess(ctx, options.db, "read"), (engine) => runReport(engine, request));
  const periods = result.periods.slice(-MONTHS_SHOWN);
  const shown = new Set(periods.map((p) => p.label));
  // The headline only: siblings (NPS components, MRR movements…) are one `report` away.
  const headline = new Set<string>(request.metrics === "all" ? [] : request.metrics);
  writeLine(ctx.io.stdout);
  writeLine(ctx.io.stdout, t(ctx.lang, "demo.reportTitle"));
  writeLine(ctx.io.stdout);
  printReport(
    ctx,
    {
      ...result,
      periods,
      values: result.values.filter((v) => shown.has(v.period) && headline.has(v.metric)),
    },
    request,
    "table",
  );
  writeLine(ctx.io.stdout);
  writeLine(ctx.io.stdout, t(ctx.lang, "demo.next", { db: options.db }));
  return EXIT.ok;
}

/**
 * The demo never merges into a database that holds other rows (or an earlier
 * demo): its numbers would silently mix with the user's. A new file, an empty
 * DuckDB file or a crm-kpi database without data rows is fine.
 */
async function assertNoOtherData(ctx: CliContext, db: string): Promise<void> {
  if (db === ":memory:" || !existsSync(path.resolve(db))) return;
  const counts = await withEngine(dbAccess(ctx, db, "create"), (engine) => entityRowCounts(engine));
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (rows === 0) return;
  const rowsText = formatNumber(rows, ctx.lang, 0);
  throw new CrmKpiError(
    "database_error",
    `The database ${db} already holds data (${rowsText} rows); demo writes only into a new or empty database`,
    { file: db, rows: rowsText, messageKey: "database.demo.notEmpty" },
    { file: db },
  );
}
