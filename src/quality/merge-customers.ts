import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { ENTITIES, type EntityDef } from "../core/model/entities.js";
import { storageColumns } from "../core/schema/tables.js";
import { ParamList, type SqlValue } from "../core/sql/compiled-query.js";
import type { SqlDialect } from "../core/sql/dialect.js";
import { timestampText } from "../core/sql/timestamp-text.js";

/** What one merge did: `merged_ids` were folded into `survivor_id`. */
export interface MergeRecord {
  readonly merge_id: string;
  readonly cluster_id: string | null;
  readonly survivor_id: string;
  readonly merged_ids: string[];
}

/** A cluster to merge: its first id survives (the earliest record, see find-duplicates). */
export interface MergeRequest {
  readonly cluster_id?: string;
  readonly customer_ids: readonly string[];
}

const MAP = "_quality_merge_map";

/** Every column that points at a customer, found from the model (entities.ts `references`). */
export function customerReferences(): { entity: EntityDef; column: string }[] {
  return ENTITIES.flatMap((entity) =>
    entity.columns
      .filter((c) => c.references?.entity === "customers")
      .map((c) => ({ entity, column: c.name })),
  );
}

/** A text identifying one row of an entity by its key columns. */
function rowKeySql(dialect: SqlDialect, entity: EntityDef, alias: string): string {
  const parts = entity.key.map((k) => `CAST(${alias}.${dialect.quoteIdentifier(k)} AS VARCHAR)`);
  if (parts.length === 1) return parts[0] as string;
  return `concat_ws(chr(31), ${parts.map((p) => `coalesce(${p}, '')`).join(", ")})`;
}

function customerColumnNames(): string[] {
  const customers = ENTITIES.find((e) => e.name === "customers");
  return customers ? storageColumns(customers).map((c) => c.name) : [];
}

/**
 * Merges each cluster into its first customer in one transaction: every
 * foreign key to a merged record is repointed, empty survivor fields are
 * filled from the merged records (oldest first), the merged records are
 * deleted, and everything needed for an exact undo goes to the audit tables.
 *
 * @example await mergeCustomers(engine, [{ customer_ids: ["C1", "C2"] }]) // [{ merge_id: "M0001", … }]
 */
export async function mergeCustomers(
  engine: Engine,
  requests: readonly MergeRequest[],
  now = Date.now(),
): Promise<MergeRecord[]> {
  if (requests.length === 0) return [];
  const q = (name: string) => engine.dialect.quoteIdentifier(name);
  return engine.transaction(async () => {
    await assertMergeable(engine, requests);
    const next = await engine.query({
      sql: "SELECT coalesce(max(seq), 0) AS s FROM quality_merges",
      params: [],
    });
    let seq = Number(next[0]?.s ?? 0);
    const records: MergeRecord[] = requests.map((r) => {
      seq += 1;
      const [survivor, ...merged] = r.customer_ids;
      return {
        merge_id: `M${String(seq).padStart(4, "0")}`,
        cluster_id: r.cluster_id ?? null,
        survivor_id: survivor as string,
        merged_ids: merged,
      };
    });
    await engine.execute(`DROP TABLE IF EXISTS ${MAP}`);
    await engine.execute(`CREATE TEMP TABLE ${MAP} (merge_id VARCHAR, from_id VARCHAR, to_id VARCHAR)`);
    try {
      const mapRows = records.flatMap((m) =>
        m.merged_ids.map((id): SqlValue[] => [m.merge_id, id, m.survivor_id]),
      );
      await insertChunked(engine, MAP, mapRows);
      const mergeRows = records.map((m, i): SqlValue[] => [
        m.merge_id,
        seq - records.length + i + 1,
        m.cluster_id,
        m.survivor_id,
        JSON.stringify(m.merged_ids),
        timestampText(now),
      ]);
      const p = engine.dialect.placeholder;
      const insert = `INSERT INTO quality_merges VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${engine.dialect.timestampParam(p(6))})`;
      for (const row of mergeRows) await engine.execute(insert, row);
      const cols = customerColumnNames().map(q);
      const list = cols.join(", ");
      const cList = cols.map((c) => `c.${c}`).join(", ");
      await engine.execute(
        `INSERT INTO quality_merged_customers (_merge_id, _merge_role, ${list})
         SELECT s.merge_id, 'survivor', ${cList} FROM customers c JOIN (SELECT DISTINCT merge_id, to_id FROM ${MAP}) s ON c.customer_id = s.to_id`,
      );
      await engine.execute(
        `INSERT INTO quality_merged_customers (_merge_id, _merge_role, ${list})
         SELECT m.merge_id, 'merged', ${cList} FROM customers c JOIN ${MAP} m ON c.customer_id = m.from_id`,
      );
      for (const { entity, column } of customerReferences()) {
        const t = q(entity.name);
        const col = q(column);
        const params = new ParamList(engine.dialect.placeholder);
        await engine.execute(
          `INSERT INTO quality_merge_repoints
           SELECT m.merge_id, ${params.bind(entity.name)}, ${params.bind(column)}, ${rowKeySql(engine.dialect, entity, "e")}, e.${col} FROM ${t} e JOIN ${MAP} m ON e.${col} = m.from_id`,
          params.values,
        );
        await engine.execute(`UPDATE ${t} SET ${col} = m.to_id FROM ${MAP} m WHERE ${t}.${col} = m.from_id`);
      }
      await fillSurvivors(
        engine,
        records.map((r) => r.merge_id),
      );
      await engine.execute(`DELETE FROM customers WHERE customer_id IN (SELECT from_id FROM ${MAP})`);
    } finally {
      await engine.execute(`DROP TABLE IF EXISTS ${MAP}`);
    }
    return records;
  });
}

