/** Messages of the cli area (CLI frame and formats: help, output formats, bidi, explain and localized details); the other locales have exactly these keys (parity.test.ts). */
export const cliEn = {} as const;
