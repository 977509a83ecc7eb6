/**
 * The literal-SQL baseline (issue 10): the statements of METRICS.md written
 * once by hand in bench/literal-sql/*.sql, one statement per metric and
 * grouping, run in file order against an imported database. Each statement
 * is headed by comments:
 *
 *   -- metric: customer_churn_rate
 *   -- by: region            (segment key columns of its rows; `total` for none)
 *
 * and returns a `period` label column, the key columns, and one column per
 * metric id it computes (a mean and its `_median`/`_p90` siblings share one
 * statement, as METRICS.md defines them together). Statements without a
 * `-- by:` header (the periods table, the shared definitions) set the stage
 * and return nothing.
 *
 * The shared definitions are written as views. Mode `tables` (the default)
 * creates them as temporary tables instead, so each is computed once per
 * run, as crm-kpi's own report prelude does; mode `views` leaves them views,
 * so every statement re-derives what it uses.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Engine } from "../src/core/engine.js";

const sqlDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "literal-sql");

export interface LiteralStatement {
  readonly file: string;
  readonly metric: string;
  /** Segment keys; empty for the total. */
  readonly by: readonly string[] | null;
  readonly sql: string;
}

/** One value of the baseline, keyed like crm-kpi's report values. */
export interface LiteralValue {
  readonly metric: string;
  readonly period: string;
  readonly segment: Record<string, string | null> | null;
  readonly value: number | null;
}

export type LiteralMode = "tables" | "views";

export async function loadLiteralStatements(
  mode: LiteralMode = "tables",
  translate: (sql: string) => string = (sql) => sql,
): Promise<LiteralStatement[]> {
  const files = (await readdir(sqlDir)).filter((f) => f.endsWith(".sql")).sort();
  const statements: LiteralStatement[] = [];
  for (const file of files) {
    const written = await readFile(path.join(sqlDir, file), "utf8");
    const text =
      mode === "tables"
        ? written.replaceAll("CREATE OR REPLACE TEMP VIEW", "CREATE OR REPLACE TEMP TABLE")
        : written;
    for (const chunk of text.split(/;[ \t]*$/m)) {
      const sql = chunk.trim();
      if (sql.replace(/^--.*$/gm, "").trim() === "") continue;
      const metric = /^--\s*metric:\s*(\S+)/m.exec(sql)?.[1] ?? "(setup)";
      const byText = /^--\s*by:\s*(.+)$/m.exec(sql)?.[1]?.trim();
      const by =
        byText === undefined ? null : byText === "total" ? [] : byText.split(",").map((s) => s.trim());
      statements.push({ file, metric, by, sql: translate(sql) });
    }
  }
  return statements;
}

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

export interface LiteralRun {
  readonly statements: number;
  readonly seconds: number;
  readonly values: LiteralValue[];
  readonly slowest: { metric: string; by: string; ms: number }[];
}

/** Runs every statement in order, timing the sum (reading the rows back included). */
export async function runLiteralSql(
  engine: Engine,
  mode: LiteralMode = "tables",
  onStatement?: (st: LiteralStatement, ms: number) => void,
  /** Rewrites each statement for another engine (literal-sql-postgres.ts). */
  translate?: (sql: string) => string,
): Promise<LiteralRun> {
  const statements = await loadLiteralStatements(mode, translate);
  const values: LiteralValue[] = [];
  const timings: { metric: string; by: string; ms: number }[] = [];
  const t0 = performance.now();
  for (const st of statements) {
    const t = performance.now();
    if (st.by === null) {
      await engine.execute(st.sql, []);
      continue;
    }
    const rows = await engine.query({ sql: st.sql, params: [] });
    onStatement?.(st, performance.now() - t);
    timings.push({ metric: st.metric, by: st.by.join("+") || "total", ms: performance.now() - t });
    for (const row of rows) {
      const segment =
        st.by.length === 0
          ? null
          : Object.fromEntries(st.by.map((k) => [k, row[k] === null ? null : String(row[k])]));
      for (const [column, raw] of Object.entries(row)) {
        if (column === "period" || st.by.includes(column)) continue;
        values.push({ metric: column, period: String(row.period), segment, value: toNumber(raw) });
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  timings.sort((a, b) => b.ms - a.ms);
  return { statements: timings.length, seconds, values, slowest: timings.slice(0, 5) };
}
