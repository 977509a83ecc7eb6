import type { cliEn } from "./en.js";

export const cliFa = {} as const satisfies Record<keyof typeof cliEn, string>;
