/**
 * The phases of one scale, each run in a child process of its own so that
 * its peak RSS (`process.resourceUsage().maxRSS`) is its own: crm-kpi's
 * import, crm-kpi's report, the literal-SQL baseline, the `read_csv`
 * baseline of the import, and the incremental import of one more day plus
 * a report.
 */
import { copyFile, rm, writeFile } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  DUCKDB_CONNECTION_SETUP,
  duckdbInstanceSettings,
  openDuckDB,
} from "../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../src/import/import-dataset.js";
import { entityRowCounts } from "../src/report/data-range.js";
import { type ReuseOutcome, reportReusing } from "../src/report/reuse-report.js";
import { type ReportRequest, runReport } from "../src/report/run-report.js";
import { importBaselineStatements } from "./import-baseline.js";
import { type LiteralMode, runLiteralSql } from "./literal-sql.js";

export const REPORT: ReportRequest = {
  metrics: "all",
  grain: "month",
  calendar: "gregorian",
  by: ["region"],
};

/** maxRSS is in kilobytes. */
const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;

export interface ImportPhase {
  readonly rows: number;
  readonly seconds: number;
  readonly errors: number;
  readonly peakRssMB: number;
}

export interface ReportPhase {
  readonly seconds: number;
  readonly values: number;
  readonly periods: number;
  readonly peakRssMB: number;
  readonly duckdbVersion: string;
}

export interface LiteralPhase {
  readonly mode: LiteralMode;
  readonly seconds: number;
  readonly statements: number;
  readonly values: number;
  readonly slowest: { metric: string; by: string; ms: number }[];
  readonly peakRssMB: number;
  /** The memory budget the literal SQL ran with when it was not crm-kpi's default (see runLiteral in run-bench.ts). */
  readonly memoryLimit?: string;
}

export interface ImportBaselinePhase {
  readonly rows: number;
  readonly seconds: number;
  readonly peakRssMB: number;
}

export interface IncrementalPhase {
  readonly day: string;
  readonly orders: number;
  readonly importedRows: number;
  /** Orders before and after, and whether every other table kept its row count (the folder held only orders.csv). */
  readonly ordersBefore: number;
  readonly ordersAfter: number;
  readonly othersUnchanged: boolean;
  readonly importSeconds: number;
  /** The report kept from before the import (as the server keeps its last one), brought up to date. */
  readonly reportSeconds: number;
  /** What that took (report/reuse-report.ts): the periods computed again, per group of metrics; absent in runs from before. */
  readonly reuse?: ReuseOutcome;
  /** The same report computed anew after the import, as a one-shot `crm-kpi report` does. */
  readonly freshReportSeconds: number;
  /** Whether the two gave the same values, byte for byte. */
  readonly sameValues: boolean;
  /** The report through the new day's period (`to` its label), kept and brought up to date. */
  readonly throughDay: {
    readonly to: string;
    readonly seconds: number;
    readonly reuse: ReuseOutcome;
    readonly sameValues: boolean;
  };
  readonly peakRssMB: number;
}

/** A reuse outcome in a few words: `all`, `none`, or the first period recomputed per group of metrics. */
export function reuseText(outcome: ReuseOutcome | undefined): string {
  if (!outcome) return "—";
  if (outcome.kind === "computed") return "all";
  if (outcome.kind === "unchanged" || outcome.groups.length === 0) return "none";
  return outcome.groups.map((g) => `${g.metrics} metrics from ${g.from}`).join(", ");
}

export async function importPhase(dataDir: string, dbFile: string): Promise<ImportPhase> {
  await rm(dbFile, { force: true });
  await rm(`${dbFile}.wal`, { force: true });
  const engine = await openDuckDB(dbFile);
  try {
    const t0 = performance.now();
    const imported = await importDataset(engine, dataDir);
    const seconds = (performance.now() - t0) / 1000;
    const rows = Object.values(imported.rowsByEntity).reduce((a, b) => a + b, 0);
    return { rows, seconds, errors: imported.errors.length, peakRssMB: peakRssMB() };
  } finally {
    await engine.close();
  }
}

/** The full report; with `valuesFile`, its values are written there (for the agreement check). */
export async function reportPhase(dbFile: string, valuesFile?: string): Promise<ReportPhase> {
  const engine = await openDuckDB(dbFile);
  try {
    const t0 = performance.now();
    const report = await runReport(engine, REPORT);
    const seconds = (performance.now() - t0) / 1000;
    if (valuesFile) await writeFile(valuesFile, JSON.stringify(report.values));
    const [version] = await engine.query({ sql: "SELECT version() AS v", params: [] });
    return {
      seconds,
      values: report.values.length,
      periods: report.periods.length,
      peakRssMB: peakRssMB(),
      duckdbVersion: String(version?.v ?? "?"),
    };
  } finally {
    await engine.close();
  }
}

