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
    async listen(channel, onNotify) {
      const listener = new pg.Client({ connectionString: url });
      listener.on("error", () => {
        // A lost listener only means no more notices; the statements of the sessions report their own failures.
      });
      listener.on("notification", (message) => {
        if (message.channel === channel) onNotify();
      });
      await listener.connect();
      await listener.query(`LISTEN ${channel}`);
      return () => listener.end();
    },
    close: () => client.end(),
  };
}
