import type { Engine } from "../core/engine.js";
import { isoSeconds, timestampText } from "../core/sql/timestamp-text.js";
import type { Finding } from "./findings.js";

/** Replaces the stored findings with those of the latest `crm-kpi quality` run. */
export async function saveFindings(
  engine: Engine,
  findings: readonly Finding[],
  now = Date.now(),
): Promise<void> {
  const { dialect } = engine;
  await engine.transaction(async () => {
    await engine.execute("DELETE FROM quality_findings");
    for (let i = 0; i < findings.length; i += 200) {
      const chunk = findings.slice(i, i + 200);
      const params = chunk.flatMap((f) => [f.kind, JSON.stringify(f), timestampText(now)]);
      const tuples = chunk.map((_, j) => {
        const at = (k: number) => dialect.placeholder(3 * j + k);
        return `(${at(1)}, ${at(2)}, ${dialect.timestampParam(at(3))})`;
      });
      await engine.execute(`INSERT INTO quality_findings VALUES ${tuples.join(", ")}`, params);
    }
  });
}

/** The stored findings and when they were computed (null when `quality` never ran). */
export async function loadFindings(
  engine: Engine,
): Promise<{ findings: Finding[]; computedAt: string | null }> {
  const rows = await engine.query({
    sql: "SELECT finding, computed_at AS at FROM quality_findings",
    params: [],
  });
  const at = rows[0]?.at;
  return {
    findings: rows.map((r) => JSON.parse(String(r.finding)) as Finding),
    computedAt: at === undefined || at === null ? null : `${isoSeconds(String(at))}Z`,
  };
}

/** Drops stored duplicate findings that name any of these customers (they were merged). */
export async function closeDuplicateFindings(engine: Engine, customerIds: readonly string[]): Promise<void> {
  const { findings, computedAt } = await loadFindings(engine);
  if (computedAt === null) return;
  const merged = new Set(customerIds);
  const open = findings.filter(
    (f) => !(f.kind === "duplicate_customers" && f.customer_ids.some((id) => merged.has(id))),
  );
  if (open.length !== findings.length) await saveFindings(engine, open);
}
