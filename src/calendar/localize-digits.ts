import type { Lang } from "./period-types.js";

const ZERO: Partial<Record<Lang, number>> = { fa: 0x06f0, ar: 0x0660 };

/**
 * ASCII digits in `text` written in the language's digits: Persian ۰-۹,
 * Arabic-Indic ٠-٩; English and Chinese keep 0-9.
 *
 * @example localizeDigits("1403-01", "fa") // "۱۴۰۳-۰۱"
 */
export function localizeDigits(text: string, lang: Lang): string {
  const zero = ZERO[lang];
  if (zero === undefined) return text;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 48));
}
