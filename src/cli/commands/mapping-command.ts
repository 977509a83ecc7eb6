import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { CrmKpiError } from "../../core/errors.js";
import { t } from "../../messages/index.js";
import type { CliContext } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { langOption, wholeNumberOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

export interface MappingInitOptions {
  readonly out?: string;
  readonly force?: boolean;
  readonly sample?: number;
}

/**
 * `crm-kpi mapping init <dir>`: a draft mapping for the folder's files, on
 * stdout, or in `--out` (never over an existing file without `--force`).
 */
export async function runMappingInit(
  ctx: CliContext,
  dir: string,
  options: MappingInitOptions,
): Promise<ExitCode> {
  const { draftMapping, DEFAULT_SAMPLE_ROWS } = await import("../../import/mapping-draft/index.js");
  const draft = await draftMapping(
    dir,
    (key, params) => t(ctx.lang, key, params),
    options.sample ?? DEFAULT_SAMPLE_ROWS,
  );
  if (options.out === undefined) {
    ctx.io.stdout.write(draft.text);
    return EXIT.ok;
  }
  try {
    await writeFile(options.out, draft.text, { encoding: "utf8", flag: options.force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new CrmKpiError(
      "bad_argument",
      `${options.out} exists already; pass --force to overwrite it`,
      { messageKey: "presets.error.outExists" },
      { file: options.out },
    );
  }
  writeLine(
    ctx.io.stderr,
    t(ctx.lang, "presets.mapping.init.written", {
      file: options.out,
      found: draft.recognized,
      todo: draft.todo,
    }),
  );
  writeLine(ctx.io.stderr, t(ctx.lang, "presets.mapping.init.next", { dir, file: options.out }));
  return EXIT.ok;
}

/** Adds `crm-kpi mapping init` to the program (docs/mapping.md, Drafting a mapping). */
export function registerMappingCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const { lang } = ctx;
  const mapping = program.command("mapping").description(t(lang, "presets.mapping.description"));
  mapping
    .command("init")
    .description(t(lang, "presets.mapping.init.description"))
    .argument("<dir>", t(lang, "presets.mapping.init.arg.dir"))
    .option("--out <file>", t(lang, "presets.mapping.init.option.out"))
    .option("--force", t(lang, "presets.mapping.init.option.force"))
    .option(
      "--sample <rows>",
      t(lang, "presets.mapping.init.option.sample"),
      wholeNumberOption("--sample", 1),
    )
    .addOption(langOption(lang))
    .action(async (dir: string, o: MappingInitOptions) => {
      setExit(await runMappingInit(ctx, dir, o));
    });
}
