import { CommanderError } from "commander";
import { CrmKpiError, formatPlace } from "../core/errors.js";
import { type Lang, lookupMessage, type MessageParams, placeholdersOf, t } from "../messages/index.js";

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
  if (error instanceof CrmKpiError) {
    const own = sentence(error.message);
    if (lang === "en" && own) return own;
    const params = errorParams(error);
    // A shell can name a more specific message than the code's own (cli.error.badParam).
    const key = typeof error.params.messageKey === "string" ? error.params.messageKey : `error.${error.code}`;
    const template = lookupMessage(lang, key) ?? "";
    const complete = placeholdersOf(template).every(
      (name) => params[name] !== undefined && params[name] !== "",
    );
    return complete
      ? (lookupMessage(lang, key, params) ?? own)
      : own || (lookupMessage("en", key, params) ?? key);
  }
  if (error instanceof CommanderError) {
    return t(lang, "cli.error.usage", { detail: sentence(error.message.replace(/^error:\s*/i, "")) });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return t(lang, "cli.error.unexpected", { detail });
}

function fixSentence(error: unknown, lang: Lang): string | undefined {
  if (error instanceof CrmKpiError) return lookupMessage(lang, `error.${error.code}.fix`);
  if (error instanceof CommanderError) return t(lang, "cli.error.usage.fix");
  return `${t(lang, "cli.error.unexpected.fix")}`;
}

/** Parameters a template may use: the error's own, plus its place and English message. */
function errorParams(error: CrmKpiError): MessageParams {
  const place = error.place ?? {};
  const params: Record<string, string | number> = { detail: error.message, ...error.params };
  const placeText = formatPlace(place);
  if (placeText) params.place = placeText;
  if (place.file) params.file = place.file;
  if (place.line !== undefined) params.line = place.line;
  if (place.column) params.column = place.column;
  const value = place.value ?? error.params.value ?? error.params.label;
  if (value !== undefined) params.value = value;
  return params;
}

/**
 * With a capital and a final full stop: commander and DuckDB write lower-case
 * fragments. A leading file name or identifier (`crm-kpi.json:`) keeps its case.
 */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  const first = /^[a-z]+[\s,]/.test(trimmed) ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?。]$/.test(first) ? first : `${first}.`;
}
