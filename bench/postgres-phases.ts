/**
 * The PostgreSQL phases of the bench (issue 11, part 5): the same files
 * imported into a fresh database of the server at `--postgres URL` (or
 * CRM_KPI_BENCH_PG), the same full report, and the literal SQL translated
 * mechanically for PostgreSQL (literal-sql-postgres.ts). Each runs in a child
 * process of its own, as the DuckDB phases do.
 */
import { writeFile } from "node:fs/promises";
import pg from "pg";
import type { Engine } from "../src/core/engine.js";
import { openPostgres } from "../src/engines/postgres/open-postgres.js";
import { importDataset } from "../src/import/import-dataset.js";
import { runReport } from "../src/report/run-report.js";
import { REPORT } from "./bench-phases.js";
import { runLiteralSql } from "./literal-sql.js";
import { toPostgres } from "./literal-sql-postgres.js";

const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;

export interface PostgresImportPhase {
  readonly rows: number;
  readonly seconds: number;
  readonly errors: number;
  readonly peakRssMB: number;
  readonly serverVersion: string;
}

export interface PostgresReportPhase {
  readonly seconds: number;
  readonly values: number;
  readonly statements: number;
  /** The slowest statements (prelude relations by table, metric statements by index). */
  readonly slowest: { statement: string; ms: number }[];
  readonly peakRssMB: number;
}

export interface PostgresLiteralPhase {
  readonly seconds: number;
  readonly statements: number;
  readonly values: number;
  readonly slowest: { metric: string; by: string; ms: number }[];
  readonly peakRssMB: number;
}

/** The bench's own database for a scale on the server at `url`. */
export function scaleDatabaseUrl(url: string, scale: number): string {
  const u = new URL(url);
  u.pathname = `/crm_kpi_bench_${scale}`;
  return u.toString();
}

async function recreateDatabase(url: string, scale: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS crm_kpi_bench_${scale}`);
    await client.query(`CREATE DATABASE crm_kpi_bench_${scale}`);
  } finally {
    await client.end();
  }
}

export async function postgresImportPhase(
  url: string,
  scale: number,
  dataDir: string,
): Promise<PostgresImportPhase> {
  await recreateDatabase(url, scale);
  const engine = await openPostgres(scaleDatabaseUrl(url, scale));
  try {
    const t0 = performance.now();
    const imported = await importDataset(engine, dataDir);
    const seconds = (performance.now() - t0) / 1000;
    // Statistics for the planner, as autovacuum would gather them soon after a bulk load.
    await engine.execute("ANALYZE");
    const rows = Object.values(imported.rowsByEntity).reduce((a, b) => a + b, 0);
    const [version] = await engine.query({ sql: "SHOW server_version", params: [] });
    return {
      rows,
      seconds,
      errors: imported.errors.length,
      peakRssMB: peakRssMB(),
      serverVersion: String(version?.server_version ?? "?"),
    };
  } finally {
    await engine.close();
  }
}

/** An engine that times each statement it runs (bench only). */
function timed(engine: Engine, times: { statement: string; ms: number }[]): Engine {
  const label = (sql: string): string =>
    /CREATE TEMP(?:ORARY)? TABLE\s+("?[\w]+"?)/i.exec(sql)?.[1] ?? sql.replace(/\s+/g, " ").slice(0, 80);
  return new Proxy(engine, {
    get(target, prop, receiver) {
      if (prop === "execute")
        return async (sql: string, params: never[]) => {
          const t = performance.now();
          await target.execute(sql, params);
          times.push({ statement: label(sql), ms: performance.now() - t });
        };
      if (prop === "query")
        return async (q: { sql: string; params: never[] }) => {
          const t = performance.now();
          const rows = await target.query(q);
          times.push({ statement: `metrics #${times.length}: ${label(q.sql)}`, ms: performance.now() - t });
          return rows;
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}

export async function postgresReportPhase(
  url: string,
  scale: number,
  valuesFile?: string,
): Promise<PostgresReportPhase> {
  const engine = await openPostgres(scaleDatabaseUrl(url, scale));
  try {
    const times: { statement: string; ms: number }[] = [];
    const t0 = performance.now();
    const report = await runReport(timed(engine, times), REPORT);
    const seconds = (performance.now() - t0) / 1000;
    if (valuesFile) await writeFile(valuesFile, JSON.stringify(report.values));
    const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 8);
    if (process.env.CRM_KPI_BENCH_TIMES)
      await writeFile(process.env.CRM_KPI_BENCH_TIMES, JSON.stringify(times, null, 1));
    return {
      seconds,
      values: report.values.length,
      statements: times.length,
      slowest,
      peakRssMB: peakRssMB(),
    };
  } finally {
    await engine.close();
  }
}

export async function postgresLiteralPhase(
  url: string,
  scale: number,
  valuesFile?: string,
): Promise<PostgresLiteralPhase> {
  const engine = await openPostgres(scaleDatabaseUrl(url, scale));
  try {
    const run = await runLiteralSql(engine, "tables", undefined, toPostgres);
    if (valuesFile) await writeFile(valuesFile, JSON.stringify(run.values));
    return {
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
