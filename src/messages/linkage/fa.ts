import type { linkageEn } from "./en.js";

export const linkageFa = {
  "linkage.area": "linkage",
} as const satisfies Record<keyof typeof linkageEn, string>;
