import { constants } from "node:fs";
import { access, open, rm, stat } from "node:fs/promises";
import { CrmKpiError } from "../core/errors.js";

/**
 * How a command uses its database: `read` needs an existing crm-kpi database
 * and opens it read-only; `write` needs one and may change it; `create` may
 * also make a new file (import, demo, goals add, tokens add).
 */
export type DbMode = "read" | "write" | "create";

/** Names a new database file may have: anything else is most likely a typo or a data file. */
export const DATABASE_EXTENSIONS = [".duckdb", ".db"] as const;

/** Bytes 8..11 of every DuckDB database file. */
const DUCKDB_MAGIC = "DUCK";
const MAGIC_OFFSET = 8;

/** What the checks found; `existed: false` means the command will create the file. */
export interface DatabaseFileState {
  readonly existed: boolean;
}

/**
 * Refuses a `--db` that is not a crm-kpi database before DuckDB touches it:
 * DuckDB would happily open `orders.csv` as a database and write nothing.
 * `shown` is the path as the user typed it, for the messages.
 *
 * @example await checkDatabaseFile("/abs/crm-kpi.duckdb", "crm-kpi.duckdb", "read")
 */
export async function checkDatabaseFile(
  file: string,
  shown: string,
  mode: DbMode,
): Promise<DatabaseFileState> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw databaseError(shown, "database.error.unreadable", `cannot read ${shown}: ${error.message}`, {
      detail: error.message,
    });
  });
  if (!info) {
    if (mode !== "create") {
      throw databaseError(shown, "database.error.notFound", `The database ${shown} does not exist`);
    }
    if (!DATABASE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext))) {
      throw databaseError(
        shown,
        "database.error.badExtension",
        `crm-kpi creates a new database only under a name ending in .duckdb or .db, and ${shown} does not`,
      );
    }
    return { existed: false };
  }
  if (info.isDirectory()) {
    throw databaseError(shown, "database.error.isDirectory", `${shown} is a folder, not a database file`);
  }
  if (!(await hasDuckDBMagic(file))) {
    throw databaseError(
      shown,
      "database.error.notDuckDB",
      `${shown} is not a DuckDB database file (it may be a data file, such as a CSV)`,
    );
  }
  if (mode !== "read" && !(await isWritable(file, info.mode))) {
    throw databaseError(
      shown,
      "database.error.readOnlyFile",
      `The database ${shown} is read-only, and this command writes to it`,
    );
  }
  return { existed: true };
}

/** Removes a database file this command created (and DuckDB's write-ahead log beside it). */
export async function removeCreatedDatabase(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
}

async function hasDuckDBMagic(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(MAGIC_OFFSET + DUCKDB_MAGIC.length);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return bytesRead === buffer.length && buffer.toString("latin1", MAGIC_OFFSET) === DUCKDB_MAGIC;
  } finally {
    await handle.close();
  }
}

/** No write bit at all counts as read-only even for root, who may write anything. */
async function isWritable(file: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  try {
    await access(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A `database_error` naming the file, its text from the database message area. */
export function databaseError(
  shown: string,
  messageKey: string,
  english: string,
  params: Record<string, string | number> = {},
): CrmKpiError {
  return new CrmKpiError("database_error", english, { file: shown, ...params, messageKey }, { file: shown });
}
