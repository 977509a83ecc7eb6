import { cliI18nEn } from "./i18n/en.js";
/** Messages of the cli area (CLI frame and formats: help, output formats, bidi, explain and localized details); the other locales have exactly these keys (parity.test.ts). */
export const cliEn = {
  ...cliI18nEn,
  // Issue 8 part 6: help command, deprecated spellings, explain counts and formats.
  "cli.help.command": "show the help of a command",
  "cli.deprecated.option": "Note: {old} is deprecated; use {replacement}.",
  "cli.explain.option.at": "the period to explain, a label such as 2024-03, 2024-Q1 or 1403-01",
  "cli.explain.option.format":
    "output format (csv and ndjson: one line per row; json: the value and its rows)",
  "cli.explain.error.needsAt": "The period to explain is missing: add it with --at, e.g. --at 2024-03.",
  "cli.explain.partRows": "{title}: {total} rows",
  "cli.explain.partRowsShown": "{title}: showing {shown} of {total} rows",
  "cli.explain.segment": "Segment: {segment}",
} as const;
