import type { metricsEn } from "./en.js";

export const metricsFa = {} as const satisfies Record<keyof typeof metricsEn, string>;
