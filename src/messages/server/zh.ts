import type { serverEn } from "./en.js";

/** Messages of the HTTP API in zh. */
export const serverZh = {
  "server.placeholder": "HTTP API",
} as const satisfies Record<keyof typeof serverEn, string>;
