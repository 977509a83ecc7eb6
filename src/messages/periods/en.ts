/** Messages of the periods area (Report periods, partial periods, ranges, metric parameters and goals); the other locales have exactly these keys (parity.test.ts). */
export const periodsEn = {} as const;
