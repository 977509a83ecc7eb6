import type { metricsEn } from "./en.js";

export const metricsZh = {} as const satisfies Record<keyof typeof metricsEn, string>;
