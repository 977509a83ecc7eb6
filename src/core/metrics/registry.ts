import { CrmKpiError } from "../errors.js";
import { type MetricDefinition, messageKeys } from "./definition/metric-definition.js";
import { acquisitionCostMetrics } from "./families/acquisition-cost.js";
import { campaignMetrics } from "./families/campaigns.js";
import { customerBaseMetrics } from "./families/customer-base.js";
import { customerValueMetrics } from "./families/customer-value.js";
import { marketingMetrics } from "./families/marketing.js";
import { mrrMetrics } from "./families/mrr.js";
import { renewalMetrics } from "./families/renewal.js";
import { revenueMetrics } from "./families/revenue.js";
import { salesMetrics } from "./families/sales.js";
import { satisfactionMetrics } from "./families/satisfaction.js";
import { serviceMetrics } from "./families/service.js";

/** Every metric of METRICS.md that crm-kpi computes, in catalog order. */
export const METRICS: readonly MetricDefinition[] = [
  ...customerBaseMetrics,
  ...revenueMetrics,
  ...mrrMetrics,
  ...renewalMetrics,
  ...customerValueMetrics,
  ...acquisitionCostMetrics,
  ...salesMetrics,
  ...serviceMetrics,
  ...satisfactionMetrics,
  ...marketingMetrics,
  ...campaignMetrics,
];

const byId = new Map(METRICS.map((m) => [m.id, m]));

/** Sibling ids (`sales_cycle_days_median`) point at the metric that computes them. */
const ownerOfSibling = new Map(METRICS.flatMap((m) => (m.siblings ?? []).map((s) => [s, m] as const)));

export function findMetric(id: string): MetricDefinition | undefined {
  return byId.get(id) ?? ownerOfSibling.get(id);
}

export function getMetric(id: string): MetricDefinition {
  const metric = findMetric(id);
  if (!metric) {
    throw new CrmKpiError("unknown_metric", `unknown metric "${id}"`, { metric: id });
  }
  return metric;
}

export interface MetricInfo {
  readonly id: string;
  readonly family: MetricDefinition["family"];
  readonly kind: MetricDefinition["kind"];
  readonly unit: MetricDefinition["unit"];
  readonly direction: MetricDefinition["direction"];
  readonly formula: string;
  readonly requires: readonly string[];
  readonly params: readonly { name: string; description: string; default: string }[];
  readonly siblings: readonly string[];
  /** Units of the siblings that differ from the metric's (`nps_promoters`: count). */
  readonly siblingUnits: Readonly<Record<string, string>>;
  readonly nameKey: string;
  readonly descriptionKey: string;
}

/** The catalog as data, for `crm-kpi metrics`, the API and the docs. */
export function listMetrics(): MetricInfo[] {
  return METRICS.map((m) => ({
    id: m.id,
    family: m.family,
    kind: m.kind,
    unit: m.unit,
    direction: m.direction,
    formula: m.formula,
    requires: m.requires,
    params: m.params ?? [],
    siblings: m.siblings ?? [],
    siblingUnits: Object.fromEntries(Object.entries(m.siblingDetails ?? {}).map(([id, d]) => [id, d.unit])),
    nameKey: messageKeys(m.id).name,
    descriptionKey: messageKeys(m.id).description,
  }));
}
