/**
 * Lays crm-kpi's tables out on the Citus stand-in: one coordinator database
 * and worker databases on other PostgreSQL servers. It brings the
 * coordinator to crm-kpi's newest schema, makes each worker a postgres_fdw
 * server (worker_1, worker_2, …), runs citus-layout.sql with the stand-in's
 * create_distributed_table / create_reference_table
 * (citus-standin-functions.sql), then creates on each worker the table behind
 * every foreign partition. Run it on empty databases, before any import.
 *
 *   npx tsx scripts/scaling/prepare-citus-standin.ts --coordinator postgres://…/db --workers postgres://…/db,postgres://…/db [--shards 4]
 *
 * (defaults: CRM_KPI_TEST_CITUS and CRM_KPI_TEST_CITUS_WORKERS).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openPostgres } from "../../src/engines/postgres/open-postgres.js";

const here = path.dirname(fileURLToPath(import.meta.url));

export interface CitusStandin {
  /** URL of the coordinator database (crm-kpi's `--db`). */
  readonly coordinator: string;
  /** URLs of the worker databases, one per worker. */
  readonly workers: readonly string[];
  /** Hash partitions per distributed table (Citus's shard_count; default 4). */
  readonly shards?: number;
}

/**
 * Server options: rows fetched 10,000 at a time (not 100), inserts sent 1,000
 * at a time, workers scanned in parallel; costs asked of the workers, without
 * which the planner joins colocated shards on the coordinator instead of
 * sending the join (and its aggregate) to the worker that holds both.
 */
const SERVER_OPTIONS = {
  fetch_size: "10000",
  batch_size: "1000",
  async_capable: "true",
  use_remote_estimate: "true",
};

export async function prepareCitusStandin(standin: CitusStandin): Promise<void> {
  if (standin.workers.length === 0) throw new Error("the Citus stand-in needs at least one worker URL");
  await (await openPostgres(standin.coordinator)).close();
  const coordinator = await connect(standin.coordinator);
  try {
    await coordinator.query("CREATE EXTENSION IF NOT EXISTS postgres_fdw");
    for (const [index, url] of standin.workers.entries()) {
      const server = `worker_${index + 1}`;
      const target = new URL(url);
      const options = {
        host: target.hostname,
        port: target.port || "5432",
        dbname: decodeURIComponent(target.pathname.slice(1)) || "postgres",
        ...SERVER_OPTIONS,
      };
      await coordinator.query(
        `CREATE SERVER ${server} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (${pairs(options)})`,
      );
      const login: Record<string, string> = { user: decodeURIComponent(target.username) || "postgres" };
      if (target.password) login.password = decodeURIComponent(target.password);
      await coordinator.query(
        `CREATE USER MAPPING FOR CURRENT_USER SERVER ${server} OPTIONS (${pairs(login)})`,
      );
    }
    await coordinator.query(await readFile(path.join(here, "citus-standin-functions.sql"), "utf8"));
    await coordinator.query(`SET citus_standin.shard_count = ${Math.trunc(standin.shards ?? 4)}`);
    await coordinator.query("SET search_path = public, citus_standin");
    await coordinator.query(await readFile(path.join(here, "citus-layout.sql"), "utf8"));
    await coordinator.query("RESET search_path");
    // Joins and aggregates of colocated partitions go to the worker holding both (off by default in PostgreSQL).
    const database = (await coordinator.query("SELECT current_database() AS name")).rows[0].name as string;
    for (const setting of ["enable_partitionwise_join", "enable_partitionwise_aggregate"]) {
      await coordinator.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} SET ${setting} = on`);
    }
    await createShards(coordinator, standin.workers);
  } finally {
    await coordinator.end();
  }
}

/** Creates on its worker the table behind every foreign partition: the partition's columns, types and NOT NULLs. */
async function createShards(coordinator: pg.Client, workers: readonly string[]): Promise<void> {
  const { rows } = await coordinator.query<{ server: string; shard: string; columns: string }>(`
    SELECT s.srvname AS server, c.relname AS shard,
      (SELECT string_agg(format('%I %s%s', a.attname, format_type(a.atttypid, a.atttypmod),
                                CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END), ', ' ORDER BY a.attnum)
         FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
    FROM pg_foreign_table f
    JOIN pg_class c ON c.oid = f.ftrelid
    JOIN pg_foreign_server s ON s.oid = f.ftserver
    ORDER BY s.srvname, c.relname`);
  for (const [index, url] of workers.entries()) {
    const worker = await connect(url);
    try {
      for (const row of rows.filter((r) => r.server === `worker_${index + 1}`)) {
        await worker.query(`CREATE TABLE ${pg.escapeIdentifier(row.shard)} (${row.columns})`);
      }
    } finally {
      await worker.end();
    }
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

const pairs = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([key, value]) => `${key} ${pg.escapeLiteral(value)}`)
    .join(", ");

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const coordinator = arg("--coordinator") ?? process.env.CRM_KPI_TEST_CITUS;
  const workers = (arg("--workers") ?? process.env.CRM_KPI_TEST_CITUS_WORKERS ?? "")
    .split(",")
    .filter(Boolean);
  if (!coordinator || workers.length === 0) {
    console.error(
      "Give --coordinator <url> and --workers <url,url> (or CRM_KPI_TEST_CITUS and CRM_KPI_TEST_CITUS_WORKERS).",
    );
    process.exit(2);
  }
  await prepareCitusStandin({ coordinator, workers, shards: Number(arg("--shards") ?? 4) });
  console.error(`Citus stand-in laid out: coordinator ${coordinator}, ${workers.length} workers.`);
}
