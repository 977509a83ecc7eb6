import { assertUnreachable } from "../errors.js";
import type { ColumnKind } from "../model/entities.js";

/**
 * What differs between SQL engines, and nothing else. Shared code asks the
 * dialect; it never tests an engine's name.
 */
export interface SqlDialect {
  /** For messages only. */
  readonly name: string;
  quoteIdentifier(name: string): string;
  /** Placeholder of the 1-based parameter `index`. */
  placeholder(index: number): string;
  /** Storage type of a canonical column kind. */
  columnType(kind: ColumnKind | "source_line"): string;
  /** Casts a bound text parameter to a timestamp (UTC instant). */
  timestampParam(placeholder: string): string;
  /** Seconds between two timestamp expressions, as a double (b − a). */
  secondsBetween(a: string, b: string): string;
  /** Whole milliseconds between two timestamp expressions (b − a), as an exact integer: sums of it do not depend on summation order. */
  millisecondsBetween(a: string, b: string): string;
  /** A timestamp expression moved by a number of seconds (an SQL expression). */
  addSeconds(timestamp: string, seconds: string): string;
  /** Days between two DATE expressions (b − a) as an integer. */
  daysBetween(a: string, b: string): string;
  /** Local calendar date (DATE) of a UTC timestamp in the time zone `timeZone` (an SQL text expression, usually bound). */
  localDate(timestamp: string, timeZone: string): string;
  /** Continuous percentile (linear interpolation) of `expr`, `fraction` in 0..1, as an aggregate. */
  percentileCont(fraction: number, expr: string): string;
  /** Whether text `expr` matches the regular expression `pattern` (an SQL text expression, usually bound; anchor it with ^…$ for a whole match). */
  matchesPattern(expr: string, pattern: string): string;
  /** Statements that (re)create temporary table `table` (quoted) as the result of `select`, replacing one of that name (and gather its statistics where the planner needs them). */
  createTempTableAs(table: string, select: string): string[];
  /**
   * Where range joins are slow: the 0-based idx of the row of `periods` (a
   * table of idx and start_at, chronological) that starts last at or before
   * `instant`, so a join to the periods can match on idx. Undefined: the
   * range conditions alone (DuckDB joins ranges well).
   */
  periodIndex?(instant: string, periods: string): string;
  /** Like `periodIndex`: the 0-based idx of the first row of `periods` whose end_at is after `instant` (the row count past the last end). */
  firstPeriodEndingAfter?(instant: string, periods: string): string;
  /**
   * Text `expr` as an ORDER BY key that sorts by code point, as DuckDB does,
   * whatever collation the database was created with: ids tie-break the same
   * on every engine (`a10` before `B2` under en-US, after it here).
   */
  binaryOrder(expr: string): string;
  /**
   * A 64-bit hash of every value of the row of table alias `alias`, as an
   * integer whose SUM is exact: a table's fingerprint (report/data-fingerprint.ts).
   */
  rowHash(alias: string): string;
  /**
   * Whether entity tables get their primary keys and indexes on their keys
   * and customer references (migration 5). PostgreSQL needs them for the
   * re-import replace, merges, drill-downs and correlated probes; DuckDB scans columns with zone maps and
   * decorrelates subqueries, and its ART indexes would slow bulk loads and
   * forbid updating an indexed column in place.
   */
  readonly indexesEntities: boolean;
}

export const MONEY_SQL_TYPE = "DECIMAL(38,12)";

/** An engine's names for the storage types (money and decimals are MONEY_SQL_TYPE everywhere). */
export interface StorageTypeNames {
  readonly text: string;
  readonly timestamp: string;
  readonly date: string;
  readonly integer: string;
  readonly number: string;
  readonly sourceLine: string;
}

/** The storage type of a canonical column kind, in an engine's names (`SqlDialect.columnType`). */
export function storageType(kind: ColumnKind | "source_line", names: StorageTypeNames): string {
  switch (kind) {
    case "id":
    case "text":
    case "enum":
    case "currency":
      return names.text;
    case "timestamp":
      return names.timestamp;
    case "date":
      return names.date;
    case "money":
    case "decimal":
      return MONEY_SQL_TYPE;
    case "integer":
      return names.integer;
    case "number":
      return names.number;
    case "source_line":
      return names.sourceLine;
    default:
      return assertUnreachable(kind);
  }
}
