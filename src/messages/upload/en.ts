/** Messages of the upload area; the other locales have exactly these keys (parity.test.ts). */
export const uploadEn = {
  "upload.placeholder": "upload",
} as const;
