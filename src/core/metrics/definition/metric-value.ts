import { assertUnreachable } from "../../errors.js";
import type { MetricKind } from "./metric-definition.js";

/** One reported number, with exactly the fields of the golden files. */
export interface MetricValue {
  readonly metric: string;
  readonly period: string;
  readonly segment: Readonly<Record<string, string | null>> | null;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The period ends after the data's as-of day (or lies after the data): its value is not final. */
  readonly partial?: true;
}

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Turns a query row's raw value, numerator and denominator into the reported
 * triple for a metric kind. A missing row (an empty period) reads 0 for
 * counts and sums and a 0/0 (null) ratio; a zero denominator gives null.
 */
export function reportedValue(
  kind: MetricKind,
  raw: { value: unknown; numerator: unknown; denominator: unknown },
): Pick<MetricValue, "value" | "numerator" | "denominator"> {
  switch (kind) {
    case "count":
    case "sum":
      return { value: toNumber(raw.value) ?? 0, numerator: null, denominator: null };
    case "statistic":
      return { value: toNumber(raw.value), numerator: null, denominator: null };
    case "ratio":
    case "mean":
    case "nps": {
      const numerator = toNumber(raw.numerator) ?? 0;
      const denominator = toNumber(raw.denominator) ?? 0;
      const scale = kind === "nps" ? 100 : 1;
      return { value: denominator === 0 ? null : (scale * numerator) / denominator, numerator, denominator };
    }
    case "quotient": {
      const numerator = toNumber(raw.numerator);
      const denominator = toNumber(raw.denominator);
      const value =
        numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
      return { value, numerator, denominator };
    }
    default:
      return assertUnreachable(kind);
  }
}
