import type { Engine } from "../../core/engine.js";
import { migrate } from "../migrate.js";
import { connectPg } from "./pg-connection.js";
import { connectPGlite } from "./pglite-connection.js";
import { PostgresEngine, type PostgresEngineOptions } from "./postgres-engine.js";

export interface OpenPostgresOptions extends PostgresEngineOptions {
  /** Bring the schema up to date on open (default true). */
  readonly migrate?: boolean;
}

/** Opens a PostgreSQL database by URL (`postgres://user@host:port/db`), migrated to the newest schema. */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<Engine> {
  const engine = new PostgresEngine(await connectPg(url), true, undefined, options);
  return ready(engine, options);
}

/** Opens PGlite in process: in memory without `dataDir`, else that folder (created on first use). */
export async function openPGlite(dataDir?: string, options: OpenPostgresOptions = {}): Promise<Engine> {
  const { connection, db } = await connectPGlite(dataDir);
  return ready(new PostgresEngine(connection, true, () => db.close(), options), options);
}

async function ready(engine: Engine, options: OpenPostgresOptions): Promise<Engine> {
  try {
    if (options.migrate ?? true) await migrate(engine);
    return engine;
  } catch (error) {
    await engine.close();
    throw error;
  }
}
