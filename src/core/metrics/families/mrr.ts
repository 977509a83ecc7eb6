import type { MetricDefinition } from "../metric-definition.js";

export const mrrMetrics: readonly MetricDefinition[] = [];
