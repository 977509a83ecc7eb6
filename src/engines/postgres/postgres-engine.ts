import type { BulkLoad, Engine, ResultRow } from "../../core/engine.js";
import type { CompiledQuery, SqlValue } from "../../core/sql/compiled-query.js";
import { csvLine } from "../csv-lines.js";
import { postgresDialect } from "./postgres-dialect.js";

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
}

/** Characters of CSV sent per COPY: big enough to amortize the round trip, small next to memory. */
const COPY_CHARS = 4 << 20;

/**
 * What every session starts with: instants are UTC whatever the server's zone;
 * no JIT, whose compile time (seconds per statement on PostgreSQL 15) made a
 * report 10 to 20 times slower than the queries themselves.
 */
export const SESSION_SETUP = "SET TIME ZONE 'UTC'; SET jit = off";

export class PostgresEngine implements Engine {
  readonly dialect = postgresDialect;
  private inTransaction = false;

  constructor(
    private readonly connection: PostgresConnection,
    /** True for the engine that opened the database: closing it closes what the others share. */
    private readonly ownsDatabase: boolean,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  async openSession(): Promise<Engine> {
    return new PostgresEngine(await this.connection.connectAgain(), false);
  }

  query(query: CompiledQuery): Promise<ResultRow[]> {
    return this.connection.query(typedPlaceholders(query.sql, query.params), query.params);
  }

  async execute(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.connection.query(typedPlaceholders(sql, params), params);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    await this.connection.query("BEGIN", []);
    this.inTransaction = true;
    try {
      const result = await work();
      await this.connection.query("COMMIT", []);
      return result;
    } catch (error) {
      await this.connection.query("ROLLBACK", []);
      throw error;
    } finally {
      this.inTransaction = false;
    }
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
      if (csv.length > 0) await this.connection.copyCsv(table, columns, csv);
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
