import { CrmKpiError } from "../../errors.js";
import type { MetricContext } from "../context/metric-context.js";

const UNIT_DAYS: Readonly<Record<string, number>> = { d: 1, w: 7, m: 30, y: 365 };

/**
 * Days in a duration parameter (METRICS.md §2): `90d`, `12w` (7 d), `3m`
 * (30 d), `1y` (365 d); a bare number is days.
 *
 * @example durationDays(ctx, "window", "365d") // 365, or 90 with --param window=90d
 */
export function durationDays(ctx: MetricContext, name: string, fallback: string): number {
  return parseDurationDays(name, ctx.param(name, fallback));
}

/** Days in the duration `text` of parameter `name` (see `durationDays`). */
export function parseDurationDays(name: string, value: string): number {
  const text = value.trim().toLowerCase();
  const match = /^(\d+(?:\.\d+)?)\s*([dwmy]?)$/.exec(text);
  const days = match ? Number(match[1]) * (UNIT_DAYS[match[2] || "d"] ?? 1) : Number.NaN;
  if (!(days > 0)) {
    throw new CrmKpiError(
      "bad_argument",
      `parameter ${name}="${text}" is not a duration: write a number of days, weeks, months (30 d) or years (365 d), e.g. 90d, 12w, 3m, 1y`,
      { param: name, value: text },
    );
  }
  return days;
}

/** A positive number parameter (gross_margin, lifespan_years). */
export function numberParam(ctx: MetricContext, name: string, fallback: string): number {
  const text = ctx.param(name, fallback).trim();
  const value = Number(text);
  if (text === "" || !Number.isFinite(value) || value <= 0) {
    throw new CrmKpiError("bad_argument", `parameter ${name}="${text}" must be a positive number, e.g. 0.7`, {
      param: name,
      value: text,
    });
  }
  return value;
}
