/** Messages of the presets area; the other locales have exactly these keys (parity.test.ts). */
export const presetsEn = {
  "presets.area": "presets",
} as const;
