/** Messages of the database area (Opening databases: validation, read-only opens, locks and waiting, clean failures); the other locales have exactly these keys (parity.test.ts). */
export const databaseEn = {} as const;
