import type { databaseEn } from "./en.js";

export const databaseAr = {} as const satisfies Record<keyof typeof databaseEn, string>;
