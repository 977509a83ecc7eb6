import type { periodsEn } from "./en.js";

export const periodsFa = {} as const satisfies Record<keyof typeof periodsEn, string>;
