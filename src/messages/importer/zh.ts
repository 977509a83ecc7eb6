import type { importerEn } from "./en.js";

export const importerZh = {} as const satisfies Record<keyof typeof importerEn, string>;
