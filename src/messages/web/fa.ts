import type { webEn } from "./en.js";

/** Messages of the web dashboard in fa. */
export const webFa = {
  "web.placeholder": "web dashboard",
} as const satisfies Record<keyof typeof webEn, string>;
