/** Messages of the importer area (Importer input: encodings, delimiters, headers, numbers, row errors and warnings); the other locales have exactly these keys (parity.test.ts). */
export const importerEn = {} as const;
