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
