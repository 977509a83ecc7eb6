import type { Engine } from "../core/engine.js";
import type { ServerDatabase } from "./app-types.js";

export interface ServerDatabaseOptions {
  /** Read sessions kept open; more requests than this wait for a free one. */
  readonly readSessions?: number;
}

/**
 * The database as the server owns it. Reads run on a small pool of
 * sessions, each in a read transaction, so they go on while a write runs and
 * see only committed data, as of their start;
 * writes run one at a time on their own session, and each successful write
 * bumps `version`, the key of every cached result.
 *
 * @example const db = await openServerDatabase(await openDuckDB(file)); await db.read((e) => runReport(e, request))
 */
export async function openServerDatabase(
  engine: Engine,
  options: ServerDatabaseOptions = {},
): Promise<ServerDatabase> {
  const size = Math.max(1, options.readSessions ?? 4);
  const idle: Engine[] = [];
  for (let i = 0; i < size; i++) idle.push(await engine.openSession());
  const writer = await engine.openSession();
  const waiting: ((session: Engine) => void)[] = [];
  let writes: Promise<unknown> = Promise.resolve();
  let version = 1;
  let closed = false;
  // Another process's import (`crm-kpi import --db postgres://…`) makes every cached result stale too.
  const unwatch = await engine.watchCommits?.(() => {
    version++;
  });

  const acquire = (): Promise<Engine> => {
    const session = idle.pop();
    return session ? Promise.resolve(session) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (session: Engine) => {
    const next = waiting.shift();
    if (next) next(session);
    else idle.push(session);
  };

  return {
    get version() {
      return version;
    },
    async read(work) {
      const session = await acquire();
      try {
        // One snapshot for the whole request: a report's many statements never see half an import.
        return await session.transaction(() => work(session), "read");
      } finally {
        release(session);
      }
    },
    write(work) {
      const run = writes.then(async () => {
        const result = await work(writer);
        version++;
        return result;
      });
      // The queue goes on after a failed write; the caller still sees the failure.
      writes = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (closed) return;
      closed = true;
      await writes;
      await unwatch?.();
      for (const session of [...idle, writer]) await session.close();
      await engine.close();
    },
  };
}
