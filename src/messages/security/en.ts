/** Messages of the security area; the other locales have exactly these keys (parity.test.ts). */
export const securityEn = {
  "security.placeholder": "security",
} as const;
