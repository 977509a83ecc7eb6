import path from "node:path";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { SCHEMA_VERSION } from "../core/schema/tables.js";
import {
  checkDatabaseFile,
  type DbMode,
  databaseError,
  removeCreatedDatabase,
} from "../engines/database-file.js";
import { isPostgresUrl, redactedUrl } from "../engines/database-url.js";
import { isLockConflict, lockHolderPid, retryWhileLocked } from "../engines/duckdb/duckdb-lock.js";
import { migrate, readSchemaState, type SchemaState } from "../engines/migrate.js";
import { isLang, type Lang } from "../messages/index.js";
import type { CliIo } from "./cli-io.js";

/** What every command gets: where to write, the language, and how to reach the database. */
export interface CliContext {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly debug: boolean;
  /** `--wait <seconds>` for a locked database; DEFAULT_WAIT_SECONDS when absent. */
  readonly waitSeconds?: number;
}

export const DEFAULT_DB = "./crm-kpi.duckdb";

/** `--db`, else `CRM_KPI_DB`, else ./crm-kpi.duckdb. */
export function resolveDbPath(option: string | undefined, env: CliIo["env"]): string {
  return option ?? (env.CRM_KPI_DB || DEFAULT_DB);
}

/**
 * The language before commander parses anything, so that help and parse
 * errors are already localized: `--lang x` / `--lang=x` in argv, else
 * `CRM_KPI_LANG`, else English.
 */
export function detectLang(argv: readonly string[], env: CliIo["env"]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  const fromEnv = env.CRM_KPI_LANG;
  return fromEnv !== undefined && isLang(fromEnv) ? fromEnv : "en";
}

/** How a command reaches its database: the path, what it does with it, how long it waits for a lock. */
export interface DbTarget {
  readonly path: string;
  readonly mode: DbMode;
  readonly waitSeconds: number;
}

/**
 * How long a command waits for another process to let go of the database
 * (`--wait`, else `CRM_KPI_WAIT`): long enough for a short command in
 * another terminal to finish, short enough to notice a stuck one.
 */
export const DEFAULT_WAIT_SECONDS = 5;

/** The database of a command: `read` opens it read-only, `create` may make a new file. */
export function dbAccess(ctx: CliContext, dbPath: string, mode: DbMode): DbTarget {
  return { path: dbPath, mode, waitSeconds: ctx.waitSeconds ?? DEFAULT_WAIT_SECONDS };
}

/**
 * `--wait <seconds>` / `--wait=<seconds>` in argv, else `CRM_KPI_WAIT`; read
 * before commander runs, like the language (commander validates the option).
 */
export function detectWaitSeconds(argv: readonly string[], env: CliIo["env"]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = arg === "--wait" ? argv[i + 1] : arg.startsWith("--wait=") ? arg.slice(7) : undefined;
    if (value !== undefined) return parseWaitSeconds(value);
  }
  return env.CRM_KPI_WAIT ? parseWaitSeconds(env.CRM_KPI_WAIT) : undefined;
}

/** A number of seconds ≥ 0; anything else is a usage error. */
export function parseWaitSeconds(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) {
    throw new CrmKpiError(
      "bad_argument",
      `The value "${text}" of --wait is not a number of seconds (0 or more)`,
      { value: text, option: "--wait", messageKey: "database.error.badWait" },
      { value: text },
    );
  }
  return value;
}

interface OpenedDatabase {
  readonly engine: Engine;
  /** The absolute file, or `:memory:`. */
  readonly file: string;
  /** True when this command made the file: a failure removes it again. */
  readonly created: boolean;
}

/**
 * Opens the database for a command, after checking that `--db` names a
 * crm-kpi database (docs/database.md). A plain path opens as `create`, as
 * every command did before modes existed.
 */
export async function openEngine(target: string | DbTarget): Promise<Engine> {
  return (await openDatabase(target)).engine;
}

/** Runs `work` with an open engine and always closes it; a failed `create` leaves no new file behind. */
export async function withEngine<T>(
  target: string | DbTarget,
  work: (engine: Engine) => Promise<T>,
): Promise<T> {
  const opened = await openDatabase(target);
  let done = false;
  try {
    // A command that only reads sees one snapshot, even while another process imports.
    const read = typeof target !== "string" && target.mode === "read";
    const result = read
      ? await opened.engine.transaction(() => work(opened.engine), "read")
      : await work(opened.engine);
    done = true;
    return result;
  } finally {
    await opened.engine.close();
    if (!done && opened.created) await removeCreatedDatabase(opened.file);
  }
}

