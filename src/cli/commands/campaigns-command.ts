import type { Grain } from "../../calendar/index.js";
import type { CalendarId } from "../../core/model/settings.js";
import { listCampaigns } from "../../report/lists.js";
import { type CliContext, dbAccess, parsePairs, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatCampaignList, type ListFormat } from "../format-lists.js";

export interface CampaignsCommandOptions {
  readonly db: string;
  readonly from?: string;
  readonly to?: string;
  readonly period?: Grain;
  readonly calendar?: CalendarId;
  readonly format: ListFormat;
  readonly param?: readonly string[];
}

/** `crm-kpi campaigns`: one row per campaign (and period) with the nine campaign metrics. */
export async function runCampaignsCommand(
  ctx: CliContext,
  options: CampaignsCommandOptions,
): Promise<ExitCode> {
  const list = await withEngine(dbAccess(ctx, options.db, "read"), (engine) =>
    listCampaigns(engine, {
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      ...(options.period ? { grain: options.period } : {}),
      ...(options.calendar ? { calendar: options.calendar } : {}),
      ...(options.param && options.param.length > 0
        ? { params: parsePairs(options.param, "cli.error.badParam") }
        : {}),
    }),
  );
  const formatted = formatCampaignList(list, options.format, ctx.lang);
  for (const line of formatted.lines) writeLine(ctx.io.stdout, line);
  for (const line of formatted.notes) writeLine(ctx.io.stderr, line);
  return EXIT.ok;
}
