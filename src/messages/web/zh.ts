import type { webEn } from "./en.js";

/** Messages of the web dashboard in zh. */
export const webZh = {
  "web.placeholder": "web dashboard",
} as const satisfies Record<keyof typeof webEn, string>;
