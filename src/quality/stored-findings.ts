import type { Engine } from "../core/engine.js";
import type { Finding } from "./findings.js";

/** Replaces the stored findings with those of the latest `crm-kpi quality` run. */
export async function saveFindings(engine: Engine, findings: readonly Finding[]): Promise<void> {
  await engine.transaction(async () => {
    await engine.execute("DELETE FROM quality_findings");
    for (let i = 0; i < findings.length; i += 200) {
      const chunk = findings.slice(i, i + 200);
      const params = chunk.flatMap((f) => [f.kind, JSON.stringify(f)]);
      const tuples = chunk.map((_, j) => `($${2 * j + 1}, $${2 * j + 2}, CAST(now() AS TIMESTAMP))`);
      await engine.execute(`INSERT INTO quality_findings VALUES ${tuples.join(", ")}`, params);
    }
  });
}

/** The stored findings and when they were computed (null when `quality` never ran). */
export async function loadFindings(
  engine: Engine,
): Promise<{ findings: Finding[]; computedAt: string | null }> {
  const rows = await engine.query({
    sql: "SELECT finding, strftime(computed_at, '%Y-%m-%dT%H:%M:%SZ') AS at FROM quality_findings",
    params: [],
  });
  return {
    findings: rows.map((r) => JSON.parse(String(r.finding)) as Finding),
    computedAt: rows[0]?.at === undefined || rows[0]?.at === null ? null : String(rows[0].at),
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
