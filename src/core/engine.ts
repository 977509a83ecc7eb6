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
  close(): Promise<void>;
}
