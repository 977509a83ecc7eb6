import { localizeDigits } from "../calendar/localize-digits.js";
import { type Lang, t } from "../messages/index.js";
import type { ReportWarning } from "../report/report-range.js";

/** One line per range warning of a report, in the user's language and digits (stderr). */
export function formatRangeWarnings(warnings: readonly ReportWarning[], lang: Lang): string[] {
  return warnings.map((w) => {
    const params = Object.fromEntries(
      Object.entries(w.params).map(([k, v]) => [
        k,
        k === "calendar" || k === "other" ? v : localizeDigits(v, lang),
      ]),
    );
    const prefix = t(lang, "periods.warning.prefix");
    // A full-width colon (Chinese) carries its own space.
    return `${prefix}${prefix.endsWith("：") ? "" : " "}${t(lang, w.messageKey, params)}`;
  });
}
