import type { mappingEn } from "./en.js";

export const mappingFa = {
  "mapping.area": "mapping",
} as const satisfies Record<keyof typeof mappingEn, string>;
