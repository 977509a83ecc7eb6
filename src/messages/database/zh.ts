import type { databaseEn } from "./en.js";

export const databaseZh = {} as const satisfies Record<keyof typeof databaseEn, string>;
