import type { uploadEn } from "./en.js";

export const uploadFa = {
  "upload.placeholder": "upload",
} as const satisfies Record<keyof typeof uploadEn, string>;
