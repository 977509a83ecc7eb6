/**
 * The benchmark (issue 10). For each scale: generate (or reuse) a dataset;
 * import it with crm-kpi; run the full monthly report of every metric by
 * region; run the literal-SQL baseline (bench/literal-sql/*.sql) on the same
 * database; load the same files with DuckDB's `read_csv` plus casts; import
 * one more day of orders into a copy and report again. Every phase runs in a
 * child process of its own, so each peak RSS is that phase's alone.
 *
 *   npm run bench                      # scales 1, 10, 100
 *   npm run bench -- --scales 1,10     # fewer scales (also --scale 500)
 *   npm run bench -- --check           # compare baseline and report values at every scale (always at scale 1)
 *   npm run bench -- --regenerate      # regenerate the data even if present
 *   npm run bench -- --no-extras       # skip the dedupe and dashboard benches (their old lines are kept)
 *   npm run bench -- --literal-views   # the baseline's shared definitions as views, re-derived per statement
 *   npm run bench -- --postgres URL    # also import, report and run the literal SQL on a PostgreSQL server
 *                                      # (or CRM_KPI_BENCH_PG; one fresh database per scale; bench/postgres-bench.sh)
 *   npm run bench -- --postgres-only   # with --postgres: skip the DuckDB phases (their old figures are kept)
 *
 * Writes bench/RESULTS.md; the hand-written notes at its end are kept.
 */
import { fork, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MetricValue } from "../src/core/metrics/definition/metric-value.js";
import { generateDataset } from "../src/generator/generate-dataset.js";
import {
  type ImportBaselinePhase,
  type ImportPhase,
  type IncrementalPhase,
  importBaselinePhase,
  importPhase,
  incrementalPhase,
  type LiteralPhase,
  literalPhase,
  type ReportPhase,
  reportPhase,
  reuseText,
} from "./bench-phases.js";
import { type Agreement, compareValues } from "./compare-values.js";
import { benchDashboard, writeDashboardSection } from "./dashboard-bench.js";
import { benchDedupe } from "./dedupe-bench.js";
import { writeExtraDay } from "./extra-day.js";
import type { LiteralMode, LiteralValue } from "./literal-sql.js";
import {
  type PostgresImportPhase,
  type PostgresLiteralPhase,
  type PostgresReportPhase,
  postgresImportPhase,
  postgresLiteralPhase,
  postgresReportPhase,
} from "./postgres-phases.js";
import { benchPropensity } from "./propensity-bench.js";
import { type CliStartup, type PostgresResult, type ScaleResult, writeResults } from "./write-results.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.dirname(benchDir);
const dataDir = path.join(benchDir, "data");
const SEED = 1;

type PhaseName =
  | "import"
  | "report"
  | "literal"
  | "import-baseline"
  | "incremental"
  | "pg-import"
  | "pg-report"
  | "pg-literal";

/** The PostgreSQL server of `--postgres` (children get it through the environment). */
const PG_ENV = "CRM_KPI_BENCH_PG";

/** Child side: one phase, its result sent back over IPC. */
async function runPhase(
  phase: PhaseName,
  scale: number,
  valuesFile: string | undefined,
  mode: LiteralMode,
): Promise<unknown> {
  const dir = path.join(dataDir, `scale-${scale}`);
  const dbFile = path.join(dataDir, `scale-${scale}.duckdb`);
  switch (phase) {
    case "import":
      return importPhase(dir, dbFile);
    case "report":
      return reportPhase(dbFile, valuesFile);
    case "literal":
      return literalPhase(dbFile, mode, valuesFile);
    case "import-baseline":
      return importBaselinePhase(dir, path.join(dataDir, `scale-${scale}.read-csv.duckdb`));
    case "incremental": {
      const extra = await writeExtraDay(dir, path.join(dataDir, `scale-${scale}-extra-day`));
      return incrementalPhase(dbFile, extra, path.join(dataDir, `scale-${scale}.incremental.duckdb`));
    }
    case "pg-import":
      return postgresImportPhase(pgUrl(), scale, dir);
    case "pg-report":
      return postgresReportPhase(pgUrl(), scale, valuesFile);
    case "pg-literal":
      return postgresLiteralPhase(pgUrl(), scale, valuesFile);
  }
}

function pgUrl(): string {
  const url = process.env[PG_ENV];
  if (!url) throw new Error(`the PostgreSQL phases need --postgres URL or ${PG_ENV}`);
  return url;
}

/** Runs one phase in a child process (same loader flags, so tsx keeps working). */
function runChild<T>(
  phase: PhaseName,
  scale: number,
  valuesFile?: string,
  mode?: LiteralMode,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const args = [
      "--phase",
      phase,
      "--scale",
      String(scale),
      ...(valuesFile ? ["--values", valuesFile] : []),
      ...(mode === "views" ? ["--literal-views"] : []),
    ];
    const child = fork(fileURLToPath(import.meta.url), args, { execArgv: process.execArgv, env });
    let result: T | undefined;
    child.on("message", (message) => {
      result = message as T;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(`bench phase ${phase} of scale ${scale} failed (exit ${code})`));
    });
  });
}

