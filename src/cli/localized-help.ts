import { type Argument, Help, type HelpConfiguration, type Option } from "commander";
import stringWidth from "string-width";
import { type Lang, lookupMessage, type MessageKey, t } from "../messages/index.js";

/**
 * Commander's help frame in the user's language: the headings ("Usage:",
 * "Options:", …), `[options]`, the `<placeholders>` of flags and
 * arguments, and the "(choices: …, default: …)" notes. Descriptions are
 * already localized where the options are declared. Option names, command
 * names and choice values stay as typed on the command line.
 *
 * @example program.configureHelp(localizedHelp("fa"))
 */
export function localizedHelp(lang: Lang): HelpConfiguration {
  const base = Help.prototype;
  const titles: Record<string, MessageKey> = {
    "Usage:": "cli.help.usage",
    "Options:": "cli.help.options",
    "Commands:": "cli.help.commands",
    "Arguments:": "cli.help.arguments",
    "Global Options:": "cli.help.globalOptions",
  };
  const placeholders = (text: string): string =>
    text
      .replace(/\[options\]/g, `[${t(lang, "cli.help.placeholder.options")}]`)
      .replace(/\[command\]/g, `[${t(lang, "cli.help.placeholder.command")}]`)
      .replace(/<([^<>]+)>/g, (_, name: string) => `<${placeholderName(lang, name)}>`)
      .replace(
        /\[([a-z][\w=-]*)(\.\.\.)?\]/g,
        (_, name: string, dots = "") => `[${placeholderName(lang, name)}${dots}]`,
      );
  const notes = (description: string, choices: readonly string[] | undefined, shownDefault?: string) => {
    const extra: string[] = [];
    if (choices) extra.push(t(lang, "cli.help.choices", { choices: choices.join(", ") }));
    if (shownDefault !== undefined) extra.push(t(lang, "cli.help.default", { value: shownDefault }));
    if (extra.length === 0) return description;
    const joined = lang === "zh" ? `（${extra.join("；")}）` : `(${extra.join(lang === "en" ? ", " : "؛ ")})`;
    return description ? `${description}${lang === "zh" ? "" : " "}${joined}` : joined;
  };
  return {
    // Columns line up by what the terminal shows: CJK takes two cells, marks none.
    displayWidth: (text: string) => stringWidth(text),
    styleTitle: (title: string) => {
      const key = titles[title];
      return key ? t(lang, key) : title;
    },
    commandUsage(this: Help, cmd) {
      return placeholders(base.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd) {
      return placeholders(base.subcommandTerm.call(this, cmd));
    },
    optionTerm: (option: Option) => placeholders(option.flags),
    argumentTerm: (argument: Argument) => placeholderName(lang, argument.name()),
    optionDescription: (option: Option) => {
      const showDefault =
        option.defaultValue !== undefined &&
        (option.required ||
          option.optional ||
          (option.isBoolean() && typeof option.defaultValue === "boolean"));
      const shown = showDefault
        ? (option.defaultValueDescription ?? defaultText(option.defaultValue))
        : undefined;
      return notes(option.description, option.argChoices, shown);
    },
    argumentDescription: (argument: Argument) =>
      notes(
        argument.description,
        argument.argChoices,
        argument.defaultValue === undefined
          ? undefined
          : (argument.defaultValueDescription ?? defaultText(argument.defaultValue)),
      ),
  };
}

/** A placeholder's name in the user's language (`<path>` → `<مسیر>`), or the name itself. */
function placeholderName(lang: Lang, name: string): string {
  return lookupMessage(lang, `cli.help.placeholder.${name.replace(/[^a-z0-9]+/gi, "_")}`) ?? name;
}

// An empty list (`--param`) says nothing useful as a default.
function defaultText(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 0) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}
