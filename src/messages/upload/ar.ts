import type { uploadEn } from "./en.js";

export const uploadAr = {
  "upload.placeholder": "upload",
} as const satisfies Record<keyof typeof uploadEn, string>;
