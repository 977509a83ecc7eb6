import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { BulkLoad, CsvFileSpec, Engine, ResultRow, TransactionMode } from "../../core/engine.js";
import type { CompiledQuery, SqlValue } from "../../core/sql/compiled-query.js";
import { migrate } from "../migrate.js";
import { appendWithDuckDBCopy, openDuckDBCopyLoad } from "./duckdb-append.js";
import { createDuckDBCsvTable } from "./duckdb-csv.js";
import { duckdbDialect } from "./duckdb-dialect.js";
import { readRowObjects } from "./read-rows.js";

/**
 * DuckDB's own memory budget. Its default (80 % of RAM) lets a large import hold
 * gigabytes of buffers; with a budget it spills to disk instead. Override with
 * CRM_KPI_DUCKDB_MEMORY (e.g. `4GB`). The process needs more than the budget
 * (allocations outside DuckDB's buffer pool, Node itself): 500 MB keeps a
 * scale-100 import and report under 1 GB of resident memory at the same speed
 * (600 MB left the report at 0.9–1.09 GB, 750 MB at 1.08 GB; bench/RESULTS.md),
 * and a scale-500 report still finishes (79 s, 1.13 GB).
 */
const DEFAULT_MEMORY_LIMIT = "500MB";

/**
 * Settings every crm-kpi DuckDB instance opens with (the bench's baselines use
 * them too, so that they run on the same budget). DuckDB's allocator keeps
 * freed memory for reuse up to a threshold; a low threshold and its background
 * threads hand it back to the system, which cut a scale-100 report's peak RSS
 * from 1.74 GB to 1.26 GB at the same speed.
 */
export function duckdbInstanceSettings(): Record<string, string> {
  return {
    memory_limit: process.env.CRM_KPI_DUCKDB_MEMORY ?? DEFAULT_MEMORY_LIMIT,
    allocator_flush_threshold: "16MB",
    allocator_background_threads: "true",
    ...threadsSetting(),
  };
}

export interface OpenDuckDBOptions {
  /**
   * Open with DuckDB's `access_mode = READ_ONLY`: many such processes may read
   * one file at once (but none while a process writes it). Never migrates.
   */
  readonly readOnly?: boolean;
  /** Bring the schema up to date on open; default: when not read-only. */
  readonly migrate?: boolean;
}

/** Opens (and creates or migrates) a DuckDB database file; `:memory:` for a throwaway one. */
export async function openDuckDB(path: string, options: OpenDuckDBOptions = {}): Promise<Engine> {
  const readOnly = options.readOnly === true;
  const instance = await DuckDBInstance.create(path, {
    ...duckdbInstanceSettings(),
    ...(readOnly ? { access_mode: "READ_ONLY" } : {}),
  });
  let engine: Engine | undefined;
  try {
    engine = new DuckDBEngine(instance, await openConnection(instance), true, readOnly);
    if (options.migrate ?? !readOnly) await migrate(engine);
    return engine;
  } catch (error) {
    // A failed open must not keep the file (and its lock) open.
    if (engine) await engine.close();
    else instance.closeSync();
    throw error;
  }
}

/**
 * DuckDB's worker threads: its default (one per core) unless
 * CRM_KPI_DUCKDB_THREADS sets a count. Results do not depend on it (sums are
 * exact, rows sorted); the reproducibility test runs with 1 and with 4.
 */
function threadsSetting(): { threads?: string } {
  const threads = process.env.CRM_KPI_DUCKDB_THREADS;
  return threads && /^[1-9][0-9]*$/.test(threads) ? { threads } : {};
}

/**
 * Settings every crm-kpi DuckDB connection runs first. Reports join big
 * tables (orders, stage entries) to a few dozen periods by range: a nested
 * loop over ≤ 64 periods beats the default piecewise merge join, which sorts
 * the big side. Text is stored without FSST (dictionary compression still
 * applies): FSST's analysis and compression were a tenth of a scale-100
 * import, for a file a quarter smaller and reports no faster
 * (docs/database.md). DuckDB ignores this one as an instance option.
 */
export const DUCKDB_CONNECTION_SETUP: readonly string[] = [
  "SET nested_loop_join_threshold = 64",
  "SET disabled_compression_methods = 'fsst'",
];

async function openConnection(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await DuckDBConnection.create(instance);
  for (const statement of DUCKDB_CONNECTION_SETUP) await connection.run(statement);
  return connection;
}

class DuckDBEngine implements Engine {
  readonly dialect = duckdbDialect;
  private inTransaction = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** True for the engine that opened the file: closing it closes the database. */
    private readonly ownsInstance: boolean,
    /** Opened READ_ONLY: then no process writes the file while this one reads it. */
    private readonly readOnly = false,
  ) {}

  async openSession(): Promise<Engine> {
    return new DuckDBEngine(this.instance, await openConnection(this.instance), false, this.readOnly);
  }

  async query(query: CompiledQuery): Promise<ResultRow[]> {
    return readRowObjects(await this.connection.runAndReadAll(query.sql, toDuckValues(query.params)));
  }

  async execute(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.connection.run(sql, params.length > 0 ? toDuckValues(params) : undefined);
  }

  /**
   * Both modes are one DuckDB transaction: DuckDB's MVCC gives each a snapshot,
   * and its file lock (one writing process) and the server's write queue (one
   * writing session) already make a writer the only one. A read of a file
   * opened read-only needs none: DuckDB's file lock keeps every writer out
   * while it is open (and a report's TEMP tables stay outside a transaction's
   * undo buffers, as they always were).
   */
  async transaction<T>(work: () => Promise<T>, mode: TransactionMode = "write"): Promise<T> {
    if (this.inTransaction || (mode === "read" && this.readOnly)) return work();
    await this.connection.run("BEGIN TRANSACTION");
    this.inTransaction = true;
    try {
      const result = await work();
      await this.connection.run("COMMIT");
      return result;
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  appendRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void> {
    return appendWithDuckDBCopy(this.connection, table, columns, rows);
  }

  openBulkLoad(table: string, columns: readonly string[]): BulkLoad {
    return openDuckDBCopyLoad(this.connection, table, columns);
  }

  createCsvTable(table: string, csv: CsvFileSpec, select: readonly string[]): Promise<string | null> {
    // Inside a transaction DuckDB numbers uncommitted rows from 2^55 on: `rowid` is no record index then.
    if (this.inTransaction) return Promise.resolve(null);
    return createDuckDBCsvTable(this.connection, table, csv, select);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

function toDuckValues(params: readonly SqlValue[]): (string | number | bigint | boolean | null)[] {
  return [...params];
}
