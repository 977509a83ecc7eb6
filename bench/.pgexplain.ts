// temporary profiling driver (not committed): EXPLAIN ANALYZE of every report statement
import { writeFile } from "node:fs/promises";
import type { Engine } from "../src/core/engine.js";
import { openPostgres } from "../src/engines/postgres/open-postgres.js";
import { runReport } from "../src/report/run-report.js";
import { REPORT } from "./bench-phases.js";
import { scaleDatabaseUrl } from "./postgres-phases.js";

const engine = await openPostgres(scaleDatabaseUrl(process.env.U as string, 10));
const out: { ms: number; sql: string; plan: string }[] = [];
const plan = (rows: Record<string, unknown>[]) => rows.map((r) => String(Object.values(r)[0])).join("\n");
const explain = process.argv[2] !== "time";
const e: Engine = new Proxy(engine, {
  get(t, prop, rec) {
    if (prop === "execute")
      return async (sql: string, params: never[]) => {
        const st = performance.now();
        if (explain && /^CREATE TEMP TABLE/.test(sql)) {
          const rows = await t.query({ sql: `EXPLAIN (ANALYZE) ${sql}`, params });
          out.push({ ms: performance.now() - st, sql, plan: plan(rows) });
        } else {
          await t.execute(sql, params);
          out.push({ ms: performance.now() - st, sql, plan: "" });
        }
      };
    if (prop === "query")
      return async (q: { sql: string; params: never[] }) => {
        const st = performance.now();
        if (!explain) {
          const r = await t.query(q);
          out.push({ ms: performance.now() - st, sql: q.sql, plan: "" });
          return r;
        }
        const rows = await t.query({ sql: `EXPLAIN (ANALYZE) ${q.sql}`, params: q.params });
        out.push({ ms: performance.now() - st, sql: q.sql, plan: plan(rows) });
        return t.query(q);
      };
    return Reflect.get(t, prop, rec);
  },
});
const t0 = performance.now();
await runReport(e, REPORT);
console.log("total", ((performance.now() - t0) / 1000).toFixed(2));
await engine.close();
out.sort((a, b) => b.ms - a.ms);
await writeFile(
  "/tmp/pgspeed-explain.txt",
  out.map((o) => `=== ${o.ms.toFixed(0)} ms\n${o.sql}\n---\n${o.plan}\n`).join("\n"),
);
console.log(
  out
    .slice(0, 25)
    .map((o) => `${o.ms.toFixed(0)} ${o.sql.replace(/\s+/g, " ").slice(0, 110)}`)
    .join("\n"),
);
