import path from "node:path";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { isLang, type Lang } from "../messages/index.js";
import type { CliIo } from "./cli-io.js";

/** What every command gets: where to write, the language, and how to reach the database. */
export interface CliContext {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly debug: boolean;
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

/** Opens the DuckDB file; a failure to open it is a `database_error`, not a crash. */
export async function openEngine(dbPath: string): Promise<Engine> {
  // Loaded on demand: `crm-kpi metrics` and `--help` never start DuckDB.
  const { openDuckDB } = await import("../engines/duckdb/duckdb-engine.js");
  try {
    return await openDuckDB(dbPath === ":memory:" ? dbPath : path.resolve(dbPath));
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    // A running `crm-kpi serve` holds the file: say so, never DuckDB's lock error.
    const { readServerLock } = await import("../server/server-lock.js");
    const held = dbPath === ":memory:" ? undefined : await readServerLock(path.resolve(dbPath));
    if (held) {
      throw new CrmKpiError(
        "database_error",
        `The database ${dbPath} is held by a running crm-kpi server at ${held.url} (pid ${held.pid})`,
        { file: dbPath, url: held.url, pid: held.pid, messageKey: "server.error.databaseHeld" },
        { file: dbPath },
      );
    }
    throw new CrmKpiError(
      "database_error",
      `cannot open the database ${dbPath}: ${detail}`,
      { detail },
      { file: dbPath },
    );
  }
}

/** Runs `work` with an open engine and always closes it. */
export async function withEngine<T>(dbPath: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openEngine(dbPath);
  try {
    return await work(engine);
  } finally {
    await engine.close();
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
