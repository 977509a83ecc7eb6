import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { CrmKpiError } from "../../core/errors.js";
import { isPostgresUrl, redactedUrl } from "../../engines/database-url.js";
import { t } from "../../messages/index.js";
import { type CliContext, dbAccess, openEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { dbOption, langOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

export interface ServeCommandOptions {
  readonly db: string;
  readonly port: number;
  readonly host: string;
  readonly auth?: boolean;
  /** Generate and import the demo dataset first when the database file does not exist. */
  readonly demo?: boolean;
}

/**
 * `crm-kpi serve`: the dashboard and the HTTP API on one database until
 * Ctrl+C (SIGINT) or SIGTERM.
 */
export async function runServeCommand(ctx: CliContext, options: ServeCommandOptions): Promise<ExitCode> {
  // Loaded on demand: other commands never load Hono.
  const { assertSafeBinding } = await import("../../server/security/binding.js");
  const { startServer } = await import("../../server/start-server.js");
  assertSafeBinding(options.host, options.auth === true);
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
  });
  writeLine(
    ctx.io.stdout,
    t(ctx.lang, "server.serve.listening", { db: redactedUrl(options.db), url: server.url }),
  );
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

function portNumber(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new CrmKpiError(
      "bad_argument",
      `The value "${text}" of --port is not a port number (0 to 65535)`,
      { value: text, option: "--port" },
      { value: text },
    );
  }
  return value;
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
    .option("--port <port>", t(lang, "server.serve.option.port"), portNumber, 8080)
    .option("--host <host>", t(lang, "server.serve.option.host"), "127.0.0.1")
    .option("--auth", t(lang, "server.serve.option.auth"))
    .option("--demo", t(lang, "server.serve.option.demo"))
    .addOption(langOption(lang))
    .action(async (o: Omit<ServeCommandOptions, "db"> & { db?: string }) => {
      setExit(await runServeCommand(ctx, { ...o, db: dbPath(o.db) }));
    });
}
