import type { MetricDefinition } from "../metric-definition.js";

export const serviceMetrics: readonly MetricDefinition[] = [];
