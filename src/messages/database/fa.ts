import type { databaseEn } from "./en.js";

export const databaseFa = {} as const satisfies Record<keyof typeof databaseEn, string>;
