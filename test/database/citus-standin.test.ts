import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshCitusStandin } from "../../scripts/scaling/fresh-databases.js";
import type { Engine } from "../../src/core/engine.js";
import { openPostgres } from "../../src/engines/postgres/open-postgres.js";
import { importDataset } from "../../src/import/index.js";
import { describeGoldenFiles, REFERENCE } from "../support/golden-values.js";

/**
 * The road past one machine (docs/scaling.md), on Citus's closest stand-in: a
 * coordinator whose fact tables are hash partitions held by worker servers
 * through postgres_fdw (scripts/scaling/). The normal import fills it and
 * every golden value must come out, as on one server.
 */
const coordinatorUrl = process.env.CRM_KPI_TEST_CITUS;
const workerUrls = (process.env.CRM_KPI_TEST_CITUS_WORKERS ?? "").split(",").filter(Boolean);
const title = coordinatorUrl
  ? "the Citus stand-in (coordinator and workers)"
  : "the Citus stand-in: skipped, CRM_KPI_TEST_CITUS is unset (`. .ci/start-postgres.sh; . .ci/start-citus-standin.sh` sets it, as .ci/run does)";

// The skip says why, where a run shows it.
if (!coordinatorUrl) console.warn(title);

async function queryRows(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!coordinatorUrl)(title, () => {
  let engine: Engine;
  let standin: Awaited<ReturnType<typeof freshCitusStandin>> | undefined;
  let coordinator: FreshDatabase;
  let workers: readonly FreshDatabase[] = [];

  beforeAll(async () => {
    expect(workerUrls.length).toBeGreaterThanOrEqual(2);
    standin = await freshCitusStandin(coordinatorUrl ?? "", workerUrls, `crm_kpi_citus_${process.pid}`, 4);
    ({ coordinator, workers } = standin);
    engine = await openPostgres(coordinator.url);
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
  }, 300_000);

  afterAll(async () => {
    await engine?.close();
    await standin?.drop();
  });

  it("keeps every row of a distributed table on the workers, and some on each", async () => {
    const tables = await queryRows(
      coordinator.url,
      "SELECT relation FROM citus_standin.tables WHERE kind = 'distributed' ORDER BY relation",
    );
    expect(tables.map((t) => t.relation)).toContain("orders");
    for (const { relation } of tables) {
      const [total] = await queryRows(coordinator.url, `SELECT count(*)::int AS n FROM ${relation}`);
      const perWorker: number[] = [];
      for (const worker of workers) {
        const shards = await queryRows(
          worker.url,
          `SELECT tablename FROM pg_tables WHERE tablename LIKE '${relation}\\_shard\\_%'`,
        );
        const counts = await Promise.all(
          shards.map(
            async (s) => (await queryRows(worker.url, `SELECT count(*)::int AS n FROM ${s.tablename}`))[0]?.n,
          ),
        );
        perWorker.push(counts.reduce((a: number, b) => a + Number(b), 0));
      }
      expect({ relation, total: total?.n }).toEqual({
        relation,
        total: perWorker.reduce((a, b) => a + b, 0),
      });
      expect({ relation, empty: perWorker.filter((n) => n === 0).length }).toEqual({ relation, empty: 0 });
    }
  });

  it("aggregates a grouping by customer_id and a colocated join on the workers, and ships the rows of a grouping by month", async () => {
    const plan = async (sql: string) =>
      (await queryRows(coordinator.url, `EXPLAIN (VERBOSE, COSTS OFF) ${sql}`))
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    const byCustomer = await plan("SELECT customer_id, sum(amount_base) FROM orders GROUP BY customer_id");
    const remoteByCustomer = byCustomer.split("\n").filter((line) => line.includes("Remote SQL"));
    expect(remoteByCustomer).toHaveLength(4);
    for (const line of remoteByCustomer) expect(line).toMatch(/GROUP BY/);
    // Colocated: each worker joins its own shards of orders and customers and aggregates the result.
    const joined = await plan(
      "SELECT o.customer_id, c.region, sum(o.amount_base) FROM orders o JOIN customers c ON c.customer_id = o.customer_id GROUP BY o.customer_id, c.region",
    );
    const remoteJoined = joined.split("\n").filter((line) => line.includes("Remote SQL"));
    expect(remoteJoined).toHaveLength(4);
    for (const line of remoteJoined) expect(line).toMatch(/INNER JOIN .*GROUP BY/);
    const byMonth = await plan(
      "SELECT date_trunc('month', ordered_at), sum(amount_base) FROM orders GROUP BY 1",
    );
    const remoteByMonth = byMonth.split("\n").filter((line) => line.includes("Remote SQL"));
    expect(remoteByMonth).toHaveLength(4);
    for (const line of remoteByMonth) expect(line).not.toMatch(/GROUP BY/);
  });

  it("replaces the rows on the workers when the same folder is imported again", async () => {
    const count = async () =>
      (await queryRows(coordinator.url, "SELECT (SELECT count(*) FROM orders)::int AS n"))[0]?.n;
    const before = await count();
    const again = await importDataset(engine, REFERENCE);
    expect(again.errors).toEqual([]);
    expect(await count()).toBe(before);
    expect(before).toBe(again.rowsByEntity.orders);
  });

  // After the second import: the golden values hold on the rows it left.
  describeGoldenFiles(() => engine);
});
