import type { linkageEn } from "./en.js";

export const linkageZh = {
  "linkage.area": "linkage",
} as const satisfies Record<keyof typeof linkageEn, string>;
