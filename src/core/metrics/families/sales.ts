import type { MetricDefinition } from "../metric-definition.js";

export const salesMetrics: readonly MetricDefinition[] = [];
