import type { webEn } from "./en.js";

/** Messages of the web dashboard in ar. */
export const webAr = {
  "web.placeholder": "web dashboard",
} as const satisfies Record<keyof typeof webEn, string>;
