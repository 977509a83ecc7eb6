import type { Engine } from "../core/engine.js";
import { MIGRATIONS } from "../core/schema/tables.js";

/** Brings a database to the newest schema version, one migration per transaction. */
export async function migrate(engine: Engine): Promise<void> {
  const q = engine.dialect.quoteIdentifier;
  await engine.execute(`CREATE TABLE IF NOT EXISTS ${q("schema_version")} (version INTEGER NOT NULL)`);
  const rows = await engine.query({
    sql: `SELECT max(version) AS v FROM ${q("schema_version")}`,
    params: [],
  });
  const current = Number(rows[0]?.v ?? 0);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    await engine.transaction(async () => {
      // Another process may have run it while this one waited for the write lock.
      const [now] = await engine.query({
        sql: `SELECT max(version) AS v FROM ${q("schema_version")}`,
        params: [],
      });
      if (Number(now?.v ?? 0) >= migration.version) return;
      for (const statement of migration.statements(engine.dialect)) await engine.execute(statement);
      await engine.execute(`INSERT INTO ${q("schema_version")} VALUES (${migration.version})`);
    });
  }
}

/** What a database file holds before crm-kpi touches it. */
export interface SchemaState {
  /** The crm-kpi schema version, or undefined when the file has no `schema_version` table. */
  readonly version: number | undefined;
  /** Tables of any kind in the current schema (`main`, `public`): 0 for a fresh, empty database. */
  readonly tables: number;
}

/** Reads the schema state without changing anything (works on a read-only connection). */
export async function readSchemaState(engine: Engine): Promise<SchemaState> {
  const tables = await engine.query({
    sql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    params: [],
  });
  const names = tables.map((r) => String(r.name));
  if (!names.includes("schema_version")) return { version: undefined, tables: names.length };
  const q = engine.dialect.quoteIdentifier;
  const rows = await engine.query({
    sql: `SELECT max(version) AS v FROM ${q("schema_version")}`,
    params: [],
  });
  return { version: Number(rows[0]?.v ?? 0), tables: names.length };
}
