import type { Engine } from "../core/engine.js";
import { ENTITIES, type EntityName } from "../core/model/entities.js";

/** Rows per entity, to tell which metrics are available. */
export async function entityRowCounts(engine: Engine): Promise<Record<EntityName, number>> {
  const q = engine.dialect.quoteIdentifier;
  const sql = ENTITIES.map((e) => `SELECT '${e.name}' AS entity, COUNT(*) AS n FROM ${q(e.name)}`).join(
    " UNION ALL ",
  );
  const rows = await engine.query({ sql, params: [] });
  return Object.fromEntries(rows.map((r) => [String(r.entity), Number(r.n)])) as Record<EntityName, number>;
}

/**
 * The default report range: from the earliest customer record to the latest
 * recorded event of any entity. A term's `end_at` is excluded: it can lie in
 * the future (METRICS.md, exact readings).
 */
export async function dataTimeRange(
  engine: Engine,
): Promise<{ firstMs: number; lastMs: number } | undefined> {
  const q = engine.dialect.quoteIdentifier;
  const latest: string[] = [];
  for (const entity of ENTITIES) {
    for (const column of entity.columns) {
      if (column.kind !== "timestamp") continue;
      if (entity.name === "subscriptions" && column.name === "end_at") continue;
      latest.push(`SELECT MAX(${q(column.name)}) AS t FROM ${q(entity.name)}`);
    }
  }
  const sql = `SELECT (SELECT MIN(created_at) FROM customers) AS first_at, (SELECT MAX(t) FROM (${latest.join(" UNION ALL ")}) x) AS last_at`;
  const row = (await engine.query({ sql, params: [] }))[0];
  if (!row?.first_at || !row.last_at) return undefined;
  return { firstMs: parseUtc(String(row.first_at)), lastMs: parseUtc(String(row.last_at)) };
}

function parseUtc(text: string): number {
  return Date.parse(`${text.replace(" ", "T")}Z`);
}
