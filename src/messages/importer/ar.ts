import type { importerEn } from "./en.js";

export const importerAr = {} as const satisfies Record<keyof typeof importerEn, string>;
