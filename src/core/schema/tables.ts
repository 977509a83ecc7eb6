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
  {
    version: 2,
    describe: "goals (METRICS.md §8)",
    statements: (dialect) => {
      const q = (n: string) => dialect.quoteIdentifier(n);
      const text = dialect.columnType("text");
      // Dates are ISO local dates of the dataset zone; `segment` is a JSON object or NULL.
      const columns = [
        `${q("goal_id")} ${dialect.columnType("id")} PRIMARY KEY`,
        `${q("metric")} ${text} NOT NULL`,
        `${q("segment")} ${text}`,
        `${q("target")} ${dialect.columnType("decimal")} NOT NULL`,
        `${q("direction")} ${text} NOT NULL`,
        `${q("start_date")} ${text} NOT NULL`,
        `${q("deadline")} ${text}`,
        `${q("owner")} ${text}`,
        `${q("why")} ${text}`,
        `${q("grain")} ${text} NOT NULL`,
        `${q("calendar")} ${text} NOT NULL`,
        `${q("created_at")} ${dialect.columnType("timestamp")}`,
      ];
      return [`CREATE TABLE IF NOT EXISTS ${q("goals")} (${columns.join(", ")})`];
    },
  },
  {
    version: 3,
    describe: "data quality: merge audit tables and stored findings (issue 4)",
    statements: (dialect) => {
      const q = (n: string) => dialect.quoteIdentifier(n);
      const text = dialect.columnType("text");
      const customers = ENTITIES.find((e) => e.name === "customers");
      const customerColumns = customers
        ? storageColumns(customers).map((c) => `${q(c.name)} ${dialect.columnType(c.kind)}`)
        : [];
      return [
        // One row per merge; rows are deleted by undo, so an undone merge leaves no trace.
        `CREATE TABLE IF NOT EXISTS ${q("quality_merges")} (${q("merge_id")} ${text} PRIMARY KEY, ${q("seq")} ${dialect.columnType("integer")} NOT NULL, ${q("cluster_id")} ${text}, ${q("survivor_id")} ${text} NOT NULL, ${q("merged_ids")} ${text} NOT NULL, ${q("created_at")} ${dialect.columnType("timestamp")})`,
        // Customer rows exactly as they were before the merge: the survivor ("survivor") and the merged records ("merged").
        `CREATE TABLE IF NOT EXISTS ${q("quality_merged_customers")} (${q("_merge_id")} ${text} NOT NULL, ${q("_merge_role")} ${text} NOT NULL, ${customerColumns.join(", ")})`,
        // Every foreign key a merge repointed: the row (by its entity key) and the old value.
        `CREATE TABLE IF NOT EXISTS ${q("quality_merge_repoints")} (${q("merge_id")} ${text} NOT NULL, ${q("entity")} ${text} NOT NULL, ${q("column_name")} ${text} NOT NULL, ${q("row_key")} ${text} NOT NULL, ${q("old_value")} ${text})`,
        // Findings of the last `crm-kpi quality` run, one JSON object each: what the report warns about.
        `CREATE TABLE IF NOT EXISTS ${q("quality_findings")} (${q("kind")} ${text} NOT NULL, ${q("finding")} ${text} NOT NULL, ${q("computed_at")} ${dialect.columnType("timestamp")})`,
      ];
    },
  },
  {
    version: 4,
    describe: "API tokens of `crm-kpi serve --auth` (issue 7): only their SHA-256 hashes",
    statements: (dialect) => {
      const q = (n: string) => dialect.quoteIdentifier(n);
      const text = dialect.columnType("text");
      const time = dialect.columnType("timestamp");
      return [
        `CREATE TABLE IF NOT EXISTS ${q("api_tokens")} (${q("id")} ${text} PRIMARY KEY, ${q("name")} ${text}, ${q("role")} ${text} NOT NULL, ${q("hash")} ${text} NOT NULL UNIQUE, ${q("created_at")} ${time} NOT NULL, ${q("revoked_at")} ${time})`,
      ];
    },
  },
  {
    version: 5,
    describe: "keys and indexes of the entity tables where the engine wants them (PostgreSQL)",
    statements: (dialect) =>
      dialect.indexesEntities ? ENTITIES.flatMap((e) => entityIndexSql(e, dialect)) : [],
  },
  {
    version: 6,
    describe: "alerts and their history (issue 12 part 3)",
    statements: (dialect) => {
      const q = (n: string) => dialect.quoteIdentifier(n);
      const text = dialect.columnType("text");
      const time = dialect.columnType("timestamp");
      // `condition` is the rule as JSON (src/alerts/alert-rule.ts); `email` and `webhooks` are JSON arrays.
      const rules = [
        `${q("alert_id")} ${text} PRIMARY KEY`,
        `${q("name")} ${text}`,
        `${q("rule")} ${text} NOT NULL`,
        `${q("condition")} ${text} NOT NULL`,
        `${q("email")} ${text} NOT NULL`,
        `${q("webhooks")} ${text} NOT NULL`,
        `${q("lang")} ${text} NOT NULL`,
        `${q("calendar")} ${text} NOT NULL`,
        `${q("state")} ${text} NOT NULL`,
        `${q("state_since")} ${time}`,
        `${q("checked_at")} ${time}`,
        `${q("created_at")} ${time} NOT NULL`,
      ];
      // One row per notice (fired, resolved, test); `value` is JSON (a number or null), `delivery` a JSON array.
      const history = [
        `${q("alert_id")} ${text} NOT NULL`,
        `${q("seq")} ${dialect.columnType("integer")} NOT NULL`,
        `${q("at")} ${time} NOT NULL`,
        `${q("event")} ${text} NOT NULL`,
        `${q("period")} ${text}`,
        `${q("value")} ${text}`,
        `${q("detail")} ${text} NOT NULL`,
        `${q("delivery")} ${text} NOT NULL`,
      ];
      return [
        `CREATE TABLE IF NOT EXISTS ${q("alert_rules")} (${rules.join(", ")})`,
        `CREATE TABLE IF NOT EXISTS ${q("alert_history")} (${history.join(", ")})`,
      ];
    },
  },
];

/**
 * An entity's primary key when every key column always has a value (ids are
 * required, natural keys may hold NULLs and get a plain index), and an index
 * on each column that points at a customer: re-imports replace by key,
 * merges repoint customer references.
 */
export function entityIndexSql(entity: EntityDef, dialect: SqlDialect): string[] {
  const q = (n: string) => dialect.quoteIdentifier(n);
  const table = q(entity.name);
  const keyColumns = entity.key.map((name) => entity.columns.find((c) => c.name === name));
  const alwaysSet = keyColumns.every(
    (c) => c !== undefined && (c.required === true || c.default !== undefined),
  );
  const key = entity.key.map(q).join(", ");
  const statements = [
    alwaysSet
      ? `ALTER TABLE ${table} ADD PRIMARY KEY (${key})`
      : `CREATE INDEX IF NOT EXISTS ${q(`${entity.name}_key`)} ON ${table} (${key})`,
  ];
  for (const column of entity.columns) {
    if (column.references?.entity !== "customers" || entity.key.includes(column.name)) continue;
    statements.push(
      `CREATE INDEX IF NOT EXISTS ${q(`${entity.name}_${column.name}`)} ON ${table} (${q(column.name)})`,
    );
  }
  return statements;
}

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
