import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { openPGlite } from "../../src/engines/postgres/open-postgres.js";
import { openServerDatabase } from "./test-engines.js";

/**
 * The engine the engine-facing unit tests run on, chosen per vitest project
 * (vitest.config.ts) by `CRM_KPI_TEST_ENGINE`: `duckdb` (the default, a new
 * in-memory database each time), `pglite` or `postgres` (the server
 * `CRM_KPI_TEST_PG` names). A PostgreSQL start costs seconds (PGlite runs
 * initdb in WebAssembly), so those keep one database per test file and
 * empty it for each test instead: a test file's tests run one at a time.
 */
export type UnitTestEngineName = "duckdb" | "pglite" | "postgres";

export function unitTestEngineName(): UnitTestEngineName {
  const name = process.env.CRM_KPI_TEST_ENGINE ?? "duckdb";
  if (name !== "duckdb" && name !== "pglite" && name !== "postgres") {
    throw new Error(`CRM_KPI_TEST_ENGINE=${name}: use duckdb, pglite or postgres`);
  }
  return name;
}

let shared: Promise<Engine> | undefined;

/** A migrated, empty database on the test run's engine; closing it keeps a shared one for the next test. */
export async function openUnitTestEngine(): Promise<Engine> {
  const name = unitTestEngineName();
  if (name === "duckdb") return openDuckDB(":memory:");
  shared ??= name === "pglite" ? openPGlite() : sharedServerDatabase();
  const engine = await shared;
  await emptyDatabase(engine);
  return Object.assign(Object.create(engine) as Engine, { close: async () => {} });
}

function sharedServerDatabase(): Promise<Engine> {
  const url = process.env.CRM_KPI_TEST_PG;
  if (!url) throw new Error("CRM_KPI_TEST_ENGINE=postgres needs CRM_KPI_TEST_PG (a server URL)");
  // Never closed: the test process ends with it (the next run of this pid drops it first).
  return openServerDatabase(url, `crm_kpi_unit_${process.pid}`);
}

/** Every table's rows go (the schema stays), and the session's temp tables with them. */
async function emptyDatabase(engine: Engine): Promise<void> {
  const tables = await engine.query({
    sql: `SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'`,
    params: [],
  });
  for (const row of tables)
    await engine.execute(`DELETE FROM ${engine.dialect.quoteIdentifier(String(row.table_name))}`);
  await engine.execute("DISCARD TEMP");
}
