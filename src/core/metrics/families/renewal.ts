import type { MetricDefinition } from "../metric-definition.js";

export const renewalMetrics: readonly MetricDefinition[] = [];
