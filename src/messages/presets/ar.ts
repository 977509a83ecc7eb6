import type { presetsEn } from "./en.js";

export const presetsAr = {
  "presets.area": "presets",
} as const satisfies Record<keyof typeof presetsEn, string>;
