import type { serverEn } from "./en.js";

/** Messages of the HTTP API in fa. */
export const serverFa = {
  "server.placeholder": "HTTP API",
} as const satisfies Record<keyof typeof serverEn, string>;
