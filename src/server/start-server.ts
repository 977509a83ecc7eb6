import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { DeliveryConfig } from "../alerts/delivery/deliver-notice.js";
import type { Engine } from "../core/engine.js";
import { redactedUrl } from "../engines/database-url.js";
import { alertsIdle, assertCronPattern, checkServerAlerts, scheduleAlerts } from "./alerts-runner.js";
import { type ApiApp, DEFAULT_LIMITS, type ServerDatabase, type ServerLimits } from "./app-types.js";
import { createApp } from "./create-app.js";
import { warmReports } from "./routes/report.js";
import { openServerDatabase } from "./server-database.js";
import { removeServerLock, writeServerLock } from "./server-lock.js";

export interface StartServerOptions {
  /** The open database; the server owns it from now on and closes it. */
  readonly engine: Engine;
  /** Absolute path of the database file (or `:memory:`): the lock file goes beside it. */
  readonly dbPath: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly auth: boolean;
  readonly limits?: ServerLimits;
  readonly webRoot?: string;
  /** A cron pattern: the alerts are checked on it (`serve --alerts-schedule`). */
  readonly alertsSchedule?: string;
  /** How alert notices go out. */
  readonly delivery?: DeliveryConfig;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly app: ApiApp;
  readonly db: ServerDatabase;
  /** Stops listening, closes the database and removes the lock file. */
  close(): Promise<void>;
}

/**
 * Serves the app on `host:port` and writes `<db>.server.json` (pid, URL),
 * which a CLI command reads to say who holds the database.
 *
 * @example const server = await startServer({ engine, dbPath, host: "127.0.0.1", port: 8080, auth: false })
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  // A bad pattern is refused before anything opens.
  if (options.alertsSchedule) assertCronPattern(options.alertsSchedule);
  const db = await openServerDatabase(options.engine);
  const app = createApp(
    {
      db,
      dbLabel: redactedUrl(options.dbPath),
      auth: options.auth,
      limits: options.limits ?? DEFAULT_LIMITS,
      ...(options.delivery ? { delivery: options.delivery } : {}),
    },
    options.webRoot ? { webRoot: options.webRoot } : {},
  );
  let server: ReturnType<typeof serve>;
  let port: number;
  try {
    ({ server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
      (resolve, reject) => {
        const s = serve(
          { fetch: app.fetch, hostname: options.host, port: options.port },
          (info: AddressInfo) => resolve({ server: s, port: info.port }),
        );
        s.once("error", reject);
      },
    ));
  } catch (error) {
    await db.close();
    throw error;
  }
  const hostText = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${hostText}:${port}`;
  await writeServerLock(options.dbPath, {
    pid: process.pid,
    url,
    db: options.dbPath,
    startedAt: new Date().toISOString(),
  });
  // The overview's reports start computing now, so the first load joins them instead of starting cold.
  const warming = warmReports(db);
  const pattern = options.alertsSchedule;
  const alerts = pattern
    ? scheduleAlerts(pattern, () => checkServerAlerts(db, options.delivery ?? {}))
    : undefined;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    db,
    close() {
      closing ??= (async () => {
        alerts?.stop();
        await alertsIdle(db);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open.
          if ("closeAllConnections" in server) server.closeAllConnections();
        });
        await warming;
        await db.close();
        await removeServerLock(options.dbPath);
      })();
      return closing;
    },
  };
}
