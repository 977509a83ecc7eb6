import type { BulkLoad, Engine, ResultRow, TransactionMode } from "../../core/engine.js";
import type { CompiledQuery, SqlValue } from "../../core/sql/compiled-query.js";
import { csvLine } from "../csv-lines.js";
import { postgresDialect } from "./postgres-dialect.js";
import type { TakeTurns } from "./take-turns.js";
import { DEFAULT_LOCK_WAIT_MS, releaseWriteLock, takeWriteLock } from "./write-lock.js";

/**
 * One connection to a PostgreSQL database, as the engine needs it: `pg`
 * against a server, or PGlite in process. Temporary tables live in one
 * connection, so an engine pins its connection for its whole life.
 */
export interface PostgresConnection {
  query(sql: string, params: readonly SqlValue[]): Promise<ResultRow[]>;
  /** Loads CSV text (see csv-lines.ts) with `COPY table (columns) FROM STDIN`. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /** A new connection to the same database (its own transactions and temp tables). */
  connectAgain(): Promise<PostgresConnection>;
  close(): Promise<void>;
  /**
   * Set when every session shares one backend (PGlite): a session's
   * transactions and statements then wait for another session's to end.
   */
  readonly turns?: TakeTurns;
  /**
   * Calls `onNotify` for each NOTIFY on `channel`, on a connection of its own that is opened
   * again when lost (then once more, for the notices missed); resolves to the unlisten.
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
}

/** The channel every committed write transaction notifies (`Engine.watchCommits`). */
export const COMMITS_CHANNEL = "crm_kpi_commits";

export interface PostgresEngineOptions {
  /** How long a writer waits for another one before `database_busy`, in ms (0: not at all); default 5 s. */
  readonly lockWaitMs?: number;
}

/** Characters of CSV sent per COPY: big enough to amortize the round trip, small next to memory. */
const COPY_CHARS = 4 << 20;

/**
 * What every session starts with: instants are UTC whatever the server's zone;
 * no JIT, whose compile time (seconds per statement on PostgreSQL 15) made a
 * report 10 to 20 times slower than the queries themselves; and at least
 * 64 MB of work_mem (a server's own larger setting stays). With the default
 * 4 MB, a hash of scale-100 leads, most without a customer, split into
 * 131,072 batches, as rows of one key (NULL) cannot be split, and one report
 * statement took 54 s instead of 0.3 s (bench/RESULTS.md).
 */
export const SESSION_SETUP = [
  "SET TIME ZONE 'UTC'",
  "SET jit = off",
  "SELECT set_config('work_mem', '64MB', false) WHERE pg_size_bytes(current_setting('work_mem')) < pg_size_bytes('64MB')",
].join("; ");

export class PostgresEngine implements Engine {
  readonly dialect = postgresDialect;
  private mode: TransactionMode | undefined;
  /** True while `exclusive` holds the session's write lock. */
  private exclusiveHeld = false;
  /** True while this session has its turn on a shared backend (see `PostgresConnection.turns`). */
  private hasTurn = false;
  private readonly lockWaitMs: number;

  constructor(
    private readonly connection: PostgresConnection,
    /** True for the engine that opened the database: closing it closes what the others share. */
    private readonly ownsDatabase: boolean,
    private readonly onClose: () => Promise<void> = async () => {},
    private readonly options: PostgresEngineOptions = {},
  ) {
    this.lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  }

  async openSession(): Promise<Engine> {
    return new PostgresEngine(await this.connection.connectAgain(), false, async () => {}, this.options);
  }

  query(query: CompiledQuery): Promise<ResultRow[]> {
    return this.inTurn(() => this.run(typedPlaceholders(query.sql, query.params), query.params));
  }

  async execute(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.inTurn(() => this.run(typedPlaceholders(sql, params), params));
  }

