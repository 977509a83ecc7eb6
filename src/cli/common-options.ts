import { InvalidArgumentError, Option } from "commander";
import { GRAINS } from "../calendar/index.js";
import { CrmKpiError } from "../core/errors.js";
import { CALENDARS, canonicalCalendar } from "../core/model/settings.js";
import { LANGS, type Lang, type MessageKey, t } from "../messages/index.js";
import { collect } from "./cli-context.js";
import { writeLine } from "./cli-io.js";
import { OUTPUT_FORMATS } from "./format-records.js";

/**
 * Options several commands share, built in one place so that every command
 * spells, documents and validates them the same way (one name per idea:
 * docs/cli.md lists them).
 */
export const dbOption = (lang: Lang) => new Option("--db <path>", t(lang, "cli.option.db"));

export const langOption = (lang: Lang) =>
  new Option("--lang <lang>", t(lang, "cli.option.lang")).choices(LANGS);

export const paramOption = (lang: Lang) =>
  new Option("--param <key=value>", t(lang, "cli.report.option.param")).argParser(collect).default([]);

/** `--calendar`: the choices are listed in help; aliases such as `jalali` are accepted too. */
export const calendarOption = (lang: Lang, description: MessageKey = "cli.report.option.calendar") =>
  new Option("--calendar <calendar>", t(lang, description)).choices(CALENDARS).argParser((value: string) => {
    const calendar = canonicalCalendar(value);
    // The same wording as commander's own choices check, so its localization applies.
    if (!(CALENDARS as readonly string[]).includes(calendar))
      throw new InvalidArgumentError(`Allowed choices are ${CALENDARS.join(", ")}.`);
    return calendar;
  });

/** `--format`: every command that prints data offers all of OUTPUT_FORMATS, `table` by default. */
export const formatOption = (
  lang: Lang,
  formats: readonly string[] = OUTPUT_FORMATS,
  description: MessageKey = "cli.report.option.format",
) => new Option("--format <format>", t(lang, description)).choices(formats).default("table");

/** `--period <grain>`: the length of a period, in every command (a period label is `--at`, `--from`, `--to`). */
export const periodOption = (
  lang: Lang,
  description: MessageKey = "cli.report.option.period",
  defaultGrain?: (typeof GRAINS)[number],
) => {
  const option = new Option("--period <grain>", t(lang, description)).choices(GRAINS);
  return defaultGrain ? option.default(defaultGrain) : option;
};

/** An old spelling that still works but is not in the help; `warnDeprecated` says what replaces it. */
export const deprecatedOption = (flags: string) => new Option(flags).hideHelp();

/** One line on stderr: `--grain` is deprecated, use `--period`. */
export function warnDeprecated(
  io: { readonly stderr: { write(chunk: string): unknown } },
  lang: Lang,
  old: string,
  replacement: string,
): void {
  writeLine(io.stderr, t(lang, "cli.deprecated.option", { old, replacement }));
}

/**
 * The parser of a whole-number option (`--limit`, `--port`, `--sample`): from
 * `min` to `max`; anything else is a usage error naming the option and the range.
 */
export function wholeNumberOption(option: string, min: number, max?: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() !== "" && Number.isInteger(value) && value >= min && (max === undefined || value <= max))
      return value;
    const range = max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new CrmKpiError("bad_argument", `The value "${text}" of ${option} is not a whole number ${range}`, {
      value: text,
      option,
      min,
      ...(max === undefined ? {} : { max }),
      messageKey: max === undefined ? "cli.error.badWholeNumber" : "cli.error.badWholeNumberRange",
    });
  };
}

/** `--days`: a positive number of days. */
export function parseDays(text: string): number {
  const days = Number(text);
  if (text.trim() === "" || !Number.isFinite(days) || days <= 0) {
    throw new CrmKpiError(
      "bad_argument",
      `The value "${text}" of --days is not a positive number of days; write e.g. --days 30`,
      { value: text, messageKey: "cli.error.badDays" },
      { value: text },
    );
  }
  return days;
}
