/** Messages of the mapping area; the other locales have exactly these keys (parity.test.ts). */
export const mappingEn = {
  "mapping.area": "mapping",
} as const;
