import { type SqlDialect, storageType } from "../../core/sql/dialect.js";

/**
 * DuckDB, as it differs from the SQL the compilers assume:
 * - parameters are `$1`, `$2`, …;
 * - `epoch(interval)` gives seconds as a double;
 * - `quantile_cont` is the continuous percentile (PostgreSQL: `percentile_cont … WITHIN GROUP`).
 * - `timezone(zone, timestamptz)` (ICU) gives local wall time (PostgreSQL: `AT TIME ZONE`).
 */
export const duckdbDialect: SqlDialect = {
  name: "DuckDB",
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
  placeholder: (index) => `$${index}`,
  columnType: (kind) =>
    storageType(kind, {
      text: "VARCHAR",
      timestamp: "TIMESTAMP",
      date: "DATE",
      integer: "BIGINT",
      number: "DOUBLE",
      sourceLine: "INTEGER",
    }),
  timestampParam: (p) => `CAST(${p} AS TIMESTAMP)`,
  secondsBetween: (a, b) => `epoch(${b} - ${a})`,
  millisecondsBetween: (a, b) => `(epoch_ms(${b}) - epoch_ms(${a}))`,
  addSeconds: (ts, seconds) => `(${ts} + to_seconds(CAST(${seconds} AS DOUBLE)))`,
  daysBetween: (a, b) => `datediff('day', ${a}, ${b})`,
  // timezone('UTC', ts) reads a plain timestamp as UTC whatever the session zone; the outer call gives local wall time.
  localDate: (ts, zone) => `CAST(timezone(${zone}, timezone('UTC', ${ts})) AS DATE)`,
  percentileCont: (fraction, expr) => `quantile_cont(${expr}, ${fraction})`,
  matchesPattern: (expr, pattern) => `regexp_matches(${expr}, ${pattern})`,
  createTempTableAs: (table, select) => [`CREATE OR REPLACE TEMP TABLE ${table} AS ${select}`],
  // DuckDB's default collation is binary: text already sorts by code point.
  binaryOrder: (expr) => expr,
  // UBIGINT; its SUM is a HUGEINT.
  rowHash: (alias) => `hash(${alias})`,
  indexesEntities: false,
};
