import { localizeDigits } from "../calendar/index.js";
import type { Lang } from "../messages/index.js";

// Persian and Arabic write the decimal point as ٫ and the group separator as ٬.
const SEPARATORS: Record<Lang, { group: string; decimal: string; percent: string }> = {
  en: { group: ",", decimal: ".", percent: "%" },
  zh: { group: ",", decimal: ".", percent: "%" },
  fa: { group: "٬", decimal: "٫", percent: "٪" },
  ar: { group: "٬", decimal: "٫", percent: "٪" },
};

const NULL_TEXT = "—";

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(maxDigits: number, minDigits: number): Intl.NumberFormat {
  const cacheKey = maxDigits * 100 + minDigits;
  let f = formatters.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: minDigits,
    });
    formatters.set(cacheKey, f);
  }
  return f;
}

/**
 * A number as a reader of `lang` writes it: grouping, at most `fractionDigits`
 * decimals, local digits and separators for fa and ar. Null (an undefined
 * ratio) is a dash, never 0.
 *
 * @example formatNumber(12345.678, "fa") // "۱۲٬۳۴۵٫۶۸"
 */
export function formatNumber(
  value: number | null,
  lang: Lang,
  fractionDigits = 2,
  minFractionDigits = 0,
): string {
  if (value === null) return NULL_TEXT;
  const sep = SEPARATORS[lang];
  const latin = formatter(fractionDigits, minFractionDigits).format(value);
  const local = latin.replace(/[,.]/g, (c) => (c === "," ? sep.group : sep.decimal)).replace("-", "−");
  return localizeDigits(local, lang);
}

const symbols = new Map<string, string>();

/** The currency's short sign as the reader's locale writes it (`$`, `€`, `ریال`), or its ISO code. */
export function currencySymbol(currency: string, lang: Lang): string {
  const key = `${lang}|${currency}`;
  let symbol = symbols.get(key);
  if (symbol === undefined) {
    try {
      symbol =
        new Intl.NumberFormat(lang, { style: "currency", currency, currencyDisplay: "narrowSymbol" })
          .formatToParts(1)
          .find((p) => p.type === "currency")?.value ?? currency;
    } catch {
      symbol = currency;
    }
    symbols.set(key, symbol);
  }
  return symbol;
}

/**
 * An amount with its currency: the sign before the number in English and
 * Chinese (`$1,234.50`), after it in Persian and Arabic (`۱٬۲۳۴٫۵۰ $`),
 * where the number reads right to left of its sign. `fractionDigits` lets a
 * column of whole amounts drop the cents.
 */
export function formatMoney(value: number | null, lang: Lang, currency: string, fractionDigits = 2): string {
  if (value === null) return NULL_TEXT;
  const number = formatNumber(value, lang, fractionDigits, fractionDigits);
  const symbol = currencySymbol(currency, lang);
  if (lang === "fa" || lang === "ar") return `${number} ${symbol}`;
  return number.startsWith("−") ? `−${symbol}${number.slice(1)}` : `${symbol}${number}`;
}

/**
 * A metric value in its unit: fractions as percentages with one decimal,
 * counts whole, money with cents (and its currency when `currency` is given).
 */
export function formatMetricValue(value: number | null, unit: string, lang: Lang, currency?: string): string {
  if (value === null) return NULL_TEXT;
  switch (unit) {
    case "fraction":
      return `${formatNumber(value * 100, lang, 1, 1)}${SEPARATORS[lang].percent}`;
    case "customers":
    case "count":
      return formatNumber(value, lang, Number.isInteger(value) ? 0 : 2);
    case "money":
      return currency ? formatMoney(value, lang, currency) : formatNumber(value, lang, 2, 2);
    default:
      return formatNumber(value, lang, 2);
  }
}
