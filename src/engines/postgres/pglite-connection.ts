import { PGlite } from "@electric-sql/pglite";
import type { ResultRow } from "../../core/engine.js";
import { copyStatement, type PostgresConnection, SESSION_SETUP } from "./postgres-engine.js";
import { VALUE_PARSERS } from "./postgres-values.js";
import { TakeTurns } from "./take-turns.js";

/**
 * PGlite (PostgreSQL compiled to WebAssembly, in process): one connection per
 * database, so every session shares it (and its temp tables), and sessions
 * take turns with their transactions (TakeTurns).
 * For tests and single-user use; a shared deployment runs a PostgreSQL server.
 */
export async function connectPGlite(
  dataDir?: string,
): Promise<{ connection: PostgresConnection; db: PGlite }> {
  const db = await PGlite.create(dataDir, {
    parsers: VALUE_PARSERS as Record<number, (v: string) => unknown>,
  });
  await db.exec(SESSION_SETUP);
  const connection: PostgresConnection = {
    async query(sql, params) {
      const result = await db.query(sql, params as unknown[]);
      return result.rows as ResultRow[];
    },
    async copyCsv(table, columns, csv) {
      await db.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
    },
    // One WebAssembly instance is one backend: another "session" is the same one.
    connectAgain: async () => ({ ...connection, close: async () => {} }),
    close: async () => {},
    turns: new TakeTurns(),
  };
  return { connection, db };
}