async function ensureData(
  scale: number,
  regenerate: boolean,
): Promise<{ generateSeconds: number | null; dataMB: number }> {
  const dir = path.join(dataDir, `scale-${scale}`);
  const marker = path.join(dir, ".bench-generated.json");
  if (!regenerate && existsSync(marker)) {
    const generated = JSON.parse(await readFile(marker, "utf8")) as { bytes: number };
    return { generateSeconds: null, dataMB: generated.bytes / 1e6 };
  }
  await rm(dir, { recursive: true, force: true });
  const t = performance.now();
  const generated = await generateDataset(dir, { scale, seed: SEED });
  const generateSeconds = (performance.now() - t) / 1000;
  await writeFile(marker, JSON.stringify(generated));
  return { generateSeconds, dataMB: generated.bytes / 1e6 };
}

/**
 * CLI start-up: wall time of `node dist/cli/main.js --version`, median of 5.
 * main.js imports the whole CLI statically (every command, the engine, the
 * catalogs), so this is the cost paid before any command reaches its first
 * query. It measures the built dist/, whose build time is recorded beside it.
 */
async function cliStartup(): Promise<CliStartup | null> {
  const main = path.join(repoDir, "dist", "cli", "main.js");
  if (!existsSync(main)) return null;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [main, "--version"], { encoding: "utf8" });
    if (run.status !== 0) return null;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2] ?? 0, builtAt: (await stat(main)).mtime.toISOString() };
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function benchScale(
  scale: number,
  regenerate: boolean,
  check: boolean,
  mode: LiteralMode,
): Promise<ScaleResult> {
  console.error(`scale ${scale}: data…`);
  const data = await ensureData(scale, regenerate);
  const tmp = path.join(dataDir, `scale-${scale}.values`);
  await mkdir(tmp, { recursive: true });
  const reportValues = check ? path.join(tmp, "report.json") : undefined;
  const literalValues = check ? path.join(tmp, "literal.json") : undefined;
  console.error(`scale ${scale}: import…`);
  const imported = await runChild<ImportPhase>("import", scale);
  console.error(
    `  ${fmt(imported.rows)} rows in ${fmt(imported.seconds, 1)} s, peak RSS ${fmt(imported.peakRssMB)} MB`,
  );
  const report = await runChild<ReportPhase>("report", scale, reportValues);
  console.error(`  report ${fmt(report.seconds, 2)} s, peak RSS ${fmt(report.peakRssMB)} MB`);
  const literal = await runLiteral(scale, literalValues, mode);
  console.error(
    `  literal SQL ${fmt(literal.seconds, 2)} s (${literal.statements} statements, shared definitions as ${mode}` +
      `${literal.memoryLimit ? `, memory budget ${literal.memoryLimit}` : ""})`,
  );
  let agreement: Agreement | null = null;
  if (reportValues && literalValues) {
    const r = JSON.parse(await readFile(reportValues, "utf8")) as MetricValue[];
    const l = JSON.parse(await readFile(literalValues, "utf8")) as LiteralValue[];
    agreement = compareValues(r, l);
    console.error(
      `  baseline agreement: ${fmt(agreement.agree)} of ${fmt(agreement.compared)} values ` +
        `(${agreement.metricsAllAgree} of ${agreement.metricsCompared} metrics wholly); ${fmt(agreement.reportOnly)} report values have no baseline row`,
    );
    for (const d of agreement.disagreements)
      console.error(`    ${d.metric}: ${d.differ}/${d.of} differ, e.g. ${d.example}`);
  }
  await rm(tmp, { recursive: true, force: true });
  const baseline = await runChild<ImportBaselinePhase>("import-baseline", scale);
  console.error(`  read_csv + casts ${fmt(baseline.rows)} rows in ${fmt(baseline.seconds, 2)} s`);
  const incremental = await runChild<IncrementalPhase>("incremental", scale);
  console.error(
    `  one more day (${fmt(incremental.orders)} orders, ${fmt(incremental.ordersBefore)} → ${fmt(incremental.ordersAfter)}, ` +
      `other tables ${incremental.othersUnchanged ? "unchanged" : "CHANGED"}): import ${fmt(incremental.importSeconds, 2)} s + ` +
      `kept report brought up to date ${fmt(incremental.reportSeconds, 2)} s (${reuseText(incremental.reuse)}; ` +
      `${incremental.sameValues ? "same values" : "VALUES DIFFER"} as computed anew in ${fmt(incremental.freshReportSeconds, 2)} s); ` +
      `through ${incremental.throughDay.to}: ${fmt(incremental.throughDay.seconds, 2)} s (${reuseText(incremental.throughDay.reuse)}; ` +
      `${incremental.throughDay.sameValues ? "same values" : "VALUES DIFFER"})`,
  );
  return { scale, seed: SEED, ...data, imported, report, literal, agreement, baseline, incremental };
}

/**
 * DuckDB's budget for the literal SQL when crm-kpi's own is not enough for it
 * (at scale 500 one of its statements runs out of 500 MB): the baseline is
 * then measured with more memory than crm-kpi's report had, never skipped.
 */
const LITERAL_FALLBACK_MEMORY = "4GB";

