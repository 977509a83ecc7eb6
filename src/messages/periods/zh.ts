import type { periodsEn } from "./en.js";

export const periodsZh = {} as const satisfies Record<keyof typeof periodsEn, string>;
