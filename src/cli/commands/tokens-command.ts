import { type Command, Option } from "commander";
import { t } from "../../messages/index.js";
import type { Role } from "../../server/app-types.js";
import {
  createApiToken,
  listApiTokens,
  ROLES,
  revokeApiToken,
  type TokenRecord,
} from "../../server/security/token-store.js";
import { type CliContext, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { dbOption, formatOption, langOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import {
  type HumanFormat,
  humanTable,
  isMachineFormat,
  machineLines,
  type OutputFormat,
} from "../format-records.js";

/** `crm-kpi tokens create`: the token goes to stdout alone (scriptable), the notes to stderr. */
export async function runTokensCreate(
  ctx: CliContext,
  options: { readonly db: string; readonly role: Role; readonly name?: string },
): Promise<ExitCode> {
  const { token, record } = await withEngine(dbAccess(ctx, options.db, "create"), (engine) =>
    createApiToken(engine, { role: options.role, name: options.name }),
  );
  writeLine(ctx.io.stderr, t(ctx.lang, "security.tokens.created", { id: record.id, role: record.role }));
  writeLine(ctx.io.stdout, token);
  writeLine(ctx.io.stderr, t(ctx.lang, "security.tokens.shownOnce"));
  return EXIT.ok;
}

/** `crm-kpi tokens list`: ids, names, roles and dates; the secrets are not stored, so never shown. */
export async function runTokensList(
  ctx: CliContext,
  options: { readonly db: string; readonly format?: OutputFormat },
): Promise<ExitCode> {
  const records = await withEngine(dbAccess(ctx, options.db, "read"), (engine) => listApiTokens(engine));
  const format = options.format ?? "table";
  if (isMachineFormat(format)) {
    const rows = records.map((r) => ({
      id: r.id,
      name: r.name ?? null,
      role: r.role,
      created_at: r.createdAt,
      revoked_at: r.revokedAt ?? null,
    }));
    const keys = ["id", "name", "role", "created_at", "revoked_at"];
    for (const line of machineLines(keys, rows, format)) writeLine(ctx.io.stdout, line);
    return EXIT.ok;
  }
  if (records.length === 0) {
    writeLine(ctx.io.stderr, t(ctx.lang, "security.tokens.none"));
    return EXIT.ok;
  }
  for (const line of formatTokens(ctx, records, format)) writeLine(ctx.io.stdout, line);
  return EXIT.ok;
}

/** `crm-kpi tokens revoke <id>`: later requests with that token get 401. */
export async function runTokensRevoke(
  ctx: CliContext,
  id: string,
  options: { readonly db: string },
): Promise<ExitCode> {
  const record = await withEngine(dbAccess(ctx, options.db, "write"), (engine) => revokeApiToken(engine, id));
  writeLine(ctx.io.stdout, t(ctx.lang, "security.tokens.revoked", { id: record.id }));
  return EXIT.ok;
}

function formatTokens(ctx: CliContext, records: readonly TokenRecord[], format: HumanFormat): string[] {
  const { lang } = ctx;
  const columns = (["id", "name", "role", "created", "revoked"] as const).map((key) => ({
    header: t(lang, `security.tokens.column.${key}`),
  }));
  const rows = records.map((r) => [
    r.id,
    r.name ?? "",
    r.role,
    r.createdAt.slice(0, 19),
    r.revokedAt?.slice(0, 19) ?? t(lang, "security.tokens.active"),
  ]);
  return humanTable(format, lang, columns, rows);
}

/** Adds `crm-kpi tokens create|list|revoke` to the program. */
export function registerTokensCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
): void {
  const { lang } = ctx;
  const tokens = program.command("tokens").description(t(lang, "security.tokens.description"));

  tokens
    .command("create")
    .description(t(lang, "security.tokens.create.description"))
    .addOption(dbOption(lang))
    .addOption(
      new Option("--role <role>", t(lang, "security.tokens.create.option.role"))
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .option("--name <name>", t(lang, "security.tokens.create.option.name"))
    .addOption(langOption(lang))
    .action(async (o: { db?: string; role: Role; name?: string }) => {
      setExit(await runTokensCreate(ctx, { ...o, db: dbPath(o.db) }));
    });

  tokens
    .command("list")
    .description(t(lang, "security.tokens.list.description"))
    .addOption(dbOption(lang))
    .addOption(formatOption(lang))
    .addOption(langOption(lang))
    .action(async (o: { db?: string; format: OutputFormat }) => {
      setExit(await runTokensList(ctx, { db: dbPath(o.db), format: o.format }));
    });

  tokens
    .command("revoke")
    .description(t(lang, "security.tokens.revoke.description"))
    .argument("<id>", t(lang, "security.tokens.revoke.arg.id"))
    .addOption(dbOption(lang))
    .addOption(langOption(lang))
    .action(async (id: string, o: { db?: string }) => {
      setExit(await runTokensRevoke(ctx, id, { db: dbPath(o.db) }));
    });
}
