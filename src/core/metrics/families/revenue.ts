import type { MetricDefinition } from "../metric-definition.js";

export const revenueMetrics: readonly MetricDefinition[] = [];
