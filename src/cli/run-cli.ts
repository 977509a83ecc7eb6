import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { CrmKpiError } from "../core/errors.js";
import { listPresetsSync } from "../import/presets/preset-files.js";
import { t } from "../messages/index.js";
import { packagePath } from "../package-root.js";
import {
  type CliContext,
  detectLang,
  detectWaitSeconds,
  parseWaitSeconds,
  resolveDbPath,
} from "./cli-context.js";
import type { CliIo } from "./cli-io.js";
import { writeLine } from "./cli-io.js";
import { registerAlertsCommand } from "./commands/alerts-command.js";
import type { runCampaignsCommand } from "./commands/campaigns-command.js";
import { registerCohortsCommand } from "./commands/cohorts-command.js";
import type { runCustomersCommand } from "./commands/customers-command.js";
import { registerDedupeCommand } from "./commands/dedupe-command.js";
import { registerExplainCommand } from "./commands/explain-command.js";
import { registerGoalsCommand } from "./commands/goals-command.js";
import { registerMappingCommand } from "./commands/mapping-command.js";
import { registerPropensityCommands } from "./commands/predict-propensity-command.js";
import { registerPredictCommand } from "./commands/predict-register.js";
import { registerQualityCommand } from "./commands/quality-command.js";
import type { runReportCommand } from "./commands/report-command.js";
import { registerServeCommand } from "./commands/serve-command.js";
import type { runStuckDealsCommand } from "./commands/stuck-deals-command.js";
import { registerTokensCommand } from "./commands/tokens-command.js";
import {
  calendarOption,
  dbOption,
  formatOption,
  langOption,
  paramOption,
  parseDays,
  periodOption,
} from "./common-options.js";
import { EXIT, exitCodeOf } from "./exit-codes.js";
import { describeError } from "./format-error.js";
import { LIST_FORMATS } from "./format-lists.js";
import type { OutputFormat } from "./format-records.js";
import { REPORT_FORMATS } from "./format-report.js";
import { localizedHelp } from "./localized-help.js";
import { BIDI_MODES, bidiModeOf, withBidiMode } from "./text-table.js";

export type { CliIo } from "./cli-io.js";

/**
 * Runs the CLI in-process and resolves to the exit code; `main.ts` only
 * wires `process` to it, and tests call it directly.
 *
 * @example await runCli(["report", "--metrics", "revenue", "--format", "ndjson"], io)
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = detectLang(argv, io.env);
  let ctx: CliContext;
  try {
    const waitSeconds = detectWaitSeconds(argv, io.env);
    ctx = {
      io,
      lang,
      debug: io.env.CRM_KPI_DEBUG === "1",
      ...(waitSeconds === undefined ? {} : { waitSeconds }),
    };
  } catch (error) {
    for (const line of describeError(error, lang, false)) writeLine(io.stderr, line);
    return exitCodeOf(error);
  }
  let exitCode: number = EXIT.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    // `--bidi visual` reorders right-to-left tables for terminals without bidi (text-table.ts).
    await withBidiMode(bidiModeOf(argv), () =>
      program.parseAsync(helpCommandArgv(program, argv), { from: "user" }),
    );
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError && isHelpOrVersion(error)) {
      // Help already went out; bare `crm-kpi` (help on stderr, exit code 1) is a usage error.
      return error.code === "commander.help" && error.exitCode !== 0 ? EXIT.usage : EXIT.ok;
    }
    for (const line of describeError(error, ctx.lang, ctx.debug)) writeLine(io.stderr, line);
    if (!ctx.debug && !(error instanceof CrmKpiError) && !(error instanceof CommanderError)) {
      writeLine(io.stderr, t(ctx.lang, "cli.error.debugHint"));
    }
    return exitCodeOf(error);
  }
}

/**
 * `crm-kpi help goals add` is `crm-kpi goals add --help`: commander's own help
 * command takes one name only, so nested commands would lose their help.
 */
