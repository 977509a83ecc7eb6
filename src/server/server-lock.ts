import { readFile, rm, writeFile } from "node:fs/promises";
import { isPostgresUrl } from "../engines/database-url.js";

/** What a running server writes beside its database, so a CLI command can name it. */
export interface ServerLockInfo {
  readonly pid: number;
  readonly url: string;
  readonly db: string;
  readonly startedAt: string;
}

/** `<db>.server.json`; none for an in-memory database or a PostgreSQL server (which needs no lock). */
export function serverLockPath(dbPath: string): string | undefined {
  return dbPath === ":memory:" || isPostgresUrl(dbPath) ? undefined : `${dbPath}.server.json`;
}

export async function writeServerLock(dbPath: string, info: ServerLockInfo): Promise<void> {
  const file = serverLockPath(dbPath);
  if (file) await writeFile(file, `${JSON.stringify(info, null, 2)}\n`, "utf8");
}

export async function removeServerLock(dbPath: string): Promise<void> {
  const file = serverLockPath(dbPath);
  if (file) await rm(file, { force: true });
}

/** The server holding `dbPath`, when its lock file is there, readable and its process alive. */
export async function readServerLock(dbPath: string): Promise<ServerLockInfo | undefined> {
  const file = serverLockPath(dbPath);
  if (!file) return undefined;
  try {
    const info = JSON.parse(await readFile(file, "utf8")) as Partial<ServerLockInfo>;
    if (typeof info.url !== "string" || typeof info.pid !== "number") return undefined;
    return isRunning(info.pid) ? (info as ServerLockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** A lock left by a server that crashed names no one. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
