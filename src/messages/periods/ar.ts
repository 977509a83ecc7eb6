import type { periodsEn } from "./en.js";

export const periodsAr = {} as const satisfies Record<keyof typeof periodsEn, string>;
