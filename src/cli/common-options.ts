import { Option } from "commander";
import { CALENDARS } from "../core/model/settings.js";
import { LANGS, type Lang, type MessageKey, t } from "../messages/index.js";
import { collect } from "./cli-context.js";

/**
 * Options several commands share, built in one place so that every command
 * spells, documents and validates them the same way.
 */
export const dbOption = (lang: Lang) => new Option("--db <path>", t(lang, "cli.option.db"));

export const langOption = (lang: Lang) =>
  new Option("--lang <lang>", t(lang, "cli.option.lang")).choices(LANGS);

export const paramOption = (lang: Lang) =>
  new Option("--param <key=value>", t(lang, "cli.report.option.param")).argParser(collect).default([]);

export const calendarOption = (lang: Lang, description: MessageKey = "cli.report.option.calendar") =>
  new Option("--calendar <calendar>", t(lang, description)).choices(CALENDARS);

/** `--format` with the formats a command supports, `table` by default. */
export const formatOption = (
  lang: Lang,
  formats: readonly string[],
  description: MessageKey = "cli.report.option.format",
) => new Option("--format <format>", t(lang, description)).choices(formats).default("table");
