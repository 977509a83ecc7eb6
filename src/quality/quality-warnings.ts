import type { Engine } from "../core/engine.js";
import { type Finding, type FindingKind, isProblem } from "./findings.js";
import { loadFindings } from "./stored-findings.js";

/** One open quality problem that touches reported metrics. */
export interface QualityWarning {
  readonly kind: FindingKind;
  /** How many findings of this kind are open. */
  readonly count: number;
  /** The reported metrics they can distort. */
  readonly metrics: string[];
}

// Optional columns are often legitimately empty: completeness is reported by
// `crm-kpi quality`, not repeated under every report.
const WARNED: readonly FindingKind[] = [
  "duplicate_customers",
  "orphans",
  "time_consistency",
  "validity",
  "freshness",
];

/**
 * The open findings of the last `crm-kpi quality` run that affect any of
 * `metricIds` (a sibling such as `x_median` counts as `x`), one warning per
 * finding kind. Empty when `quality` never ran.
 *
 * @example await qualityWarningsFor(engine, ["customer_churn_rate"]) // [{ kind: "duplicate_customers", count: 23, … }]
 */
export async function qualityWarningsFor(
  engine: Engine,
  metricIds: readonly string[],
): Promise<QualityWarning[]> {
  const { findings } = await loadFindings(engine);
  return warningsFrom(findings, metricIds);
}

/** The pure part of `qualityWarningsFor`. */
export function warningsFrom(findings: readonly Finding[], metricIds: readonly string[]): QualityWarning[] {
  const byKind = new Map<FindingKind, { count: number; metrics: Set<string> }>();
  for (const finding of findings) {
    if (!WARNED.includes(finding.kind) || !isProblem(finding)) continue;
    const hit = metricIds.filter((id) => finding.affects.some((a) => id === a || id.startsWith(`${a}_`)));
    if (hit.length === 0) continue;
    const entry = byKind.get(finding.kind) ?? { count: 0, metrics: new Set<string>() };
    entry.count += 1;
    for (const id of hit) entry.metrics.add(id);
    byKind.set(finding.kind, entry);
  }
  return WARNED.flatMap((kind) => {
    const entry = byKind.get(kind);
    return entry ? [{ kind, count: entry.count, metrics: [...entry.metrics].sort() }] : [];
  });
}
