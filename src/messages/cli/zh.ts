import type { cliEn } from "./en.js";

export const cliZh = {} as const satisfies Record<keyof typeof cliEn, string>;
