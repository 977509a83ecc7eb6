import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { isPostgresUrl, redactedUrl } from "../../engines/database-url.js";
import { t } from "../../messages/index.js";
import { type CliContext, dbAccess, openEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { dbOption, langOption, wholeNumberOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

export interface ServeCommandOptions {
  readonly db: string;
  readonly port: number;
  readonly host: string;
  readonly auth?: boolean;
  /** Generate and import the demo dataset first when the database file does not exist. */
  readonly demo?: boolean;
  /** A cron pattern: the server checks the alerts on it. */
  readonly alertsSchedule?: string;
  readonly smtpUrl?: string;
  readonly smtpFrom?: string;
}

/**
 * `crm-kpi serve`: the dashboard and the HTTP API on one database until
 * Ctrl+C (SIGINT) or SIGTERM.
 */
export async function runServeCommand(ctx: CliContext, options: ServeCommandOptions): Promise<ExitCode> {
  // Loaded on demand: other commands never load Hono.
  const { assertSafeBinding } = await import("../../server/security/binding.js");
  const { startServer } = await import("../../server/start-server.js");
  const { deliveryConfigOf } = await import("../../alerts/delivery/deliver-notice.js");
  assertSafeBinding(options.host, options.auth === true);
  if (options.alertsSchedule) {
    const { assertCronPattern } = await import("../../server/alerts-runner.js");
    assertCronPattern(options.alertsSchedule);
  }
  const dbPath =
    options.db === ":memory:" || isPostgresUrl(options.db) ? options.db : path.resolve(options.db);
  // The demo fills a new file; a PostgreSQL database is the user's to fill (crm-kpi import … --db postgres://…).
  if (options.demo && dbPath !== ":memory:" && !isPostgresUrl(dbPath) && !existsSync(dbPath)) {
    writeLine(ctx.io.stderr, t(ctx.lang, "server.serve.demo", { db: options.db }));
    const imported = await importDemo(ctx, options.db);
    if (imported !== EXIT.ok) return imported;
  }
  const engine = await openEngine(dbAccess(ctx, options.db, "create"));
  const server = await startServer({
    engine,
    dbPath,
    host: options.host,
    port: options.port,
    auth: options.auth === true,
    delivery: deliveryConfigOf(options, ctx.io.env),
    ...(options.alertsSchedule ? { alertsSchedule: options.alertsSchedule } : {}),
  });
  writeLine(
    ctx.io.stdout,
    t(ctx.lang, "server.serve.listening", { db: redactedUrl(options.db), url: server.url }),
  );
  if (options.alertsSchedule) {
    writeLine(ctx.io.stderr, t(ctx.lang, "alerts.serve.scheduled", { pattern: options.alertsSchedule }));
  }
  writeLine(ctx.io.stderr, t(ctx.lang, "server.serve.stop"));
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void server.close().then(resolve, resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return EXIT.ok;
}

async function importDemo(ctx: CliContext, db: string): Promise<ExitCode> {
  const { generateDataset } = await import("../../generator/index.js");
  const dir = await mkdtemp(path.join(os.tmpdir(), "crm-kpi-demo-"));
  try {
    await generateDataset(dir, { scale: 1 });
    const { runImportCommand } = await import("./import-command.js");
    return await runImportCommand(ctx, dir, { db });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Adds `crm-kpi serve` to the program. */
export function registerServeCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
): void {
  const { lang } = ctx;
  program
    .command("serve")
    .description(t(lang, "server.serve.description"))
    .addOption(dbOption(lang))
    .option(
      "--port <port>",
      t(lang, "server.serve.option.port"),
      wholeNumberOption("--port", 0, 65_535),
      8080,
    )
    .option("--host <host>", t(lang, "server.serve.option.host"), "127.0.0.1")
    .option("--auth", t(lang, "server.serve.option.auth"))
    .option("--demo", t(lang, "server.serve.option.demo"))
    .option("--alerts-schedule <cron>", t(lang, "alerts.option.schedule"))
    .option("--smtp-url <url>", t(lang, "alerts.option.smtpUrl"))
    .option("--smtp-from <address>", t(lang, "alerts.option.smtpFrom"))
    .addOption(langOption(lang))
    .action(async (o: Omit<ServeCommandOptions, "db"> & { db?: string }) => {
      setExit(await runServeCommand(ctx, { ...o, db: dbPath(o.db) }));
    });
}
