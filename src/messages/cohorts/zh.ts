import type { cohortsEn } from "./en.js";

export const cohortsZh = {
  "cohorts.placeholder": "cohorts",
} as const satisfies Record<keyof typeof cohortsEn, string>;
