import { CrmKpiError } from "../../core/errors.js";
import type { SqlValue } from "../../core/sql/compiled-query.js";

/**
 * The advisory lock every crm-kpi writer of a PostgreSQL database holds
 * ("crmkpi" in ASCII). PostgreSQL keeps advisory locks per database, so two
 * crm-kpi databases on one server never wait for each other.
 */
export const WRITE_LOCK_KEY = "109343113179241";

/** How long a writer waits for another one when nobody says (the CLI's --wait default). */
export const DEFAULT_LOCK_WAIT_MS = 5000;

type Run = (sql: string, params: readonly SqlValue[]) => Promise<unknown[]>;

/**
 * Takes the write lock for the open transaction (`transaction`, released by
 * COMMIT or ROLLBACK) or for the session (`session`, until `releaseWriteLock`),
 * waiting up to `waitMs` for another writer. Throws `database_busy` when it
 * waited in vain; a transaction is then aborted and must be rolled back.
 */
export async function takeWriteLock(
  run: Run,
  scope: "transaction" | "session",
  waitMs: number,
): Promise<void> {
  const suffix = scope === "transaction" ? "_xact" : "";
  if (waitMs <= 0) {
    // lock_timeout = 0 means "wait forever": asking without waiting is the way to fail at once.
    const [row] = (await run(`SELECT pg_try_advisory${suffix}_lock(${WRITE_LOCK_KEY}) AS locked`, [])) as {
      locked?: unknown;
    }[];
    if (row?.locked !== true) throw databaseBusy(waitMs);
    return;
  }
  const local = scope === "transaction";
  await run(`SELECT set_config('lock_timeout', $1::text, ${local})`, [`${Math.ceil(waitMs)}ms`]);
  try {
    await run(`SELECT pg_advisory${suffix}_lock(${WRITE_LOCK_KEY})`, []);
  } catch (error) {
    if (isLockTimeout(error)) throw databaseBusy(waitMs);
    throw error;
  } finally {
    // Later statements wait as the database's own setting says; an aborted transaction resets it by rolling back.
    if (!local) await run("SET lock_timeout TO DEFAULT", []);
  }
  if (local) await run("SET LOCAL lock_timeout TO DEFAULT", []);
}

export async function releaseWriteLock(run: Run): Promise<void> {
  await run(`SELECT pg_advisory_unlock(${WRITE_LOCK_KEY})`, []);
}

/** SQLSTATE 55P03, lock_not_available: what `lock_timeout` raises (`pg` and PGlite both carry `code`). */
function isLockTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "55P03";
}

function databaseBusy(waitMs: number): CrmKpiError {
  const seconds = String(Math.round(waitMs / 100) / 10);
  return new CrmKpiError(
    "database_busy",
    `Another crm-kpi command or server is writing to this PostgreSQL database (an import or another write); waited ${seconds} s`,
    { seconds },
  );
}
