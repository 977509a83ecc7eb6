import { z } from "@hono/zod-openapi";
import { formatPeriodLabel, type Period, type PeriodOptions } from "../calendar/index.js";
import type { Lang } from "../messages/index.js";

/** A period as the API returns it: canonical label, localized display label, ISO bounds. */
export const PeriodSchema = z
  .object({
    label: z.string(),
    display: z.string(),
    start: z.string(),
    end: z.string(),
    partial: z.literal(true).optional().openapi({ description: "The period ends after the data's last day" }),
  })
  .openapi("Period");

export function periodJson(
  p: Period & { readonly partial?: true },
  options: PeriodOptions,
  lang: Lang,
): z.infer<typeof PeriodSchema> {
  let display = p.label;
  try {
    display = formatPeriodLabel(p, options, lang);
  } catch {
    // A span the calendar cannot name keeps its canonical label.
  }
  return {
    label: p.label,
    display,
    start: new Date(p.startMs).toISOString(),
    end: new Date(p.endMs).toISOString(),
    ...(p.partial ? { partial: true as const } : {}),
  };
}
