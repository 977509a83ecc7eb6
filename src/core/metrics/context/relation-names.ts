/**
 * Names of the report-wide relations (relations/shared-relations.ts builds
 * them). Kept apart so that the context a metric compiles against knows the
 * names without knowing how each relation is computed.
 */
export const SHARED_RELATION_NAMES = [
  "periods",
  "instants",
  "customers",
  "customer_rfm",
  "customer_spans",
  "customer_active",
  "customer_mrr",
  "period_customers",
  "period_mrr",
  "window_orders",
  "window_base",
  "window_stats",
  "window_stats_by",
  "purchase_spans",
  "stage_entries",
  "period_orders",
  "previous_period_orders",
  "period_customer_revenue",
  "first_orders",
] as const;

export type SharedRelationName = (typeof SHARED_RELATION_NAMES)[number];

/** Customer scores the caller computed (`ReportInput.scoreDimensions`), one row per scored customer. */
export const CUSTOMER_SCORES_TABLE = "rpt_customer_scores";

/** The temporary table a relation is materialized as. */
export function sharedRelationTable(name: SharedRelationName): string {
  return `rpt_${name}`;
}