export function helpCommandArgv(program: Command, argv: readonly string[]): string[] {
  if (argv[0] !== "help") return [...argv];
  let command: Command | undefined = program;
  // The names, without the program's options and their values (`help --lang fa report`).
  const names = argv
    .slice(1)
    .filter((a, i, all) => !a.startsWith("-") && !/^--[\w-]+$/.test(all[i - 1] ?? ""));
  for (const name of names) {
    command = command?.commands.find((c) => c.name() === name || c.aliases().includes(name));
    // An unknown name: parsed as a command, so the error names it ("unknown command 'x'").
    if (!command) return argv.slice(1);
  }
  return [...argv.slice(1), "--help"];
}

function isHelpOrVersion(error: CommanderError): boolean {
  return ["commander.helpDisplayed", "commander.help", "commander.version"].includes(error.code);
}

function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const { io, lang } = ctx;
  const program = new Command("crm-kpi")
    .description(t(lang, "cli.description"))
    .version(readVersion(), "-V, --version", t(lang, "cli.option.version"))
    .helpOption("-h, --help", t(lang, "cli.option.help"))
    // Listed in every command group's help (`crm-kpi help`, `crm-kpi goals help add`), localized.
    .helpCommand("help [command]", t(lang, "cli.help.command"))
    .exitOverride()
    .configureHelp(localizedHelp(lang))
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Parse errors are printed by runCli, localized and with what to do next.
      outputError: () => {},
    });
  const db = (option: string | undefined) => resolveDbPath(option, io.env);
  // Accepted before the command too (`crm-kpi --lang fa report`); detectLang already read it.
  program.addOption(langOption(lang));
  program.addOption(new Option("--bidi <mode>", t(lang, "cli.option.bidi")).choices(BIDI_MODES));
  // `--wait` is a program option, so every command that opens the database accepts it (docs/database.md).
  program.addOption(
    new Option("--wait <seconds>", t(lang, "database.option.wait")).argParser(parseWaitSeconds),
  );

  program
    .command("import")
    .description(t(lang, "cli.import.description"))
    .argument("<dir>", t(lang, "cli.import.arg.dir"))
    .addOption(dbOption(lang))
    .option("--mapping <file>", t(lang, "cli.import.option.mapping"))
    .option("--preset <name>", t(lang, "presets.option.preset", { presets: listPresetsSync().join(", ") }))
    .option("--skip-invalid", t(lang, "cli.import.option.skipInvalid"))
    .option("--rejects <file>", t(lang, "cli.import.option.rejects"))
    .option("--encoding <name>", t(lang, "importer.option.encoding"))
    .option("--delimiter <char>", t(lang, "importer.option.delimiter"))
    .addOption(langOption(lang))
    .action(
      async (
        dir: string,
        o: {
          db?: string;
          mapping?: string;
          skipInvalid?: boolean;
          rejects?: string;
          encoding?: string;
          delimiter?: string;
          preset?: string;
        },
      ) => {
        setExit(
          await (await import("./commands/import-command.js")).runImportCommand(ctx, dir, {
            ...o,
            db: db(o.db),
          }),
        );
      },
    );

  program
    .command("report")
    .description(t(lang, "cli.report.description"))
    .addOption(dbOption(lang))
    .option("--metrics <ids>", t(lang, "cli.report.option.metrics"), "all")
    .addOption(periodOption(lang, "cli.report.option.period", "month"))
    .addOption(calendarOption(lang))
    .option("--from <period>", t(lang, "cli.report.option.from"))
    .option("--to <period>", t(lang, "cli.report.option.to"))
    .option("--by <dims>", t(lang, "cli.report.option.by"))
    .addOption(formatOption(lang, REPORT_FORMATS))
    .addOption(langOption(lang))
    .addOption(paramOption(lang))
    .action(async (o: Parameters<typeof runReportCommand>[1] & { db?: string }) => {
      setExit(
        await (await import("./commands/report-command.js")).runReportCommand(ctx, { ...o, db: db(o.db) }),
      );
    });

  program
    .command("metrics")
    .description(t(lang, "cli.metrics.description"))
    .addOption(formatOption(lang))
    .addOption(langOption(lang))
    .action(async (o: { format: OutputFormat }) => {
      setExit((await import("./commands/metrics-command.js")).runMetricsCommand(ctx, o.format));
    });

  registerExplainCommand(program, ctx, setExit, db, positiveNumber);

  // Lists (issue 3): campaign table and stuck deals; see docs/lists.md.
  program
    .command("campaigns")
    .description(t(lang, "cli.campaigns.description"))
    .addOption(dbOption(lang))
    .option("--from <period>", t(lang, "cli.report.option.from"))
    .option("--to <period>", t(lang, "cli.report.option.to"))
    .addOption(periodOption(lang, "cli.campaigns.option.period"))
    .addOption(calendarOption(lang))
    .addOption(formatOption(lang, LIST_FORMATS))
    .addOption(paramOption(lang))
    .addOption(langOption(lang))
    .action(async (o: Parameters<typeof runCampaignsCommand>[1] & { db?: string }) => {
      setExit(
        await (await import("./commands/campaigns-command.js")).runCampaignsCommand(ctx, {
          ...o,
          db: db(o.db),
        }),
      );
    });
  program
    .command("stuck-deals")
    .description(t(lang, "cli.stuckDeals.description"))
    .addOption(dbOption(lang))
    .option("--as-of <date>", t(lang, "cli.stuckDeals.option.asOf"))
    .option("--days <n>", t(lang, "cli.stuckDeals.option.days"), parseDays)
    .addOption(formatOption(lang, LIST_FORMATS))
    .addOption(langOption(lang))
    .action(async (o: Parameters<typeof runStuckDealsCommand>[1] & { db?: string }) => {
      setExit(
        await (await import("./commands/stuck-deals-command.js")).runStuckDealsCommand(ctx, {
          ...o,
          db: db(o.db),
        }),
      );
    });

  program
    .command("demo")
    .description(t(lang, "cli.demo.description"))
    .addOption(dbOption(lang))
    .option("--scale <n>", t(lang, "cli.demo.option.scale"), (v) => positiveNumber(v, "--scale"), 1)
    .option("--data <dir>", t(lang, "cli.demo.option.data"))
    .addOption(langOption(lang))
    .action(async (o: { db?: string; scale: number; data?: string }) => {
      setExit(await (await import("./commands/demo-command.js")).runDemoCommand(ctx, { ...o, db: db(o.db) }));
    });

  program
    .command("customers")
    .description(t(lang, "cli.customers.description"))
    .addOption(dbOption(lang))
    .option("--top <n>", t(lang, "cli.customers.option.top"), (v) => positiveNumber(v, "--top"), 20)
    .option("--by-value", t(lang, "cli.customers.option.byValue"))
    .option("--as-of <date>", t(lang, "cli.customers.option.asOf"))
    .option("--window <duration>", t(lang, "cli.customers.option.window"))
    .addOption(calendarOption(lang))
    .addOption(formatOption(lang, REPORT_FORMATS))
    .addOption(langOption(lang))
    .action(async (o: Parameters<typeof runCustomersCommand>[1] & { db?: string }) => {
      setExit(
        await (await import("./commands/customers-command.js")).runCustomersCommand(ctx, {
          ...o,
          db: db(o.db),
        }),
      );
    });

  // Data quality and dedupe (issue 4); see docs/quality.md.
  registerQualityCommand(program, ctx, setExit);
  registerDedupeCommand(program, ctx, setExit);

  registerGoalsCommand(program, ctx, setExit, db);
  registerAlertsCommand(program, ctx, setExit, db);
  registerServeCommand(program, ctx, setExit, db);
  registerTokensCommand(program, ctx, setExit, db);
  registerCohortsCommand(program, ctx, setExit, db);
  registerMappingCommand(program, ctx, setExit);
  // Predicted CLV (issue 12 part 1); see docs/predict.md.
  registerPredictCommand(program, ctx, setExit, db);
  // `predict upsell|churn` (issue 12 part 2); `predict clv` joins the same `predict` group.
  registerPropensityCommands(program, ctx, setExit, db);

  return program;
}

function positiveNumber(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new CrmKpiError(
      "bad_argument",
      `The value "${text}" of ${option} is not a positive number`,
      { value: text, option, messageKey: "cli.error.badScale" },
      { value: text },
    );
  }
  return value;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
