import { assertUnreachable, CrmKpiError } from "../../errors.js";
import type { MetricDefinition, MetricParam, ParamRange } from "./metric-definition.js";

const UNIT_DAYS: Readonly<Record<string, number>> = { d: 1, w: 7, m: 30, y: 365 };

/**
 * Refuses metric parameters the requested metrics do not declare, and values
 * outside a parameter's declared range, before any SQL runs: a typo must not
 * silently fall back to the default (`gross_margin` misspelt changes CLV 5×).
 * A name several metrics declare must suit every one of them. The error
 * lists the metrics' parameters with their ranges.
 *
 * @example checkMetricParams([getMetric("clv")], { gross_margin: "5" }) // throws bad_argument
 */
export function checkMetricParams(
  metrics: readonly MetricDefinition[],
  params: Readonly<Record<string, string>>,
): void {
  for (const [name, value] of Object.entries(params)) {
    const declaring = metrics.filter((m) => m.params?.some((p) => p.name === name));
    if (declaring.length === 0) throw unknownParam(name, value, metrics);
    for (const metric of declaring) {
      const param = metric.params?.find((p) => p.name === name) as MetricParam;
      if (!inRange(value, param.range)) throw outOfRange(metric, param, value);
    }
  }
}

/** Whether `text` is a value the range accepts. */
export function inRange(text: string, range: ParamRange): boolean {
  const value = text.trim();
  switch (range.kind) {
    case "number": {
      if (value === "") return range.optional === true;
      const n = Number(value);
      if (!Number.isFinite(n) || (range.integer && !Number.isInteger(n))) return false;
      return (range.minExclusive ? n > range.min : n >= range.min) && n <= range.max;
    }
    case "duration": {
      if (range.also?.includes(value)) return true;
      const match = /^(\d+(?:\.\d+)?)\s*([dwmy]?)$/.exec(value.toLowerCase());
      const days = match ? Number(match[1]) * (UNIT_DAYS[match[2] || "d"] ?? 1) : Number.NaN;
      return days >= range.minDays && days <= range.maxDays;
    }
    case "choice":
      return range.values.includes(value);
    default:
      return assertUnreachable(range);
  }
}

/** A range in notation every language reads: `0 < x ≤ 1`, `1d … 3650d`, `all | active`. */
export function rangeText(range: ParamRange): string {
  switch (range.kind) {
    case "number": {
      const bounds = range.integer
        ? `${range.min}, ${range.min + 1}, …, ${range.max}`
        : `${range.min} ${range.minExclusive ? "<" : "≤"} x ≤ ${range.max}`;
      return range.optional ? `"" | ${bounds}` : bounds;
    }
    case "duration":
      return [...(range.also ?? []), `${range.minDays}d … ${range.maxDays}d`].join(" | ");
    case "choice":
      return range.values.join(" | ");
    default:
      return assertUnreachable(range);
  }
}

/** Each parameter as `name = default (range)`, in notation every language reads: `gross_margin = 1 (0 < x ≤ 1)`. */
export function paramListText(metric: MetricDefinition): string {
  return (metric.params ?? [])
    .map((p) => `${p.name} = ${p.default === "" ? '""' : p.default} (${rangeText(p.range)})`)
    .join("; ");
}

function knownText(metrics: readonly MetricDefinition[]): string {
  const withParams = metrics.filter((m) => (m.params ?? []).length > 0);
  if (withParams.length === 0) return "—";
  return withParams.map((m) => `${m.id} [${paramListText(m)}]`).join(", ");
}

/** An echoed value stays short: a pasted megabyte is not repeated back. */
function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function unknownParam(name: string, value: string, metrics: readonly MetricDefinition[]): CrmKpiError {
  const known = knownText(metrics);
  return new CrmKpiError(
    "bad_argument",
    `no reported metric has a parameter "${shortText(name)}"; the parameters are: ${known}`,
    { messageKey: "periods.error.unknownParam", param: shortText(name), known },
    { value: shortText(`${name}=${value}`) },
  );
}

function outOfRange(metric: MetricDefinition, param: MetricParam, value: string): CrmKpiError {
  const range = rangeText(param.range);
  const known = paramListText(metric);
  return new CrmKpiError(
    "bad_argument",
    `parameter ${param.name}="${shortText(value)}" of ${metric.id} is out of range: ${param.name} takes ${range}; the parameters of ${metric.id} are: ${known}`,
    { messageKey: "periods.error.paramOutOfRange", param: param.name, metric: metric.id, range, known },
    { value: shortText(`${param.name}=${value}`) },
  );
}
