import type { securityEn } from "./en.js";

export const securityFa = {
  "security.placeholder": "security",
} as const satisfies Record<keyof typeof securityEn, string>;
