import { CrmKpiError } from "../../core/errors.js";
import { listStuckDeals } from "../../report/lists.js";
import { type CliContext, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatStuckDeals, type ListFormat } from "../format-lists.js";

export interface StuckDealsCommandOptions {
  readonly db: string;
  readonly asOf?: string;
  readonly days?: number;
  readonly format: ListFormat;
}

/** `crm-kpi stuck-deals`: open deals longer in their stage than its p90 (or --days), as of a date. */
export async function runStuckDealsCommand(
  ctx: CliContext,
  options: StuckDealsCommandOptions,
): Promise<ExitCode> {
  const list = await withEngine(dbAccess(ctx, options.db, "read"), (engine) =>
    listStuckDeals(engine, {
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.days !== undefined ? { days: options.days } : {}),
    }),
  );
  const formatted = formatStuckDeals(list, options.format, ctx.lang);
  for (const line of formatted.lines) writeLine(ctx.io.stdout, line);
  for (const line of formatted.notes) writeLine(ctx.io.stderr, line);
  return EXIT.ok;
}

/** `--days`: a positive number of days. */
export function parseDays(text: string): number {
  const days = Number(text);
  if (text.trim() === "" || !Number.isFinite(days) || days <= 0) {
    throw new CrmKpiError(
      "bad_argument",
      `The value "${text}" of --days is not a positive number of days; write e.g. --days 30`,
      { value: text, messageKey: "cli.error.badDays" },
      { value: text },
    );
  }
  return days;
}
