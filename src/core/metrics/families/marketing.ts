import type { MetricDefinition } from "../metric-definition.js";

export const marketingMetrics: readonly MetricDefinition[] = [];
