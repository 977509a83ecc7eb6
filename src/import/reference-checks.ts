import type { Engine } from "../core/engine.js";
import { ENTITIES, type EntityName } from "../core/model/entities.js";
import { type ImportIssue, issueValue } from "./import-issue.js";
import { type FastViews, stageTable } from "./staging.js";

/** At most this many orphan warnings per column are listed; the rest are counted in one summary warning. */
export const WARNINGS_PER_COLUMN = 1000;

/**
 * Unknown foreign keys are warnings (DATA_MODEL.md, "Bad input"): a staged
 * value must exist among the staged or stored rows of the referenced entity.
 * A reference to an entity with no rows at all is not checked: the dataset
 * simply does not include that entity.
 */
export async function findOrphanReferences(
  engine: Engine,
  staged: ReadonlySet<EntityName>,
  /** The fast path's views of an entity's rows, when it staged some (they count as staged). */
  fastViewOf: (entity: EntityName) => FastViews | undefined = () => undefined,
): Promise<ImportIssue[]> {
  const q = engine.dialect.quoteIdentifier;
  /** The staged rows of `entity` as a FROM item, with `columns`. */
  const stagedRows = (entity: EntityName, columns: readonly string[]): string => {
    const view = fastViewOf(entity)?.cells;
    const list = columns.map(q).join(", ");
    if (!view) return q(stageTable(entity));
    return `(SELECT ${list} FROM ${q(stageTable(entity))} UNION ALL SELECT ${list} FROM ${q(view)})`;
  };
  const warnings: ImportIssue[] = [];
  const rowCount = new Map<EntityName, number>();
  const countRows = async (entity: EntityName): Promise<number> => {
    let n = rowCount.get(entity);
    if (n === undefined) {
      const rows = await engine.query({
        sql: `SELECT (SELECT count(*) FROM ${q(entity)}) + (SELECT count(*) FROM ${stagedRows(entity, ["_line"])}) AS n`,
        params: [],
      });
      n = Number(rows[0]?.n ?? 0);
      rowCount.set(entity, n);
    }
    return n;
  };
  for (const entity of ENTITIES) {
    if (!staged.has(entity.name)) continue;
    for (const column of entity.columns) {
      const ref = column.references;
      if (!ref || (await countRows(ref.entity)) === 0) continue;
      const c = q(column.name);
      const rc = q(ref.column);
      // One anti-join over stored and staged keys: two NOT EXISTS took DuckDB three times as long.
      const known = `SELECT ${rc} FROM ${q(ref.entity)} UNION ALL SELECT ${rc} FROM ${stagedRows(ref.entity, [ref.column])} k`;
      const where = `s.${c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (${known}) t WHERE t.${rc} = s.${c})`;
      const from = `${stagedRows(entity.name, ["_file", "_line", column.name])} s`;
      const rows = await engine.query({
        sql: `SELECT s."_file" AS f, CAST(s."_line" AS INTEGER) AS l, s.${c} AS v, count(*) OVER () AS total
              FROM ${from} WHERE ${where} ORDER BY s."_file", s."_line" LIMIT ${WARNINGS_PER_COLUMN}`,
        params: [],
      });
      for (const row of rows) {
        warnings.push({
          severity: "warning",
          code: "orphan_reference",
          file: String(row.f),
          line: Number(row.l),
          column: column.name,
          ...issueValue(String(row.v)),
          reason: `${column.name} ${String(row.v)} is not a known ${ref.column} in ${ref.entity}; the row was imported, add the missing ${ref.entity} row or correct the id`,
          messageKey: "importer.row.orphan",
          params: { refColumn: ref.column, refEntity: ref.entity },
        });
      }
      const total = Number(rows[0]?.total ?? 0);
      if (total > rows.length) {
        warnings.push({
          severity: "warning",
          code: "orphan_reference",
          file: String(rows[0]?.f ?? entity.name),
          line: null,
          column: column.name,
          value: null,
          reason: `${total - rows.length} more rows of ${entity.name} have a ${column.name} not found in ${ref.entity}`,
          messageKey: "importer.row.orphanMore",
          params: { count: total - rows.length, entity: entity.name, refEntity: ref.entity },
        });
      }
    }
  }
  return warnings;
}
