/** Messages of the linkage area; the other locales have exactly these keys (parity.test.ts). */
export const linkageEn = {
  "linkage.area": "linkage",
} as const;
