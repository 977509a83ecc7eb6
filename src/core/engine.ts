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
  /**
   * Runs `work` in one transaction: all of it is applied, or none. A `write`
   * transaction (the default) is the database's only writer while it runs: it
   * waits for another one (in any process) up to the engine's lock wait, then
   * fails with `database_busy`. A `read` transaction sees one snapshot of
   * the data from its first statement to its end, whatever commits meanwhile
   * (it may still create TEMP tables). Inside a transaction, another call just
   * runs `work` in the one already open (docs/database.md, Concurrency).
   */
  transaction<T>(work: () => Promise<T>, mode?: TransactionMode): Promise<T>;
  /**
   * Runs `work`, which may span several transactions (an import stages its
   * rows, then commits them in one), as the database's only writer: as a
   * `write` transaction waits and fails, but without a transaction around it.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
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
   * Optional: reads a well-formed CSV file with the engine's own reader into
   * a new TEMP table, `CREATE TEMP TABLE table AS SELECT select FROM file`,
   * where the file's columns are `c0`, `c1`, … (text; NULL for an empty
   * cell) and rows keep the file's order. Returns the SQL expression that
   * gives a row's 0-based record index in `table` (the importer's fast
   * path, src/import/fast-csv-import.ts), or null when the engine cannot
   * number rows so right now (then it created nothing).
   */
  createCsvTable?(table: string, csv: CsvFileSpec, select: readonly string[]): Promise<string | null>;
  /**
   * A second session on the same database: its own connection, transactions
   * and temp tables, sharing the data. A server gives each request one, so a
   * long import does not block reads, and reads see the data as it was until
   * the import commits. Closing a session leaves the database open.
   */
  openSession(): Promise<Engine>;
  /**
   * Optional: calls `onCommit` after a write transaction commits to this
   * database in any session of any process (PostgreSQL's LISTEN/NOTIFY), so a
   * server can drop results it cached before another process's import.
   * Resolves to the function that stops watching. Engines that only one
   * process can write (a DuckDB file) have none.
   */
  watchCommits?(onCommit: () => void): Promise<() => Promise<void>>;
  /** Closes this session; closing the engine that opened the database closes the database. */
  close(): Promise<void>;
}

/** What a transaction does (see `Engine.transaction`). */
export type TransactionMode = "read" | "write";

/** Rows on their way into one table (see `Engine.openBulkLoad`). */
export interface BulkLoad {
  /** Takes one row (the engine copies what it needs); true when the caller should now `await flush()`. */
  add(row: readonly SqlValue[]): boolean;
  /** Hands the rows added so far to the engine; a load may still run when it resolves. */
  flush(): Promise<void>;
  /** Loads what is left and resolves once every added row is in the table. */
  close(): Promise<void>;
}

/** A CSV file as `Engine.createCsvTable` reads it: UTF-8, a header line, RFC 4180 quotes (`"`, doubled to escape). */
export interface CsvFileSpec {
  readonly path: string;
  /** Cells per record, header included. */
  readonly width: number;
  readonly delimiter: string;
}
