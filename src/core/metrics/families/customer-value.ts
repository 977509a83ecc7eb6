import type { MetricDefinition } from "../metric-definition.js";

export const customerValueMetrics: readonly MetricDefinition[] = [];
