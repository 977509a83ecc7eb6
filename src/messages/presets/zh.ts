import type { presetsEn } from "./en.js";

export const presetsZh = {
  "presets.area": "presets",
} as const satisfies Record<keyof typeof presetsEn, string>;
