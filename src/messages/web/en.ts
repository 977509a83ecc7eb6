/** Messages of the web dashboard; the other locales have exactly these keys (parity.test.ts). */
export const webEn = {
  "web.placeholder": "web dashboard",
} as const;
