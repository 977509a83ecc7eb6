import { localizeDigits } from "../calendar/index.js";
import { type Lang, lookupMessage } from "../messages/index.js";
import type { ImportIssue } from "./import-issue.js";

/**
 * The reason of an import issue in `lang`, from the catalogs (`importer.*`),
 * numbers in the language's digits; shared by the CLI and the API. Its own
 * message, else its code's generic one, else the catch-all.
 */
export function issueReason(issue: ImportIssue, lang: Lang): string {
  const params: Record<string, string | number> = {
    code: issue.code,
    ...(issue.column === null ? {} : { column: issue.column }),
    ...(issue.value === null ? {} : { value: issue.value }),
  };
  for (const [name, v] of Object.entries(issue.params ?? {}))
    params[name] = typeof v === "number" ? localizeDigits(String(v), lang) : v;
  return (
    lookupMessage(lang, issue.messageKey ?? `importer.issue.${issue.code}`, params) ??
    lookupMessage(lang, "importer.issue.other", params) ??
    issue.reason
  );
}
