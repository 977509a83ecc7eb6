import type { mappingEn } from "./en.js";

export const mappingAr = {
  "mapping.area": "mapping",
} as const satisfies Record<keyof typeof mappingEn, string>;
