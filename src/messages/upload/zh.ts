import type { uploadEn } from "./en.js";

export const uploadZh = {
  "upload.placeholder": "upload",
} as const satisfies Record<keyof typeof uploadEn, string>;
