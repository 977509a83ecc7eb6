import type { MetricDefinition } from "../metric-definition.js";

export const acquisitionCostMetrics: readonly MetricDefinition[] = [];
