import { type CrmKpiError, formatPlace } from "../core/errors.js";
import { type Lang, lookupMessage, type MessageParams, placeholdersOf } from "./index.js";

/** What a user reads for a CrmKpiError: the problem and, when the catalog has one, what to do. */
export interface LocalizedError {
  readonly message: string;
  readonly fix?: string;
}

/**
 * The localized text of a CrmKpiError, shared by the CLI and the HTTP API.
 *
 * English uses the thrower's own sentence, which names the exact value and
 * rule; other languages use the catalog template when the error carries
 * every parameter it needs, else fall back to that English sentence.
 *
 * @example localizeError(new CrmKpiError("unknown_metric", "unknown metric \"x\"", { metric: "x" }), "fa")
 */
export function localizeError(error: CrmKpiError, lang: Lang): LocalizedError {
  // A specific message (messageKey) may bring its own fix; else the code's.
  const key = typeof error.params.messageKey === "string" ? error.params.messageKey : undefined;
  const fix =
    (key === undefined ? undefined : lookupMessage(lang, `${key}.fix`, errorParams(error))) ??
    lookupMessage(lang, `error.${error.code}.fix`);
  return { message: problemSentence(error, lang), ...(fix === undefined ? {} : { fix }) };
}

function problemSentence(error: CrmKpiError, lang: Lang): string {
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
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  const first = /^[a-z]+[\s,]/.test(trimmed) ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?。]$/.test(first) ? first : `${first}.`;
}
