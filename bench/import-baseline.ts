/**
 * The import baseline (issue 10): DuckDB's own `read_csv` of each canonical
 * file with every column as VARCHAR, then `CREATE TABLE … AS SELECT` with a
 * cast of each column to the type crm-kpi stores it as (empty cell → NULL).
 * No validation, no currency conversion, no upsert: what a user who only
 * wanted typed tables would write.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ENTITIES } from "../src/core/model/entities.js";
import { duckdbDialect } from "../src/engines/duckdb/duckdb-dialect.js";

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** One statement per canonical file present in `dir`. */
export function importBaselineStatements(dir: string): { entity: string; sql: string }[] {
  const statements: { entity: string; sql: string }[] = [];
  for (const entity of ENTITIES) {
    const file = path.join(dir, `${entity.name}.csv`);
    if (!existsSync(file)) continue;
    const q = duckdbDialect.quoteIdentifier;
    const casts = entity.columns.map(
      (c) => `CAST(NULLIF(TRIM(${q(c.name)}), '') AS ${duckdbDialect.columnType(c.kind)}) AS ${q(c.name)}`,
    );
    statements.push({
      entity: entity.name,
      sql: `CREATE TABLE ${q(entity.name)} AS SELECT ${casts.join(", ")} FROM read_csv(${quote(file)}, header = true, all_varchar = true)`,
    });
  }
  return statements;
}
