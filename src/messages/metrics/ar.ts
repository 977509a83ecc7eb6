import type { metricsEn } from "./en.js";

export const metricsAr = {} as const satisfies Record<keyof typeof metricsEn, string>;
