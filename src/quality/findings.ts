import { METRICS } from "../core/metrics/registry.js";
import type { EntityName } from "../core/model/entities.js";

/** How much a metric moves when duplicates are merged (last 12 months of the data). */
export interface MetricImpact {
  readonly metric: string;
  readonly periods: number;
  /** The period where merging changes the metric most. */
  readonly period: string | null;
  readonly with_duplicates: number | null;
  readonly merged: number | null;
  readonly difference: number | null;
  readonly mean_abs_difference: number;
}

interface Base {
  /** Metric ids this finding can distort. */
  readonly affects: string[];
}

/** One line of `crm-kpi quality --format ndjson`: every finding has a `kind`. */
export type Finding =
  | (Base & {
      kind: "duplicate_customers";
      cluster_id: string;
      customer_ids: string[];
      score: number;
      reason: string;
    })
  | (Base & {
      kind: "duplicate_rate";
      value: number;
      duplicate_records: number;
      clusters: number;
      customers: number;
      impact: MetricImpact[];
    })
  | (Base & {
      kind: "completeness";
      entity: EntityName;
      column: string;
      value: number;
      filled: number;
      rows: number;
    })
  | (Base & {
      kind: "validity";
      entity: EntityName;
      column: string;
      rule: ValidityRule;
      value: number;
      invalid: number;
      checked: number;
      examples: string[];
    })
  | (Base & {
      kind: "orphans";
      entity: EntityName;
      column: string;
      references: string;
      count: number;
      rows: number;
    })
  | (Base & { kind: "time_consistency"; entity: EntityName; rule: string; count: number; rows: number })
  | (Base & { kind: "freshness"; entity: EntityName; latest: string; age_days: number; stale: boolean })
  | (Base & { kind: "data_health_score"; value: number; components: HealthComponents });

export type FindingKind = Finding["kind"];

export type ValidityRule =
  | "email_syntax"
  | "phone_possible"
  | "country_iso_alpha2"
  | "currency_iso4217"
  | "amount_sign"
  | "not_in_future";

/** Each share is 0..1; the score is their weighted sum × 100 (docs/quality.md). */
export interface HealthComponents {
  readonly completeness: number;
  readonly validity: number;
  readonly uniqueness: number;
  readonly integrity: number;
  readonly consistency: number;
  readonly freshness: number;
}

export const HEALTH_WEIGHTS: Readonly<Record<keyof HealthComponents, number>> = {
  completeness: 0.2,
  validity: 0.2,
  uniqueness: 0.2,
  integrity: 0.15,
  consistency: 0.15,
  freshness: 0.1,
};

/** 0–100, one decimal: Σ weight × component × 100. */
export function healthScore(components: HealthComponents): number {
  let sum = 0;
  for (const [key, weight] of Object.entries(HEALTH_WEIGHTS) as [keyof HealthComponents, number][]) {
    sum += weight * components[key];
  }
  return Math.round(sum * 1000) / 10;
}

/** The metrics that read an entity: what a problem in it can distort. */
export function metricsUsing(entity: EntityName): string[] {
  return METRICS.filter((m) => m.requires.includes(entity)).map((m) => m.id);
}

/** Whether a finding is a problem (freshness findings are facts until the data is stale). */
export function isProblem(finding: Finding): boolean {
  switch (finding.kind) {
    case "freshness":
      return finding.stale;
    case "duplicate_rate":
      return finding.duplicate_records > 0;
    case "data_health_score":
      return false;
    default:
      return true;
  }
}
