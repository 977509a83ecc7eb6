import type { Engine } from "../core/engine.js";
import { loadCustomerIdentities } from "./customer-identities.js";
import { duplicateImpact } from "./duplicate-impact.js";
import { type DuplicateCluster, type DuplicateOptions, findDuplicateClusters } from "./find-duplicates.js";
import { type Finding, type HealthComponents, healthScore, metricsUsing } from "./findings.js";
import { runColumnChecks, STALE_AFTER_DAYS } from "./quality-checks.js";

export interface QualityOptions extends DuplicateOptions {
  /** "Now" for freshness and future timestamps; default: the current time. */
  readonly asOf?: Date;
  /** Recompute churn and new customers with duplicates merged (default true). */
  readonly impact?: boolean;
}

export interface QualityReport {
  readonly findings: Finding[];
  readonly clusters: DuplicateCluster[];
  readonly score: number;
  readonly components: HealthComponents;
}

/** Freshness is full for data up to a week old and falls linearly to 0 at 90 days. */
const FRESH_DAYS = 7;
const DEAD_DAYS = 90;

/**
 * Every data quality check of METRICS.md §7 on an engine: duplicate
 * customers (with their effect on churn and new customers), completeness,
 * validity, orphans, time consistency, freshness and the health score.
 *
 * @example const { findings, score } = await runQuality(engine)
 */
export async function runQuality(engine: Engine, options: QualityOptions = {}): Promise<QualityReport> {
  const asOf = options.asOf ?? new Date();
  const customers = await loadCustomerIdentities(engine);
  const clusters = findDuplicateClusters(customers, options);
  // Review-band clusters are shown for a person to judge, never counted as duplicates.
  const duplicates = clusters.filter((c) => c.band === "match");
  const customerMetrics = metricsUsing("customers");
  const findings: Finding[] = duplicates.map((c) => ({
    kind: "duplicate_customers",
    cluster_id: c.cluster_id,
    customer_ids: c.customer_ids,
    score: c.score,
    reason: c.reason,
    affects: customerMetrics,
  }));
  const duplicateRecords = duplicates.reduce((n, c) => n + c.customer_ids.length - 1, 0);
  const duplicateRate = customers.length === 0 ? 0 : duplicateRecords / customers.length;
  const impact = options.impact === false ? [] : await duplicateImpact(engine, duplicates);
  findings.push({
    kind: "duplicate_rate",
    value: Math.round(duplicateRate * 10000) / 10000,
    duplicate_records: duplicateRecords,
    clusters: duplicates.length,
    customers: customers.length,
    impact,
    affects: duplicateRecords > 0 ? customerMetrics : [],
  });
  const checks = await runColumnChecks(engine, asOf);
  findings.push(...checks.findings);
  const t = checks.totals;
  const ratio = (good: number, all: number) => (all === 0 ? 1 : good / all);
  const age = t.latestAgeDays;
  const components: HealthComponents = {
    completeness: ratio(t.cellsFilled, t.cellsTotal),
    validity: ratio(t.checked - t.invalid, t.checked),
    uniqueness: 1 - duplicateRate,
    integrity: ratio(t.references - t.orphans, t.references),
    consistency: ratio(t.timeChecked - t.inconsistent, t.timeChecked),
    freshness: age === null ? 0 : Math.min(1, Math.max(0, 1 - (age - FRESH_DAYS) / (DEAD_DAYS - FRESH_DAYS))),
  };
  const rounded = Object.fromEntries(
    Object.entries(components).map(([k, v]) => [k, Math.round(v * 10000) / 10000]),
  ) as unknown as HealthComponents;
  const score = healthScore(components);
  findings.push({ kind: "data_health_score", value: score, components: rounded, affects: [] });
  return { findings, clusters, score, components: rounded };
}

export { isProblem } from "./findings.js";
export { STALE_AFTER_DAYS };
