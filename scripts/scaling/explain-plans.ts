/**
 * The plans docs/scaling.md shows: on a fresh Citus stand-in filled with
 * ../shared/data/reference, the full report runs once while the SELECT of
 * each shared relation it builds from the fact tables is EXPLAINed (VERBOSE)
 * first, with the same bound values; then two small queries that isolate the
 * two shapes (a grouping by customer_id, a grouping by month). Prints
 * Markdown on stdout; the plans' `Output:` lines (every column each node
 * passes up) are left out unless `--outputs` is given.
 *
 *   CRM_KPI_TEST_CITUS=… CRM_KPI_TEST_CITUS_WORKERS=… npx tsx scripts/scaling/explain-plans.ts
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPORT } from "../../bench/bench-phases.js";
import type { Engine } from "../../src/core/engine.js";
import type { SqlValue } from "../../src/core/sql/compiled-query.js";
import { openPostgres } from "../../src/engines/postgres/open-postgres.js";
import { importDataset } from "../../src/import/index.js";
import { runReport } from "../../src/report/run-report.js";
import { freshCitusStandin } from "./fresh-databases.js";

const reference = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../shared/data/reference",
);
/** Shared relations worth showing: one per shape (customer-keyed, period-keyed). */
const SHOWN = ["rpt_customers", "rpt_period_orders"];
const SHAPES = {
  "orders grouped by customer_id":
    "SELECT customer_id, count(*), sum(amount_base) FROM orders GROUP BY customer_id",
  "orders joined with their customers, grouped by customer_id":
    "SELECT o.customer_id, c.region, sum(o.amount_base) FROM orders o JOIN customers c ON c.customer_id = o.customer_id GROUP BY o.customer_id, c.region",
  "orders grouped by month":
    "SELECT date_trunc('month', ordered_at) AS month, sum(amount_base) FROM orders GROUP BY 1",
};

const coordinatorUrl = process.env.CRM_KPI_TEST_CITUS;
const workers = (process.env.CRM_KPI_TEST_CITUS_WORKERS ?? "").split(",").filter(Boolean);
if (!coordinatorUrl || workers.length === 0) {
  console.error(
    "Set CRM_KPI_TEST_CITUS and CRM_KPI_TEST_CITUS_WORKERS (`. .ci/start-postgres.sh; . .ci/start-citus-standin.sh`).",
  );
  process.exit(2);
}

async function explain(engine: Engine, sql: string, params: readonly SqlValue[]): Promise<string> {
  const rows = await engine.query({ sql: `EXPLAIN (VERBOSE, COSTS OFF) ${sql}`, params });
  const lines = rows.map((r) => String(r["QUERY PLAN"]));
  return (process.argv.includes("--outputs") ? lines : lines.filter((l) => !/^\s*Output: /.test(l))).join(
    "\n",
  );
}

const standin = await freshCitusStandin(coordinatorUrl, workers, "crm_kpi_citus_explain");
const engine = await openPostgres(standin.coordinator.url);
try {
  const imported = await importDataset(engine, reference);
  if (imported.errors.length > 0) throw new Error("the reference import failed");
  const out: string[] = [];
  const execute = engine.execute.bind(engine);
  engine.execute = async (sql, params = []) => {
    const temp = /^CREATE TEMP TABLE "(\w+)" AS ([\s\S]*)$/.exec(sql);
    if (temp?.[1] && temp[2] && SHOWN.includes(temp[1])) {
      out.push(
        `### ${temp[1]}\n\n\`\`\`sql\n${temp[2].trim()}\n\`\`\`\n\n\`\`\`\n${await explain(engine, temp[2], params)}\n\`\`\`\n`,
      );
    }
    return execute(sql, params);
  };
  await runReport(engine, REPORT);
  engine.execute = execute;
  for (const [title, sql] of Object.entries(SHAPES)) {
    out.push(
      `### ${title}\n\n\`\`\`sql\n${sql}\n\`\`\`\n\n\`\`\`\n${await explain(engine, sql, [])}\n\`\`\`\n`,
    );
  }
  console.log(out.join("\n"));
} finally {
  await engine.close();
  await standin.drop();
}