export async function literalPhase(
  dbFile: string,
  mode: LiteralMode,
  valuesFile?: string,
): Promise<LiteralPhase> {
  const engine = await openDuckDB(dbFile);
  try {
    const run = await runLiteralSql(engine, mode);
    if (valuesFile) await writeFile(valuesFile, JSON.stringify(run.values));
    return {
      mode,
      ...(process.env.CRM_KPI_DUCKDB_MEMORY ? { memoryLimit: process.env.CRM_KPI_DUCKDB_MEMORY } : {}),
      seconds: run.seconds,
      statements: run.statements,
      values: run.values.length,
      slowest: run.slowest,
      peakRssMB: peakRssMB(),
    };
  } finally {
    await engine.close();
  }
}

/** Same memory budget and connection settings as crm-kpi's engine (duckdb-engine.ts), in a fresh file without crm-kpi's schema. */
export async function importBaselinePhase(dataDir: string, dbFile: string): Promise<ImportBaselinePhase> {
  await rm(dbFile, { force: true });
  await rm(`${dbFile}.wal`, { force: true });
  const instance = await DuckDBInstance.create(dbFile, duckdbInstanceSettings());
  const connection = await instance.connect();
  // The same storage (text without FSST) as crm-kpi's import writes, so the ratio compares like with like.
  for (const statement of DUCKDB_CONNECTION_SETUP) await connection.run(statement);
  try {
    const t0 = performance.now();
    let rows = 0;
    await connection.run("BEGIN TRANSACTION");
    for (const st of importBaselineStatements(dataDir)) {
      await connection.run(st.sql);
      const count = await connection.runAndReadAll(`SELECT COUNT(*) AS n FROM "${st.entity}"`);
      rows += Number(count.getRowObjects()[0]?.n ?? 0);
    }
    await connection.run("COMMIT");
    await connection.run("CHECKPOINT");
    const seconds = (performance.now() - t0) / 1000;
    return { rows, seconds, peakRssMB: peakRssMB() };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dbFile, { force: true });
    await rm(`${dbFile}.wal`, { force: true });
  }
}

/**
 * Imports a folder holding only one more day's orders.csv into a copy of
 * `dbFile`, then brings the report kept from before up to date, and
 * computes it anew for comparison.
 */
export async function incrementalPhase(
  dbFile: string,
  extra: { dir: string; day: string; orders: number },
  copyFileName: string,
): Promise<IncrementalPhase> {
  await rm(copyFileName, { force: true });
  await rm(`${copyFileName}.wal`, { force: true });
  await copyFile(dbFile, copyFileName);
  const engine = await openDuckDB(copyFileName);
  try {
    const before = await entityRowCounts(engine);
    // What a running server holds before the import: its last reports (not timed).
    const kept = await reportReusing(engine, REPORT);
    const to = extra.day.slice(0, 7);
    const throughDay = { ...REPORT, to };
    const keptThroughDay = await reportReusing(engine, throughDay);
    const t0 = performance.now();
    const imported = await importDataset(engine, extra.dir);
    const importSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const reused = await reportReusing(engine, REPORT, kept.kept);
    const reportSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    const fresh = await runReport(engine, REPORT);
    const freshReportSeconds = (performance.now() - t2) / 1000;
    const t3 = performance.now();
    const reusedThroughDay = await reportReusing(engine, throughDay, keptThroughDay.kept);
    const throughDaySeconds = (performance.now() - t3) / 1000;
    const freshThroughDay = await runReport(engine, throughDay);
    const after = await entityRowCounts(engine);
    const importedRows = Object.values(imported.rowsByEntity).reduce((a, b) => a + b, 0);
    const othersUnchanged = Object.entries(before).every(
      ([entity, n]) => entity === "orders" || after[entity as keyof typeof after] === n,
    );
    return {
      day: extra.day,
      orders: extra.orders,
      importedRows,
      ordersBefore: before.orders,
      ordersAfter: after.orders,
      othersUnchanged,
      importSeconds,
      reportSeconds,
      reuse: reused.outcome,
      freshReportSeconds,
      sameValues: JSON.stringify(reused.result.values) === JSON.stringify(fresh.values),
      throughDay: {
        to,
        seconds: throughDaySeconds,
        reuse: reusedThroughDay.outcome,
        sameValues: JSON.stringify(reusedThroughDay.result.values) === JSON.stringify(freshThroughDay.values),
      },
      peakRssMB: peakRssMB(),
    };
  } finally {
    await engine.close();
    await rm(copyFileName, { force: true });
    await rm(`${copyFileName}.wal`, { force: true });
  }
}
