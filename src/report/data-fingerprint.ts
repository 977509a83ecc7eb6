import type { Engine } from "../core/engine.js";
import { type ColumnDef, ENTITIES, type EntityDef, type EntityName } from "../core/model/entities.js";

/**
 * What the stored data is, day by day: per table, per UTC day of each
 * record's earliest date, the number of records and the sum of their
 * 64-bit row hashes. Two fingerprints differ on a day exactly when a record
 * of that day was added, removed or changed (but for a hash collision), so
 * comparing them tells from when on the data changed, without any writer
 * having to say so (docs/metrics.md, "Values that change after their period").
 */
export interface DataFingerprint {
  /** Per table: day (`YYYY-MM-DD`, `""` for records without a date) → `rows:hashes`. */
  readonly tables: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** How the data changed between two fingerprints. */
export type DataChange =
  | { readonly kind: "none" }
  /** Only records whose earliest date is `fromMs` or later, of `entities`. */
  | { readonly kind: "from"; readonly fromMs: number; readonly entities: ReadonlySet<EntityName> }
  /** Anything: customers, settings, records without a date, or an entity that gained or lost all its rows. */
  | { readonly kind: "any" };

const SETTINGS_TABLE = "dataset_settings";

/** Reads the fingerprint of the data: one statement, a grouped scan per table. */
export async function dataFingerprint(engine: Engine): Promise<DataFingerprint> {
  const q = engine.dialect.quoteIdentifier;
  const tables = [...ENTITIES.map((e) => e.name), SETTINGS_TABLE];
  const sql = tables
    .map((table) => {
      const entity = ENTITIES.find((e) => e.name === table);
      const day = entity ? earliestDay(engine, entity) : null;
      return `SELECT '${table}' AS tbl, ${day === null ? "''" : `COALESCE(CAST(${day} AS VARCHAR), '')`} AS day,
          COUNT(*) AS n, CAST(SUM(${engine.dialect.rowHash("t")}) AS VARCHAR) AS h
        FROM ${q(table)} t GROUP BY 2`;
    })
    .join(" UNION ALL ");
  const buckets: Record<string, Record<string, string>> = Object.fromEntries(tables.map((t) => [t, {}]));
  for (const row of await engine.query({ sql, params: [] })) {
    const table = buckets[String(row.tbl)];
    if (table) table[String(row.day)] = `${row.n}:${row.h}`;
  }
  return { tables: buckets };
}

/**
 * The UTC day of a record's earliest date, as a DATE expression; null for an
 * entity without dates. A DATE column is a local day, which starts up to 14
 * hours before its UTC midnight: it counts from the day before.
 */
function earliestDay(engine: Engine, entity: EntityDef): string | null {
  const q = engine.dialect.quoteIdentifier;
  const days = datedColumns(entity).map((c) =>
    c.kind === "timestamp" ? `CAST(t.${q(c.name)} AS DATE)` : `CAST(t.${q(c.name)} AS DATE) - 1`,
  );
  if (days.length === 0) return null;
  return days.length === 1 ? (days[0] as string) : `LEAST(${days.join(", ")})`;
}

function datedColumns(entity: EntityDef): ColumnDef[] {
  return entity.columns.filter((c) => c.kind === "timestamp" || c.kind === "date");
}

/**
 * Whether a change to `table` may move values of any period: customers carry
 * every record's dimensions, settings every rule, undated records (reps,
 * pipeline stages) no day to start from.
 */
function changesEverything(table: string): boolean {
  const entity = ENTITIES.find((e) => e.name === table);
  return !entity || entity.name === "customers" || datedColumns(entity).length === 0;
}

/** From when on `after` differs from `before`. */
export function dataChange(before: DataFingerprint, after: DataFingerprint): DataChange {
  let fromMs = Number.POSITIVE_INFINITY;
  const entities = new Set<EntityName>();
  for (const table of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const was = before.tables[table] ?? {};
    const is = after.tables[table] ?? {};
    const changed = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter(
      (day) => was[day] !== is[day],
    );
    if (changed.length === 0) continue;
    // Rows appearing in an empty table (or the last ones going) change which metrics are available.
    const emptied = Object.keys(was).length === 0 || Object.keys(is).length === 0;
    if (emptied || changesEverything(table) || changed.includes("")) return { kind: "any" };
    entities.add(table as EntityName);
    for (const day of changed) fromMs = Math.min(fromMs, Date.parse(`${day}T00:00:00Z`));
  }
  if (entities.size === 0) return { kind: "none" };
  return Number.isFinite(fromMs) ? { kind: "from", fromMs, entities } : { kind: "any" };
}
