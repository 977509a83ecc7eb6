import { type ColumnDef, ENTITIES, type EntityDef } from "../model/entities.js";
import type { SqlDialect } from "../sql/dialect.js";

/**
 * Storage columns of an entity: its canonical columns, a `<money>_base`
 * column with each amount converted to the base currency, and where the row
 * came from (`_file`, `_line`) so warnings and drill-downs can point at it.
 */
export interface StorageColumn {
  readonly name: string;
  readonly kind: ColumnDef["kind"] | "source_line";
  readonly source?: ColumnDef;
}

export function storageColumns(entity: EntityDef): StorageColumn[] {
  const columns: StorageColumn[] = [];
  for (const column of entity.columns) {
    columns.push({ name: column.name, kind: column.kind, source: column });
    if (column.kind === "money") columns.push({ name: `${column.name}_base`, kind: "money" });
  }
  columns.push({ name: "_file", kind: "text" }, { name: "_line", kind: "source_line" });
  return columns;
}

export function createTableSql(entity: EntityDef, dialect: SqlDialect): string {
  const q = (n: string) => dialect.quoteIdentifier(n);
  const columns = storageColumns(entity).map((c) => `${q(c.name)} ${dialect.columnType(c.kind)}`);
  return `CREATE TABLE IF NOT EXISTS ${q(entity.name)} (${columns.join(", ")})`;
}

/** The schema's migrations, in order. Version n is applied when the database is at n − 1. */
export interface Migration {
  readonly version: number;
  readonly describe: string;
  statements(dialect: SqlDialect): string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    describe: "canonical entities and dataset settings",
    statements: (dialect) => [
      ...ENTITIES.map((e) => createTableSql(e, dialect)),
      `CREATE TABLE IF NOT EXISTS ${dialect.quoteIdentifier("dataset_settings")} (key ${dialect.columnType("text")} PRIMARY KEY, value ${dialect.columnType("text")})`,
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
