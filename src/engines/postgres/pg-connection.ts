import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ResultRow } from "../../core/engine.js";
import type { SqlValue } from "../../core/sql/compiled-query.js";
import { copyStatement, type PostgresConnection, SESSION_SETUP } from "./postgres-engine.js";
import { VALUE_PARSERS } from "./postgres-values.js";

/** `pg`'s parsers replaced by the engine's value contract (postgres-values.ts). */
const types = {
  getTypeParser(oid: number, format?: string) {
    const parser = VALUE_PARSERS[oid];
    return parser ?? pg.types.getTypeParser(oid, format as "text");
  },
};

/** A `pg` client connected to `url`, in UTC. */
export async function connectPg(url: string): Promise<PostgresConnection> {
  const client = new pg.Client({ connectionString: url, types: types as pg.CustomTypesConfig });
  // A connection that drops (server restart, idle timeout) emits `error`; unheard, that ends the
  // process. Heard, the statement running fails, and so does every later one, with this cause.
  let lost: Error | undefined;
  client.on("error", (error) => {
    lost = error;
  });
  await client.connect();
  await client.query(SESSION_SETUP);
  const alive = () => {
    if (lost) throw new Error(`the connection to PostgreSQL was lost: ${lost.message}`);
  };
  return {
    async query(sql, params) {
      alive();
      const result = await client.query({ text: sql, values: params as SqlValue[] });
      return result.rows as ResultRow[];
    },
    async copyCsv(table, columns, csv) {
      alive();
      const stream = client.query(copyFrom(copyStatement(table, columns, "STDIN")));
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", resolve);
        stream.end(csv);
      });
    },
    connectAgain: () => connectPg(url),
    listen: (channel, onNotify) => listenAlways(url, channel, onNotify),
    close: () => client.end(),
  };
}

/** First wait before connecting a lost listener again; it doubles up to the second. */
const LISTEN_RETRY_MS = 100;
const LISTEN_RETRY_MAX_MS = 30_000;

/**
 * LISTENs on `channel` on a connection of its own, and keeps listening: a
 * lost connection (server restart, idle timeout, a terminated backend) is
 * opened again, waiting longer after each failure. Notices sent while it was
 * away are lost, so one `onNotify` follows each reconnection (a server then
 * drops what it cached). The first connection's failure is thrown.
 */
async function listenAlways(
  url: string,
  channel: string,
  onNotify: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let wait = LISTEN_RETRY_MS;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    current = client;
    client.on("notification", (message) => {
      if (message.channel === channel) onNotify();
    });
    client.on("error", () => lost(client));
    client.on("end", () => lost(client));
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  };
  const lost = (client: pg.Client): void => {
    if (stopped || client !== current || retry) return;
    current = undefined;
    client.end().catch(() => undefined);
    retry = setTimeout(() => void reconnect(), wait);
    retry.unref();
    wait = Math.min(wait * 2, LISTEN_RETRY_MAX_MS);
  };
  const reconnect = async (): Promise<void> => {
    retry = undefined;
    if (stopped) return;
    const attempt = connect();
    const client = current as pg.Client;
    try {
      await attempt;
      wait = LISTEN_RETRY_MS;
      if (!stopped) onNotify();
    } catch {
      lost(client);
    }
  };
  try {
    await connect();
  } catch (error) {
    stopped = true;
    if (retry) clearTimeout(retry);
    await current?.end().catch(() => undefined);
    throw error;
  }
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await current?.end().catch(() => undefined);
  };
}
