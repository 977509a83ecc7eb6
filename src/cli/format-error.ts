import { CommanderError } from "commander";
import { CrmKpiError } from "../core/errors.js";
import { type Lang, t } from "../messages/index.js";
import { localizeError, sentence } from "../messages/localize-error.js";
import { localizeCommanderError } from "./localize-commander-error.js";

/**
 * The lines a user reads for a failure: one sentence saying what is wrong,
 * one saying what to do. A stack trace only with `debug` (CRM_KPI_DEBUG=1).
 *
 * English uses the thrower's own sentence, which names the exact value and
 * rule; other languages use the catalog template when the error carries
 * every parameter it needs, else fall back to that English sentence.
 */
export function describeError(error: unknown, lang: Lang, debug: boolean): string[] {
  const prefix = t(lang, "cli.error.prefix");
  // A full-width colon (Chinese) already carries its own space.
  const lines = [`${prefix}${prefix.endsWith("：") ? "" : " "}${problemSentence(error, lang)}`];
  const fix = fixSentence(error, lang);
  if (fix) lines.push(fix);
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return lines;
}

function problemSentence(error: unknown, lang: Lang): string {
  if (error instanceof CrmKpiError) return localizeError(error, lang).message;
  if (error instanceof CommanderError) {
    const localized = localizeCommanderError(error, lang);
    // Only English sentences get a capital; a quoted value keeps its case.
    const detail =
      localized === undefined || lang === "en"
        ? sentence(localized ?? error.message.replace(/^error:\s*/i, ""))
        : `${localized}${lang === "zh" ? "。" : "."}`;
    return t(lang, "cli.error.usage", { detail });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return t(lang, "cli.error.unexpected", { detail });
}

function fixSentence(error: unknown, lang: Lang): string | undefined {
  if (error instanceof CrmKpiError) return localizeError(error, lang).fix;
  if (error instanceof CommanderError) return t(lang, "cli.error.usage.fix");
  return `${t(lang, "cli.error.unexpected.fix")}`;
}
