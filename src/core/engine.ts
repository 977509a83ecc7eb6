import type { CompiledQuery, SqlValue } from "./sql/compiled-query.js";
import type { SqlDialect } from "./sql/dialect.js";

/** A row as read back from an engine: JSON-safe values (DECIMAL as number, timestamps as ISO text). */
export type ResultRow = Record<string, SqlValue>;

/**
 * One database behind crm-kpi. Engines are adapters: they run what the
 * compilers produce and load what the importer validated; they hold no
 * metric or import logic.
 */
export interface Engine {
  readonly dialect: SqlDialect;
  /** Runs a query with bound parameters and returns its rows. */
  query(query: CompiledQuery): Promise<ResultRow[]>;
  /** Runs statements without results (DDL, DML). */
  execute(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Runs `work` in one transaction: all of it is applied, or none. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Bulk-loads rows into `table` through the engine's own fast path (DuckDB's
   * appender, PostgreSQL's COPY). `columns` name the table's columns in row order.
   */
  appendRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void>;
  /**
   * Optional streaming form of `appendRows` for large loads: rows are handed
   * over one at a time, so the caller keeps none of them in memory.
   */
  openBulkLoad?(table: string, columns: readonly string[]): BulkLoad;
  /**
   * A second session on the same database: its own connection, transactions
   * and temp tables, sharing the data. A server gives each request one, so a
   * long import does not block reads, and reads see the data as it was until
   * the import commits. Closing a session leaves the database open.
   */
  openSession(): Promise<Engine>;
  /** Closes this session; closing the engine that opened the database closes the database. */
  close(): Promise<void>;
}

/** Rows on their way into one table (see `Engine.openBulkLoad`). */
export interface BulkLoad {
  /** Takes one row (the engine copies what it needs); true when the caller should now `await flush()`. */
  add(row: readonly SqlValue[]): boolean;
  /** Hands the rows added so far to the engine; a load may still run when it resolves. */
  flush(): Promise<void>;
  /** Loads what is left and resolves once every added row is in the table. */
  close(): Promise<void>;
}
