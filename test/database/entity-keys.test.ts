import { describe, expect, it } from "vitest";
import { ENTITIES } from "../../src/core/model/entities.js";
import { TEST_ENGINES } from "../support/test-engines.js";
import { insertRows } from "../support/tiny-dataset.js";

const POSTGRES_ENGINES = TEST_ENGINES.filter((e) => e.name !== "DuckDB");

/** Migration 5: PostgreSQL's entity tables have their keys and indexes on customer references. */
describe.each(POSTGRES_ENGINES)("entity keys on $name", (testEngine) => {
  it("gives every entity a primary key or a key index, and indexes every customer reference", async () => {
    const engine = await testEngine.open();
    try {
      const rows = await engine.query({
        sql: "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexname",
        params: [],
      });
      const byTable = new Map<string, string[]>();
      for (const r of rows)
        byTable.set(String(r.tablename), [
          ...(byTable.get(String(r.tablename)) ?? []),
          String(r.indexdef).replaceAll('"', ""),
        ]);
      for (const entity of ENTITIES) {
        const defs = byTable.get(entity.name) ?? [];
        const key = entity.key.join(", ");
        expect(
          defs.some((d) => d.includes(`(${key})`)),
          `${entity.name} key (${key}) in ${defs.join("; ")}`,
        ).toBe(true);
        for (const column of entity.columns.filter((c) => c.references?.entity === "customers")) {
          expect(
            defs.some((d) => d.includes(`(${column.name})`)),
            `${entity.name}.${column.name}`,
          ).toBe(true);
        }
      }
      // The key holds: a second customer C1 is refused (the importer replaces by key first).
      await insertRows(engine, { customers: [{ customer_id: "C1", created_at: "2024-01-01" }] });
      await expect(
        insertRows(engine, { customers: [{ customer_id: "C1", created_at: "2024-02-01" }] }),
      ).rejects.toThrow(/duplicate key/);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