/** Empty survivor fields take the first non-empty value of the merged records, oldest first. */
async function fillSurvivors(engine: Engine, mergeIds: readonly string[]): Promise<void> {
  const fillable = customerColumnNames().filter((c) => !["customer_id", "_file", "_line"].includes(c));
  const params = new ParamList(engine.dialect.placeholder);
  const ids = mergeIds.map((id) => params.bind(id)).join(", ");
  for (const column of fillable) {
    const col = engine.dialect.quoteIdentifier(column);
    await engine.execute(
      `UPDATE customers SET ${col} = f.v FROM (
         SELECT survivor_id, v FROM (
           SELECT mg.survivor_id, a.${col} AS v,
                  ROW_NUMBER() OVER (PARTITION BY mg.survivor_id ORDER BY a.created_at, ${engine.dialect.binaryOrder("a.customer_id")}) AS rn
           FROM quality_merged_customers a JOIN quality_merges mg ON mg.merge_id = a._merge_id
           WHERE a._merge_role = 'merged' AND a._merge_id IN (${ids}) AND a.${col} IS NOT NULL) ranked
         WHERE rn = 1) f
       WHERE customers.customer_id = f.survivor_id AND customers.${col} IS NULL AND f.v IS NOT NULL`,
      params.values,
    );
  }
}

async function assertMergeable(engine: Engine, requests: readonly MergeRequest[]): Promise<void> {
  const seen = new Set<string>();
  for (const request of requests) {
    if (request.customer_ids.length < 2) {
      throw new CrmKpiError("bad_argument", "a merge needs at least two customers", {
        value: request.customer_ids.join(","),
      });
    }
    for (const id of request.customer_ids) {
      if (seen.has(id)) {
        throw new CrmKpiError("bad_argument", `customer ${id} is in two clusters; merge them one at a time`, {
          value: id,
        });
      }
      seen.add(id);
    }
  }
  const all = [...seen];
  const found = new Set<string>();
  for (let i = 0; i < all.length; i += 500) {
    const params = new ParamList(engine.dialect.placeholder);
    const ids = all.slice(i, i + 500).map((id) => params.bind(id));
    const rows = await engine.query({
      sql: `SELECT customer_id FROM customers WHERE customer_id IN (${ids.join(", ")})`,
      params: params.values,
    });
    for (const r of rows) found.add(String(r.customer_id));
  }
  const missing = all.find((id) => !found.has(id));
  if (missing !== undefined) {
    throw new CrmKpiError(
      "bad_argument",
      `customer ${missing} does not exist (already merged?); run \`crm-kpi dedupe --review\` again`,
      { value: missing },
    );
  }
}

