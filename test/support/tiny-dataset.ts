import type { Engine } from "../../src/core/engine.js";
import { type EntityName, entityDef } from "../../src/core/model/entities.js";
import type { DatasetSettings } from "../../src/core/model/settings.js";
import { storageColumns } from "../../src/core/schema/tables.js";
import type { SqlValue } from "../../src/core/sql/compiled-query.js";
import { openUnitTestEngine } from "./unit-test-engine.js";

export type TinyRow = Record<string, SqlValue | undefined>;
export type TinyTables = Partial<Record<EntityName, readonly TinyRow[]>>;

/**
 * A throwaway database holding exactly the rows a unit test needs, on the
 * engine of the test run (`unit-test-engine.ts`: DuckDB in memory by default).
 * Timestamps are UTC text (`2024-03-01 10:00:00`); a money column's `_base`
 * defaults to the amount itself (base currency), unless the row sets it.
 * Entity defaults of DATA_MODEL.md (deal type, pipeline…) apply to absent columns.
 *
 * @example const engine = await tinyDataset({ customers: [{ customer_id: "c1", created_at: "2024-01-01" }] })
 */
export async function tinyDataset(
  tables: TinyTables,
  settings: Partial<DatasetSettings> = {},
): Promise<Engine> {
  const engine = await openUnitTestEngine();
  await insertRows(engine, tables);
  const p = engine.dialect.placeholder;
  for (const [key, value] of Object.entries(settings)) {
    await engine.execute(`DELETE FROM dataset_settings WHERE key = ${p(1)}`, [key]);
    await engine.execute(`INSERT INTO dataset_settings VALUES (${p(1)}, ${p(2)})`, [
      key,
      JSON.stringify(value),
    ]);
  }
  return engine;
}

export async function insertRows(engine: Engine, tables: TinyTables): Promise<void> {
  for (const [name, rows] of Object.entries(tables) as [EntityName, readonly TinyRow[]][]) {
    const entity = entityDef(name);
    const columns = storageColumns(entity);
    for (const [index, row] of rows.entries()) {
      const values = columns.map((c): SqlValue => {
        if (c.name === "_file") return `${name}.test`;
        if (c.name === "_line") return index + 2;
        const given = row[c.name];
        if (given !== undefined) return given;
        if (c.name.endsWith("_base")) return row[c.name.slice(0, -"_base".length)] ?? null;
        return c.source?.default ?? null;
      });
      // Typed placeholders: PostgreSQL does not cast text to a timestamp column on INSERT.
      const placeholders = columns
        .map((c, i) => `CAST(${engine.dialect.placeholder(i + 1)} AS ${engine.dialect.columnType(c.kind)})`)
        .join(", ");
      await engine.execute(
        `INSERT INTO ${engine.dialect.quoteIdentifier(name)} VALUES (${placeholders})`,
        values,
      );
    }
  }
}