async function runLiteral(
  scale: number,
  valuesFile: string | undefined,
  mode: LiteralMode,
): Promise<LiteralPhase> {
  try {
    return await runChild<LiteralPhase>("literal", scale, valuesFile, mode);
  } catch (error) {
    if (process.env.CRM_KPI_DUCKDB_MEMORY) throw error;
    console.error(`  literal SQL failed at crm-kpi's memory budget; again with ${LITERAL_FALLBACK_MEMORY}`);
    const env = { ...process.env, CRM_KPI_DUCKDB_MEMORY: LITERAL_FALLBACK_MEMORY };
    return runChild<LiteralPhase>("literal", scale, valuesFile, mode, env);
  }
}

/** The same files on PostgreSQL: import into a fresh database, the same report, the literal SQL, values compared. */
async function benchPostgres(scale: number, check: boolean): Promise<PostgresResult> {
  await ensureData(scale, false);
  const tmp = path.join(dataDir, `scale-${scale}.pg-values`);
  await mkdir(tmp, { recursive: true });
  const reportValues = check ? path.join(tmp, "report.json") : undefined;
  const literalValues = check ? path.join(tmp, "literal.json") : undefined;
  console.error(`scale ${scale}: PostgreSQL import…`);
  const imported = await runChild<PostgresImportPhase>("pg-import", scale);
  console.error(
    `  ${fmt(imported.rows)} rows in ${fmt(imported.seconds, 1)} s (PostgreSQL ${imported.serverVersion})`,
  );
  const report = await runChild<PostgresReportPhase>("pg-report", scale, reportValues);
  console.error(`  report ${fmt(report.seconds, 2)} s (${report.statements} statements)`);
  for (const s of report.slowest) console.error(`    ${fmt(s.ms)} ms ${s.statement}`);
  const literal = await runChild<PostgresLiteralPhase>("pg-literal", scale, literalValues);
  console.error(`  literal SQL ${fmt(literal.seconds, 2)} s (${literal.statements} statements)`);
  let agreement: Agreement | null = null;
  if (reportValues && literalValues) {
    const r = JSON.parse(await readFile(reportValues, "utf8")) as MetricValue[];
    const l = JSON.parse(await readFile(literalValues, "utf8")) as LiteralValue[];
    agreement = compareValues(r, l);
    console.error(
      `  baseline agreement: ${fmt(agreement.agree)} of ${fmt(agreement.compared)} values ` +
        `(${agreement.metricsAllAgree} of ${agreement.metricsCompared} metrics wholly)`,
    );
    for (const d of agreement.disagreements)
      console.error(`    ${d.metric}: ${d.differ}/${d.of} differ, e.g. ${d.example}`);
  }
  await rm(tmp, { recursive: true, force: true });
  return { scale, imported, report, literal, agreement };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const regenerate = argv.includes("--regenerate");
  const mode: LiteralMode = argv.includes("--literal-views") ? "views" : "tables";
  const postgres = arg("--postgres");
  if (postgres) process.env[PG_ENV] = postgres;
  const postgresOnly = argv.includes("--postgres-only");
  const phase = arg("--phase");
  if (phase) {
    const result = await runPhase(phase as PhaseName, Number(arg("--scale")), arg("--values"), mode);
    // the IPC channel keeps the child alive until it is let go
    process.send?.(result, () => process.disconnect?.());
    return;
  }
  const scales = (arg("--scales") ?? arg("--scale") ?? "1,10,100")
    .split(",")
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  if (scales.length === 0) throw new Error("--scales takes a list such as 1,10,100");
  await mkdir(dataDir, { recursive: true });
  // --postgres-only keeps the DuckDB figures, the start-up line among them.
  const startup = postgresOnly ? null : await cliStartup();
  if (!postgresOnly)
    console.error(
      startup
        ? `CLI start-up ${fmt(startup.ms)} ms`
        : "CLI start-up: dist/cli/main.js missing (npm run build)",
    );
  const check = (scale: number) => argv.includes("--check") || scale === 1;
  const results: ScaleResult[] = [];
  if (!postgresOnly)
    for (const scale of scales) results.push(await benchScale(scale, regenerate, check(scale), mode));
  const pgResults: PostgresResult[] = [];
  if (process.env[PG_ENV])
    for (const scale of scales) pgResults.push(await benchPostgres(scale, check(scale)));
  const extras = !argv.includes("--no-extras") && !postgresOnly;
  // Duplicate detection (issue 4): 100,000 synthesized customers, bench/dedupe-bench.ts.
  const dedupe = extras ? await benchDedupe() : undefined;
  // Upsell and churn propensity on the demo data (issue 12): bench/propensity-bench.ts.
  const propensity = extras ? await benchPropensity(1, regenerate) : undefined;
  await writeResults(results, startup, dedupe, propensity, pgResults);
  console.error("wrote bench/RESULTS.md");
  // The dashboard and the API at scale 10 (issue 7): bench/dashboard-bench.ts, a section of its own.
  if (extras) {
    await writeDashboardSection(await benchDashboard({ regenerate }));
    console.error("wrote the dashboard section");
  }
}

await main();
