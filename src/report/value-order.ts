import type { MetricDefinition } from "../core/metrics/definition/metric-definition.js";
import type { MetricValue } from "../core/metrics/definition/metric-value.js";

/**
 * The one order a report's values come in (docs/choices.md, "Reproducible numbers
 * and metric details"), so the same data gives the same bytes whatever order DuckDB's
 * threads return rows in:
 * 1. catalog order of the metric id: the METRICS registry order, each
 *    metric followed by its siblings in the order it declares them;
 * 2. period, oldest first;
 * 3. segment: the total first, then each grouping in the order the metric
 *    reports them (built-in breakdowns, then --by), and inside a grouping the
 *    key values compared one key after the other by UTF-16 code units (no
 *    locale), whole numbers by value (decile 2 before decile 10), nulls last.
 */
export interface OrderedValue {
  readonly value: MetricValue;
  readonly periodIdx: number;
  /** Position of the row's grouping among the metric's groupings (0: the total). */
  readonly groupingRank: number;
}

export function catalogRanks(metrics: readonly MetricDefinition[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const metric of metrics) {
    for (const id of [metric.id, ...(metric.siblings ?? [])]) {
      if (!ranks.has(id)) ranks.set(id, ranks.size);
    }
  }
  return ranks;
}

export function sortReportValues(
  rows: readonly OrderedValue[],
  ranks: ReadonlyMap<string, number>,
): MetricValue[] {
  const rankOf = (id: string) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...rows]
    .sort(
      (a, b) =>
        rankOf(a.value.metric) - rankOf(b.value.metric) ||
        compareCodeUnits(a.value.metric, b.value.metric) ||
        a.periodIdx - b.periodIdx ||
        a.groupingRank - b.groupingRank ||
        compareSegments(a.value.segment, b.value.segment),
    )
    .map((r) => r.value);
}

function compareSegments(a: MetricValue["segment"], b: MetricValue["segment"]): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const order = compareNullsLast(a[key] ?? null, b[key] ?? null);
    if (order !== 0) return order;
  }
  return 0;
}

function compareNullsLast(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  // Two whole numbers without leading zeros: the shorter is the smaller.
  if (WHOLE_NUMBER.test(a) && WHOLE_NUMBER.test(b) && a.length !== b.length) return a.length - b.length;
  return compareCodeUnits(a, b);
}

const WHOLE_NUMBER = /^(0|[1-9][0-9]*)$/;

/** Binary string order: the same on every machine, unlike `localeCompare`. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
