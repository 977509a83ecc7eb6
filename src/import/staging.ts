import type { Engine } from "../core/engine.js";
import { type EntityDef, type EntityName, entityDef } from "../core/model/entities.js";
import { type StorageColumn, storageColumns } from "../core/schema/tables.js";
import { MONEY_SQL_TYPE } from "../core/sql/dialect.js";
import type { DecimalStats } from "./row-validator.js";

/**
 * Staging tables: validated rows are appended to a TEMP table per entity
 * (text and double columns, the engine's bulk path), then cast into the
 * typed table with one INSERT … SELECT. Nothing touches the real tables
 * until `upsertStaged` runs in the import's single transaction.
 */
export function stageTable(entity: EntityName): string {
  return `_import_stage_${entity}`;
}

function typedTable(entity: EntityName): string {
  return `_import_typed_${entity}`;
}

function isDoubleStaged(column: StorageColumn): boolean {
  return column.kind === "number" || column.kind === "integer" || column.kind === "source_line";
}

export async function createStageTable(engine: Engine, entity: EntityDef): Promise<void> {
  const { dialect } = engine;
  const q = dialect.quoteIdentifier;
  const columns = storageColumns(entity).map(
    (c) => `${q(c.name)} ${dialect.columnType(isDoubleStaged(c) ? "number" : "text")}`,
  );
  await engine.execute(`DROP TABLE IF EXISTS ${q(stageTable(entity.name))}`);
  await engine.execute(`CREATE TEMP TABLE ${q(stageTable(entity.name))} (${columns.join(", ")})`);
}

export async function dropImportTables(engine: Engine, entities: readonly EntityName[]): Promise<void> {
  const q = engine.dialect.quoteIdentifier;
  for (const entity of entities) {
    await engine.execute(`DROP TABLE IF EXISTS ${q(stageTable(entity))}`);
    await engine.execute(`DROP TABLE IF EXISTS ${q(typedTable(entity))}`);
  }
}

/**
 * Casting text to DECIMAL(38,12) is slow in DuckDB (128-bit parsing); when
 * every value of a column fits 18 digits we cast through a 64-bit decimal of
 * the exact observed scale first, which is exact and much faster.
 */
export function decimalCast(expr: string, stats: DecimalStats | null): string {
  if (stats && stats.fracDigits <= 12 && stats.intDigits + stats.fracDigits <= 18) {
    return `CAST(CAST(${expr} AS DECIMAL(${stats.intDigits + stats.fracDigits}, ${stats.fracDigits})) AS ${MONEY_SQL_TYPE})`;
  }
  return `CAST(${expr} AS ${MONEY_SQL_TYPE})`;
}

function castExpression(engine: Engine, column: StorageColumn, stats: DecimalStats | null): string {
  const { dialect } = engine;
  const expr = dialect.quoteIdentifier(column.name);
  switch (column.kind) {
    case "timestamp":
      return dialect.timestampParam(expr);
    case "date":
    case "integer":
    case "source_line":
      return `CAST(${expr} AS ${dialect.columnType(column.kind)})`;
    case "money":
    case "decimal":
      return decimalCast(expr, stats);
    default:
      return expr;
  }
}

/** Casts staged rows into a typed TEMP table (outside the transaction, so a failure there changes nothing). */
export async function castStaged(
  engine: Engine,
  entity: EntityName,
  decimalStats: readonly (DecimalStats | null)[],
): Promise<void> {
  const q = engine.dialect.quoteIdentifier;
  const columns = storageColumns(entityDef(entity));
  const select = columns.map(
    (c, i) => `${castExpression(engine, c, decimalStats[i] ?? null)} AS ${q(c.name)}`,
  );
  await engine.execute(`DROP TABLE IF EXISTS ${q(typedTable(entity))}`);
  await engine.execute(
    `CREATE TEMP TABLE ${q(typedTable(entity))} AS SELECT ${select.join(", ")} FROM ${q(stageTable(entity))}`,
  );
}

/** The views of an entity's fast-staged rows (storage columns, typed, file order by `_line`). */
export interface FastViews {
  /** Every storage column. */
  readonly rows: string;
  /** Every storage column but `<money>_base` (no rate lookups): for key and reference checks. */
  readonly cells: string;
  /** Whether `rows` come in file order (else they are sorted by `_line` on insert). */
  readonly inFileOrder: boolean;
}

/**
 * Replaces stored rows that share a key with the typed rows (and the fast
 * path's rows of the entity, `fast`), then inserts them. Run inside a transaction.
 */
export async function upsertStaged(engine: Engine, entity: EntityName, fast?: FastViews): Promise<void> {
  const q = engine.dialect.quoteIdentifier;
  const def = entityDef(entity);
  const target = q(entity);
  const typed = q(typedTable(entity));
  const [stored] = await engine.query({ sql: `SELECT EXISTS (SELECT 1 FROM ${target}) AS any`, params: [] });
  if (stored?.any === true) {
    // The fast rows' keys come from the view without rate lookups: keys never include `<money>_base`.
    const keySources = [typed, ...(fast ? [q(fast.cells)] : [])];
    const [onlyKey] = def.key;
    if (def.key.length === 1 && onlyKey) {
      const keys = keySources.map((s) => `SELECT ${q(onlyKey)} FROM ${s}`).join(" UNION ALL ");
      await engine.execute(`DELETE FROM ${target} WHERE ${q(onlyKey)} IN (${keys})`);
    } else {
      // A required column is never NULL: `=` lets PostgreSQL hash the match
      // (IS NOT DISTINCT FROM compared every stored row with every new one).
      const required = new Set(def.columns.filter((c) => c.required).map((c) => c.name));
      const match = def.key
        .map((k) => `s.${q(k)} ${required.has(k) ? "=" : "IS NOT DISTINCT FROM"} ${target}.${q(k)}`)
        .join(" AND ");
      for (const source of keySources) {
        await engine.execute(`DELETE FROM ${target} WHERE EXISTS (SELECT 1 FROM ${source} s WHERE ${match})`);
      }
    }
  }
  const names = storageColumns(def)
    .map((c) => q(c.name))
    .join(", ");
  if (!fast) {
    await engine.execute(`INSERT INTO ${target} (${names}) SELECT ${names} FROM ${typed}`);
    return;
  }
  // One INSERT: in DuckDB 1.5.6 an INSERT of no rows followed by one of a row group or more
  // (122,880 rows) into the same table in one transaction loses the second one's rows.
  const rows = `SELECT ${names} FROM ${typed} UNION ALL SELECT ${names} FROM ${q(fast.rows)}`;
  // Stored in file order, as the JavaScript path stores them (the view's line join may reorder rows).
  const select = fast.inFileOrder ? rows : `SELECT * FROM (${rows}) ORDER BY ${q("_line")}`;
  await engine.execute(`INSERT INTO ${target} (${names}) ${select}`);
}
