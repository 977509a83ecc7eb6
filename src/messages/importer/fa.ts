import type { importerEn } from "./en.js";

export const importerFa = {} as const satisfies Record<keyof typeof importerEn, string>;
