import type { cliEn } from "./en.js";

export const cliAr = {} as const satisfies Record<keyof typeof cliEn, string>;
