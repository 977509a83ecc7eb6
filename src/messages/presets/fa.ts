import type { presetsEn } from "./en.js";

export const presetsFa = {
  "presets.area": "presets",
} as const satisfies Record<keyof typeof presetsEn, string>;
