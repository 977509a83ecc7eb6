import type { MetricDefinition } from "../metric-definition.js";

export const satisfactionMetrics: readonly MetricDefinition[] = [];
