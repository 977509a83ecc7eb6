/** Numbers in the language's digits and conventions, by metric unit. */

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** `0.123` share → `12.3%`; money with two decimals; counts as integers; `—` for a missing value. */
export function formatValue(
  locale: string,
  value: number | null | undefined,
  unit = "",
  currency?: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "share":
    case "fraction":
      return formatter(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "money": {
      const digits = Math.abs(value) >= 1000 ? 0 : 2;
      return currency && /^[A-Z]{3}$/.test(currency)
        ? formatter(locale, {
            style: "currency",
            currency,
            currencyDisplay: "narrowSymbol",
            minimumFractionDigits: 0,
            maximumFractionDigits: digits,
          }).format(value)
        : formatter(locale, { maximumFractionDigits: digits }).format(value);
    }
    case "customers":
    case "count":
      return formatter(locale, { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 }).format(value);
    case "days":
    case "hours":
    case "months":
    case "years":
    case "nps":
      return formatter(locale, { maximumFractionDigits: 1 }).format(value);
    default:
      return formatter(locale, { maximumFractionDigits: 2 }).format(value);
  }
}

/** The ASCII digits of `text` in the locale's script (`۱۴۰۴-۰۷-۰۹`, `۱۹۸۵`), nothing else changed. */
export function localDigits(text: string, locale: string): string {
  const digits = formatter(locale, { useGrouping: false });
  return text.replace(/[0-9]/g, (d) => digits.format(Number(d)));
}

export function formatNumber(locale: string, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return formatter(locale, { maximumFractionDigits: digits }).format(value);
}

/** Signed relative change: `+12.5%`. */
export function formatChange(locale: string, change: number): string {
  return formatter(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(
    change,
  );
}

/** Wraps text that comes from data in a first-strong isolate, so RTL pages keep Latin ids intact. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Escapes text for the HTML ECharts tooltips render. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** An ISO date (`2024-12-31`) in the language and calendar: `۱۰ دی ۱۴۰۳` for fa + persian. */
export function formatDate(locale: string, calendar: string, iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "—";
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const ca = calendar === "gregorian" ? "gregory" : calendar;
  return new Intl.DateTimeFormat(`${locale}-u-ca-${ca}`, { dateStyle: "medium", timeZone: "UTC" }).format(
    date,
  );
}
