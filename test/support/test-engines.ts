import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { openPGlite, openPostgres } from "../../src/engines/postgres/open-postgres.js";

/** An engine the engine-facing tests run on: DuckDB and PGlite always, a PostgreSQL server when CRM_KPI_TEST_PG names one. */
export interface TestEngine {
  readonly name: string;
  /** A fresh, migrated, empty database. */
  open(): Promise<Engine>;
}

export const TEST_ENGINES: readonly TestEngine[] = [
  { name: "DuckDB", open: () => openDuckDB(":memory:") },
  { name: "PGlite", open: () => openPGlite() },
  ...(process.env.CRM_KPI_TEST_PG ? [postgresServer(process.env.CRM_KPI_TEST_PG)] : []),
];

/** Each open gets a database of its own on the server, dropped when the engine closes. */
function postgresServer(url: string): TestEngine {
  let counter = 0;
  return {
    name: "PostgreSQL",
    open: () => openServerDatabase(url, `crm_kpi_test_${process.pid}_${++counter}`),
  };
}

/**
 * A new, migrated database `name` on the server at `url`, dropped when the
 * engine closes. Collated en-US, as most servers are, not by code point as
 * DuckDB sorts: ids must tie-break the same anyway (dialect.binaryOrder).
 */
export async function openServerDatabase(url: string, name: string): Promise<Engine> {
  const admin = await openPostgres(url, { migrate: false });
  await admin.execute(`DROP DATABASE IF EXISTS ${name}`);
  await admin.execute(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const engine = await openPostgres(target.toString());
  const close = engine.close.bind(engine);
  engine.close = async () => {
    await close();
    await admin.execute(`DROP DATABASE IF EXISTS ${name}`);
    await admin.close();
  };
  return engine;
}