  /**
   * `write` takes the database's write lock (write-lock.ts) for the
   * transaction; `read` is REPEATABLE READ, so every statement sees the
   * snapshot of the first (not READ ONLY: reports create TEMP tables).
   */
  async transaction<T>(work: () => Promise<T>, mode: TransactionMode = "write"): Promise<T> {
    if (this.mode === "read" && mode === "write")
      throw new Error("a write transaction cannot run inside a read transaction");
    if (this.mode !== undefined) return work();
    return this.inTurn(async () => {
      await this.run(mode === "read" ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN", []);
      this.mode = mode;
      try {
        if (mode === "write" && !this.exclusiveHeld)
          await takeWriteLock(this.run, "transaction", this.lockWaitMs);
        const result = await work();
        // Delivered at COMMIT, and only if it commits.
        if (mode === "write") await this.run(`SELECT pg_notify('${COMMITS_CHANNEL}', '')`, []);
        await this.run("COMMIT", []);
        return result;
      } catch (error) {
        await this.run("ROLLBACK", []);
        throw error;
      } finally {
        this.mode = undefined;
      }
    });
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.exclusiveHeld || this.mode === "write") return work();
    if (this.mode === "read") throw new Error("an exclusive write cannot run inside a read transaction");
    return this.inTurn(async () => {
      await takeWriteLock(this.run, "session", this.lockWaitMs);
      this.exclusiveHeld = true;
      try {
        return await work();
      } finally {
        this.exclusiveHeld = false;
        // A connection that failed took its locks with it: nothing left to release then.
        await releaseWriteLock(this.run).catch(() => undefined);
      }
    });
  }

  async watchCommits(onCommit: () => void): Promise<() => Promise<void>> {
    if (!this.connection.listen) return async () => {};
    return this.connection.listen(COMMITS_CHANNEL, onCommit);
  }

  private readonly run = (sql: string, params: readonly SqlValue[]) => this.connection.query(sql, params);

  /** Runs `work` when this session has the shared backend to itself; at once on a server. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turns = this.connection.turns;
    if (!turns || this.hasTurn) return work();
    return turns.run(async () => {
      this.hasTurn = true;
      try {
        return await work();
      } finally {
        this.hasTurn = false;
      }
    });
  }

  async appendRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void> {
    const load = this.openBulkLoad(table, columns);
    for (const row of rows) if (load.add(row)) await load.flush();
    await load.close();
  }

  openBulkLoad(table: string, columns: readonly string[]): BulkLoad {
    let text = "";
    const flush = async () => {
      const csv = text;
      text = "";
      if (csv.length > 0) await this.inTurn(() => this.connection.copyCsv(table, columns, csv));
    };
    return {
      add: (row) => {
        text += csvLine(row, columns.length);
        return text.length >= COPY_CHARS;
      },
      flush,
      close: flush,
    };
  }

  async close(): Promise<void> {
    await this.connection.close();
    if (this.ownsDatabase) await this.onClose();
  }
}

/**
 * PostgreSQL infers a parameter's type from where it stands, and gives up
 * where DuckDB does not (`$1 AS metric` in a UNION branch, `CONCAT($2, …)`).
 * The compilers bind JavaScript values, whose kind is the type: text,
 * boolean, bigint; a whole number is NUMERIC (exact, and `/` on it is no
 * integer division), any other number DOUBLE PRECISION. Our SQL holds no
 * `$n` inside a quoted literal (every value is bound), so marking each
 * placeholder is safe.
 */
export function typedPlaceholders(sql: string, params: readonly SqlValue[]): string {
  if (params.length === 0) return sql;
  return sql.replace(/\$(\d+)\b/g, (placeholder, n: string) => {
    const value = params[Number(n) - 1];
    switch (typeof value) {
      case "string":
        return `${placeholder}::text`;
      case "boolean":
        return `${placeholder}::boolean`;
      case "bigint":
        return `${placeholder}::bigint`;
      case "number":
        return `${placeholder}::${Number.isInteger(value) ? "numeric" : "double precision"}`;
      default:
        return placeholder;
    }
  });
}

/** The COPY statement both adapters run (CSV as csv-lines.ts writes it). */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  const q = postgresDialect.quoteIdentifier;
  return `COPY ${q(table)} (${columns.map(q).join(", ")}) FROM ${source} WITH (FORMAT csv, NULL '', QUOTE '"', ESCAPE '"')`;
}
