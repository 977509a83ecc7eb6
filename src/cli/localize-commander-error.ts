import type { CommanderError } from "commander";
import { type Lang, type MessageKey, t } from "../messages/index.js";

/** Commander's English parse errors, matched by code and message, with the values they quote. */
const PATTERNS: readonly {
  readonly code: string;
  readonly pattern: RegExp;
  readonly key: MessageKey;
  readonly params: readonly string[];
}[] = [
  {
    code: "commander.unknownOption",
    pattern: /unknown option '([^']+)'/,
    key: "cli.commander.unknownOption",
    params: ["option"],
  },
  {
    code: "commander.unknownCommand",
    pattern: /unknown command '([^']+)'/,
    key: "cli.commander.unknownCommand",
    params: ["command"],
  },
  {
    code: "commander.missingArgument",
    pattern: /missing required argument '([^']+)'/,
    key: "cli.commander.missingArgument",
    params: ["argument"],
  },
  {
    code: "commander.optionMissingArgument",
    pattern: /option '([^']+)' argument missing/,
    key: "cli.commander.optionMissingArgument",
    params: ["option"],
  },
  {
    code: "commander.missingMandatoryOptionValue",
    pattern: /required option '([^']+)' not specified/,
    key: "cli.commander.missingMandatoryOptionValue",
    params: ["option"],
  },
  {
    code: "commander.excessArguments",
    pattern: /but got (\d+)/,
    key: "cli.commander.excessArguments",
    params: ["count"],
  },
  {
    code: "commander.invalidArgument",
    pattern: /option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/,
    key: "cli.commander.invalidChoice",
    params: ["option", "value", "choices"],
  },
  {
    code: "commander.invalidArgument",
    pattern: /option '([^']+)' argument '([^']*)' is invalid/,
    key: "cli.commander.invalidArgument",
    params: ["option", "value"],
  },
];

/**
 * A commander parse error in the user's language, e.g. `unknown option
 * '--nope'` → `گزینهٔ ناشناخته --nope`; undefined for a message we do not
 * know (the caller then shows commander's own sentence). Flags are shown
 * without their placeholder (`--period`, not `--period <grain>`); a
 * "Did you mean" suggestion is kept as the flag it names.
 */
export function localizeCommanderError(error: CommanderError, lang: Lang): string | undefined {
  for (const { code, pattern, key, params } of PATTERNS) {
    if (error.code !== code) continue;
    const match = pattern.exec(error.message);
    if (!match) continue;
    const values = Object.fromEntries(
      params.map((name, i) => {
        const raw = match[i + 1] ?? "";
        return [name, name === "option" ? (raw.split(/[ ,]+/).find((f) => f.startsWith("--")) ?? raw) : raw];
      }),
    );
    const suggestion = /Did you mean (\S+?)\?/.exec(error.message)?.[1];
    return `${t(lang, key, values)}${suggestion ? ` (${suggestion}?)` : ""}`;
  }
  return undefined;
}
