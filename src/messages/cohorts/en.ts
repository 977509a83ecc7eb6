/** Messages of the cohorts area; the other locales have exactly these keys (parity.test.ts). */
export const cohortsEn = {
  "cohorts.placeholder": "cohorts",
} as const;
