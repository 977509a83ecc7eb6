import pg from "pg";
import { prepareCitusStandin } from "./prepare-citus-standin.js";

/** A database created for one run on a PostgreSQL server, dropped by `drop()`. */
export interface FreshDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates database `name` on the server of `serverUrl` (any database URL of that server). */
export async function freshDatabase(serverUrl: string, name: string): Promise<FreshDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A laid-out, empty Citus stand-in of its own: database `name` on the coordinator's server and on each worker. */
export async function freshCitusStandin(
  coordinatorUrl: string,
  workerUrls: readonly string[],
  name: string,
  shards = 4,
): Promise<{
  readonly coordinator: FreshDatabase;
  readonly workers: readonly FreshDatabase[];
  drop(): Promise<void>;
}> {
  const coordinator = await freshDatabase(coordinatorUrl, name);
  const workers: FreshDatabase[] = [];
  for (const url of workerUrls) workers.push(await freshDatabase(url, name));
  // The coordinator first: its postgres_fdw connections hold the worker databases open.
  const drop = async () => {
    await coordinator.drop();
    for (const worker of workers) await worker.drop();
  };
  try {
    await prepareCitusStandin({ coordinator: coordinator.url, workers: workers.map((w) => w.url), shards });
  } catch (error) {
    await drop();
    throw error;
  }
  return { coordinator, workers, drop };
}
