/** Messages of the HTTP API; the other locales have exactly these keys (parity.test.ts). */
export const serverEn = {
  "server.placeholder": "HTTP API",
} as const;
