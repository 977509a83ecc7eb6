import type { serverEn } from "./en.js";

/** Messages of the HTTP API in ar. */
export const serverAr = {
  "server.placeholder": "HTTP API",
} as const satisfies Record<keyof typeof serverEn, string>;