async function insertChunked(engine: Engine, table: string, rows: readonly SqlValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    const params = new ParamList(engine.dialect.placeholder);
    const tuples = chunk.map((row) => `(${row.map((value) => params.bind(value)).join(", ")})`);
    await engine.execute(`INSERT INTO ${table} VALUES ${tuples.join(", ")}`, params.values);
  }
}

/** The merges that can be undone, oldest first. */
export async function listMerges(engine: Engine): Promise<MergeRecord[]> {
  const rows = await engine.query({
    sql: "SELECT merge_id, cluster_id, survivor_id, merged_ids FROM quality_merges ORDER BY seq",
    params: [],
  });
  return rows.map((r) => ({
    merge_id: String(r.merge_id),
    cluster_id: r.cluster_id === null ? null : String(r.cluster_id),
    survivor_id: String(r.survivor_id),
    merged_ids: JSON.parse(String(r.merged_ids)) as string[],
  }));
}

/**
 * Undoes merges exactly: foreign keys get their old values, the survivor and
 * the merged records come back as they were, and the audit rows go. `all`
 * undoes every merge, newest first; one merge can be undone only when no later
 * merge built on its survivor.
 *
 * @example await undoMerges(engine, ["M0002"]) // ["M0002"]
 */
export async function undoMerges(engine: Engine, which: readonly string[] | "all"): Promise<string[]> {
  return engine.transaction(async () => {
    const merges = await listMerges(engine);
    const targets =
      which === "all"
        ? [...merges].reverse()
        : which.map((id) => {
            const found = merges.find((m) => m.merge_id === id);
            if (!found) {
              throw new CrmKpiError(
                "bad_argument",
                `there is no merge ${id}; \`crm-kpi dedupe --review\` lists the merges that can be undone`,
                { value: id },
              );
            }
            return found;
          });
    const undone = new Set<string>();
    for (const merge of targets) {
      const later = merges.find(
        (m) =>
          !undone.has(m.merge_id) &&
          m.merge_id > merge.merge_id &&
          (m.survivor_id === merge.survivor_id || m.merged_ids.includes(merge.survivor_id)),
      );
      if (later && !targets.some((t) => t.merge_id === later.merge_id && !undone.has(t.merge_id))) {
        throw new CrmKpiError(
          "bad_argument",
          `merge ${later.merge_id} was built on ${merge.merge_id}; undo ${later.merge_id} first`,
          { value: merge.merge_id },
        );
      }
      await undoOne(engine, merge);
      undone.add(merge.merge_id);
    }
    return [...undone];
  });
}

async function undoOne(engine: Engine, merge: MergeRecord): Promise<void> {
  const q = (name: string) => engine.dialect.quoteIdentifier(name);
  const first = engine.dialect.placeholder(1);
  for (const { entity, column } of customerReferences()) {
    const t = q(entity.name);
    const params = new ParamList(engine.dialect.placeholder);
    await engine.execute(
      `UPDATE ${t} SET ${q(column)} = r.old_value FROM quality_merge_repoints r
       WHERE r.merge_id = ${params.bind(merge.merge_id)} AND r.entity = ${params.bind(entity.name)}
         AND r.column_name = ${params.bind(column)} AND ${rowKeySql(engine.dialect, entity, t)} = r.row_key`,
      params.values,
    );
  }
  const list = customerColumnNames().map(q).join(", ");
  await engine.execute(`DELETE FROM customers WHERE customer_id = ${first}`, [merge.survivor_id]);
  await engine.execute(
    `INSERT INTO customers (${list}) SELECT ${list} FROM quality_merged_customers WHERE _merge_id = ${first}`,
    [merge.merge_id],
  );
  await engine.execute(`DELETE FROM quality_merge_repoints WHERE merge_id = ${first}`, [merge.merge_id]);
  await engine.execute(`DELETE FROM quality_merged_customers WHERE _merge_id = ${first}`, [merge.merge_id]);
  await engine.execute(`DELETE FROM quality_merges WHERE merge_id = ${first}`, [merge.merge_id]);
}
