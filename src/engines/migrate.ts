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
      for (const statement of migration.statements(engine.dialect)) await engine.execute(statement);
      await engine.execute(`INSERT INTO ${q("schema_version")} VALUES (${migration.version})`);
    });
  }
}
