import { type SqlDialect, storageType } from "../../core/sql/dialect.js";

/**
 * PostgreSQL (15 and later; PGlite is PostgreSQL 18), as it differs from the
 * SQL the compilers assume:
 * - `EXTRACT(EPOCH FROM interval)` is NUMERIC (exact): seconds become a double by cast;
 * - a bound parameter has no type of its own, so the dialect casts the ones it builds;
 * - `percentile_cont(f) WITHIN GROUP (ORDER BY x)` is the continuous percentile;
 * - `AT TIME ZONE` turns a UTC timestamp into local wall time;
 * - text sorts by the database's collation (en-US puts `a10` before `B2`): `COLLATE "C"` sorts by code point;
 * - entity tables get keys and indexes (no zone maps to scan by);
 * - temporary tables are analyzed when created (autovacuum skips them);
 * - no range-join operator: joins to the report's periods also match on a computed period index.
 */
export const postgresDialect: SqlDialect = {
  name: "PostgreSQL",
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
  placeholder: (index) => `$${index}`,
  columnType: (kind) =>
    storageType(kind, {
      text: "TEXT",
      timestamp: "TIMESTAMP",
      date: "DATE",
      integer: "BIGINT",
      number: "DOUBLE PRECISION",
      sourceLine: "INTEGER",
    }),
  timestampParam: (p) => `CAST(${p} AS TIMESTAMP)`,
  secondsBetween: (a, b) => `CAST(EXTRACT(EPOCH FROM (${b} - ${a})) AS DOUBLE PRECISION)`,
  millisecondsBetween: (a, b) => `CAST(EXTRACT(EPOCH FROM (${b} - ${a})) * 1000 AS BIGINT)`,
  addSeconds: (ts, seconds) => `(${ts} + CAST(${seconds} AS DOUBLE PRECISION) * INTERVAL '1 second')`,
  daysBetween: (a, b) => `(CAST(${b} AS DATE) - CAST(${a} AS DATE))`,
  // A plain timestamp is UTC: AT TIME ZONE 'UTC' makes it an instant, the second AT TIME ZONE local wall time.
  localDate: (ts, zone) => `CAST((${ts} AT TIME ZONE 'UTC') AT TIME ZONE CAST(${zone} AS TEXT) AS DATE)`,
  percentileCont: (fraction, expr) => `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${expr})`,
  matchesPattern: (expr, pattern) => `(${expr} ~ CAST(${pattern} AS TEXT))`,
  // Autovacuum never analyzes temporary tables: without statistics the planner
  // guesses their sizes and picks nested loops over the report's relations.
  createTempTableAs: (table, select) => [
    `DROP TABLE IF EXISTS ${table}`,
    `CREATE TEMP TABLE ${table} AS ${select}`,
    `ANALYZE ${table}`,
  ],
  // The period starts as one array, computed once per statement (an InitPlan).
  periodIndex: (instant, periods) =>
    `(width_bucket(${instant}, (SELECT array_agg(start_at ORDER BY idx) FROM ${periods})) - 1)`,
  // How many periods end at or before `instant`: the idx of the first one ending after it.
  firstPeriodEndingAfter: (instant, periods) =>
    `width_bucket(${instant}, (SELECT array_agg(end_at ORDER BY idx) FROM ${periods}))`,
  binaryOrder: (expr) => `(${expr}) COLLATE "C"`,
  // PostgreSQL's own 64-bit hash of the row's text (half the time of an MD5 there), a BIGINT; its SUM is a NUMERIC.
  rowHash: (alias) => `hashtextextended(CAST(${alias} AS TEXT), 0)`,
  indexesEntities: true,
};
