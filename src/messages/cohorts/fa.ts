import type { cohortsEn } from "./en.js";

export const cohortsFa = {
  "cohorts.placeholder": "cohorts",
} as const satisfies Record<keyof typeof cohortsEn, string>;
