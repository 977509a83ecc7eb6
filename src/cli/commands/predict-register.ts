import { type Command, Option } from "commander";
import { type Lang, t } from "../../messages/index.js";
import type { CliContext } from "../cli-context.js";
import { dbOption, formatOption, langOption } from "../common-options.js";
import { OUTPUT_FORMATS } from "../format-records.js";
import type { PredictClvOptions } from "./predict-command.js";

/** The `crm-kpi predict` group, created by whichever prediction registers first (clv, upsell, churn). */
export function predictGroup(program: Command, lang: Lang): Command {
  return (
    program.commands.find((c) => c.name() === "predict") ??
    program.command("predict").description(t(lang, "predict.cli.description"))
  );
}

/** Adds `crm-kpi predict clv` to the program (run-cli.ts); the command's code loads when it runs. */
export function registerPredictCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
): void {
  const { lang } = ctx;
  const predict = predictGroup(program, lang);
  predict
    .command("clv")
    .description(t(lang, "predict.clv.cli.description"))
    .addOption(dbOption(lang))
    .option("--calibration-end <date>", t(lang, "predict.clv.option.calibrationEnd"))
    .option("--holdout <duration>", t(lang, "predict.clv.option.holdout"))
    .option("--horizon <duration>", t(lang, "predict.clv.option.horizon"), "52w")
    .addOption(
      new Option("--discount-rate <rate>", t(lang, "predict.clv.option.discountRate")).default("0.1"),
    )
    .addOption(formatOption(lang, OUTPUT_FORMATS))
    .addOption(langOption(lang))
    .action(async (o: Omit<PredictClvOptions, "db"> & { db?: string }) => {
      setExit(
        await (await import("./predict-command.js")).runPredictClvCommand(ctx, { ...o, db: dbPath(o.db) }),
      );
    });
}