async function openDatabase(target: string | DbTarget): Promise<OpenedDatabase> {
  const {
    path: shown,
    mode,
    waitSeconds,
  } = typeof target === "string" ? { path: target, mode: "create" as const, waitSeconds: 0 } : target;
  if (isPostgresUrl(shown))
    return { engine: await openPostgresTarget(shown, mode, waitSeconds), file: shown, created: false };
  // Loaded on demand: `crm-kpi metrics` and `--help` never start DuckDB.
  const { openDuckDB } = await import("../engines/duckdb/duckdb-engine.js");
  if (shown === ":memory:") return { engine: await openDuckDB(shown), file: shown, created: false };
  const file = path.resolve(shown);
  const { existed } = await checkDatabaseFile(file, shown, mode);
  const open = (readOnly: boolean) => openLocked(file, shown, readOnly, waitSeconds);
  let engine = await open(mode === "read").catch(async (error: unknown) => {
    if (!existed) await removeCreatedDatabase(file);
    throw error;
  });
  try {
    const schema = await checkSchema(engine, shown, mode, "database.error.foreign");
    if (mode !== "read") await migrate(engine);
    else if ((schema.version ?? 0) < SCHEMA_VERSION) {
      // An older file: bring it up to date once (read-write), then read it read-only.
      await engine.close();
      const writer = await open(false);
      try {
        await migrate(writer);
      } finally {
        await writer.close();
      }
      engine = await open(true);
    }
    return { engine, file, created: !existed };
  } catch (error) {
    await engine.close();
    if (!existed) await removeCreatedDatabase(file);
    throw error;
  }
}

/**
 * A PostgreSQL database named by URL (docs/database.md, PostgreSQL): no file
 * checks and no file lock (the server runs transactions side by side; writers
 * wait `waitSeconds` for each other), but the same schema checks as a file.
 */
async function openPostgresTarget(url: string, mode: DbMode, waitSeconds: number): Promise<Engine> {
  const { openPostgres } = await import("../engines/postgres/open-postgres.js");
  const shown = redactedUrl(url);
  const options = { migrate: false, lockWaitMs: waitSeconds * 1000 };
  const engine = await openPostgres(url, options).catch((error: unknown) => {
    const detail = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw databaseError(
      shown,
      "database.error.postgresUnreachable",
      `Cannot connect to the PostgreSQL database ${shown}: ${detail}`,
      { detail },
    );
  });
  try {
    await checkSchema(engine, shown, mode, "database.error.foreignPostgres");
    await migrate(engine);
    return engine;
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** Refuses a database that holds tables of its own, or (to read) no crm-kpi data yet. */
async function checkSchema(
  engine: Engine,
  shown: string,
  mode: DbMode,
  foreignKey: "database.error.foreign" | "database.error.foreignPostgres",
): Promise<SchemaState> {
  const schema = await readSchemaState(engine);
  if (schema.version === undefined && schema.tables > 0) {
    throw databaseError(
      shown,
      foreignKey,
      `${shown} is a database, but not a crm-kpi one (it has ${schema.tables} tables of its own)`,
      { tables: schema.tables },
    );
  }
  if (mode === "read" && schema.version === undefined) {
    throw databaseError(shown, "database.error.empty", `The database ${shown} holds no crm-kpi data yet`);
  }
  return schema;
}

/** Opens the file, waiting up to `waitSeconds` for another process to let go of it. */
async function openLocked(
  file: string,
  shown: string,
  readOnly: boolean,
  waitSeconds: number,
): Promise<Engine> {
  const { openDuckDB } = await import("../engines/duckdb/duckdb-engine.js");
  const { readServerLock } = await import("../server/server-lock.js");
  try {
    return await retryWhileLocked(() => openDuckDB(file, { readOnly, migrate: false }), {
      waitMs: waitSeconds * 1000,
      onConflict: async () => {
        // A running `crm-kpi serve` holds the file until it stops: no use waiting.
        const held = await readServerLock(file);
        if (held) {
          throw new CrmKpiError(
            "database_error",
            `The database ${shown} is held by a running crm-kpi server at ${held.url} (pid ${held.pid})`,
            { file: shown, url: held.url, pid: held.pid, messageKey: "server.error.databaseHeld" },
            { file: shown },
          );
        }
      },
    });
  } catch (error) {
    if (error instanceof CrmKpiError) throw error;
    const detail = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    if (isLockConflict(error)) {
      const pid = lockHolderPid(error);
      const seconds = String(waitSeconds);
      throw pid === undefined
        ? databaseError(
            shown,
            "database.error.lockedNoPid",
            `The database ${shown} is in use by another process (waited ${seconds} s)`,
            { seconds },
          )
        : databaseError(
            shown,
            "database.error.locked",
            `The database ${shown} is in use by another process, pid ${pid} (waited ${seconds} s)`,
            { pid, seconds },
          );
    }
    throw new CrmKpiError(
      "database_error",
      `cannot open the database ${shown}: ${detail}`,
      { detail },
      { file: shown },
    );
  }
}

/** `k=v` pairs into a record; `what` names the message for a malformed pair. */
export function parsePairs(
  pairs: readonly string[],
  what: "cli.error.badParam" | "cli.error.badSegment",
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      const sentence =
        what === "cli.error.badParam" ? "is not of the form key=value" : "is not of the form dim=value";
      throw new CrmKpiError(
        "bad_argument",
        `"${pair}" ${sentence}`,
        { value: pair, messageKey: what },
        { value: pair },
      );
    }
    result[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return result;
}

/** Commander collector for repeatable options (`--param a=1 --param b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `a,b , c` → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
