import type { Lang } from "../../messages/index.js";

const LOCALES: Readonly<Record<Lang, string>> = {
  en: "en-US",
  fa: "fa-IR",
  ar: "ar-EG",
  zh: "zh-CN",
};

/** Persian and Arabic write the percent sign of their script. */
const PERCENT: Readonly<Record<Lang, string>> = { en: "%", fa: "٪", ar: "٪", zh: "%" };

/**
 * A value as a reader of `lang` writes it (Persian and Arabic digits for fa
 * and ar): fractions as percentages with one decimal, counts whole, others
 * with at most two decimals; null is a dash.
 *
 * @example formatAlertValue(0.0345, "fraction", "fa") // "۳٫۵٪"
 */
export function formatAlertValue(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return "—";
  const format = (n: number, digits: number, min = 0) =>
    new Intl.NumberFormat(LOCALES[lang], {
      maximumFractionDigits: digits,
      minimumFractionDigits: min,
      useGrouping: true,
    }).format(n);
  if (unit === "fraction") return `${format(value * 100, 1, 1)}${PERCENT[lang]}`;
  if (unit === "count" || unit === "customers") return format(value, Number.isInteger(value) ? 0 : 2);
  return format(value, 2);
}

/** A change in the value's unit with its sign (`+1.2%`, `−10`); fractions in percentage points. */
export function formatAlertChange(delta: number | null, unit: string, lang: Lang): string {
  if (delta === null) return "—";
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "";
  return `${sign}${formatAlertValue(Math.abs(delta), unit, lang)}`;
}
