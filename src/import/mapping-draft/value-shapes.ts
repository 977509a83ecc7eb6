import { toAsciiDigits } from "../mapping/digits.js";

/** What the sampled values of a date or timestamp column look like. */
export interface DateShape {
  /** A `format:` pattern; undefined when the values are ISO 8601 already. */
  readonly pattern: string | undefined;
  /** Years 13xx/14xx: Jalali dates. */
  readonly persian: boolean;
  /** `dd/MM` against `MM/dd` could not be told apart (no part above 12): day first was assumed. */
  readonly ambiguous: boolean;
  /** Example value, for the draft's comment. */
  readonly example: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The date shape of sampled values, or undefined when they are not all dates
 * of one shape. ISO values need no format; `2024/03/05`, `05/03/2024`,
 * `3/5/2024 14:30` and Jalali `1402/12/15` get a pattern.
 *
 * @example dateShape(["25/03/2024", "01/04/2024"]) // { pattern: "d/M/yyyy", ... }
 */
export function dateShape(values: readonly string[]): DateShape | undefined {
  const texts = values.map((v) => toAsciiDigits(v.trim())).filter((v) => v !== "");
  const example = texts[0];
  if (example === undefined) return undefined;
  const jalali = texts.every((v) => /^1[34]\d\d\D/.test(v));
  if (!jalali && texts.every((v) => ISO.test(v)))
    return { pattern: undefined, persian: false, ambiguous: false, example };
  const ymd = texts.map((v) => YMD.exec(v));
  if (ymd.every((m) => m !== null)) {
    const first = ymd[0] as RegExpExecArray;
    const sep = first[2] as string;
    const persian = ymd.every((m) => /^1[34]\d\d$/.test(m[1] as string));
    return {
      pattern: `yyyy${sep}M${sep}d${timePart(ymd)}`,
      persian,
      ambiguous: false,
      example,
    };
  }
  const dmy = texts.map((v) => DMY.exec(v));
  if (dmy.every((m) => m !== null)) {
    const sep = (dmy[0] as RegExpExecArray)[2] as string;
    const firstAbove12 = dmy.some((m) => Number(m[1]) > 12);
    const secondAbove12 = dmy.some((m) => Number(m[3]) > 12);
    const monthFirst = secondAbove12 && !firstAbove12;
    const date = monthFirst ? `M${sep}d${sep}yyyy` : `d${sep}M${sep}yyyy`;
    return {
      pattern: `${date}${timePart(dmy)}`,
      persian: false,
      ambiguous: !firstAbove12 && !secondAbove12,
      example,
    };
  }
  return undefined;
}

function timePart(matches: readonly (RegExpExecArray | null)[]): string {
  const times = matches.map((m) => m?.[5]);
  if (times.every((t) => t === undefined)) return "";
  if (times.some((t) => t === undefined)) return "";
  const seconds = matches.every((m) => m?.[7] !== undefined);
  return seconds ? " H:mm:ss" : " H:mm";
}

/** How sampled numbers are written: separators and decorations such as `$`. */
export interface NumberShape {
  readonly decimal: "." | ",";
  readonly thousands: "," | "." | " " | "";
  /** A currency code the symbols name (`$` → USD), when every value has the same one. */
  readonly currency: string | undefined;
  /** The values are plain canonical numbers: no `number:` needed. */
  readonly plain: boolean;
  readonly example: string;
}

const SYMBOLS: readonly (readonly [RegExp, string])[] = [
  [/\$/, "USD"],
  [/€/, "EUR"],
  [/£/, "GBP"],
  [/¥|元/, "CNY"],
  [/﷼|ریال/, "IRR"],
  [/تومان/, "IRT"],
];
const DECORATION = /[\s\u00A0\u202F$€£¥₹﷼元]|ریال|تومان/g;

/**
 * The number shape of sampled values, or undefined when some are not numbers.
 * A `,` followed by exactly three digits in every value that has one is a
 * thousands separator, else a decimal comma; with both `,` and `.`, the later one is the decimal.
 *
 * @example numberShape(["$3,000", "$12,500.50"]) // { decimal: ".", thousands: ",", currency: "USD", ... }
 */
export function numberShape(values: readonly string[]): NumberShape | undefined {
  const texts = values.map((v) => toAsciiDigits(v.trim()).replace(/^'/, "")).filter((v) => v !== "");
  const example = texts[0];
  if (example === undefined) return undefined;
  const bare = texts.map((v) => v.replace(DECORATION, "").replace(/^\((.*)\)$/, "-$1"));
  if (!bare.every((v) => /^[-+]?[\d.,]*\d[\d.,]*$/.test(v))) return undefined;
  const plain = texts.every((v) => /^-?\d+(\.\d+)?$/.test(v));
  let decimal: "." | "," = ".";
  let thousands: "," | "." | "" = "";
  const both = bare.filter((v) => v.includes(",") && v.includes("."));
  if (both.length > 0) {
    const v = both[0] as string;
    decimal = v.lastIndexOf(",") > v.lastIndexOf(".") ? "," : ".";
    thousands = decimal === "," ? "." : ",";
  } else if (bare.some((v) => v.includes(","))) {
    const groups = bare.filter((v) => v.includes(",")).every((v) => /^[-+]?\d{1,3}(,\d{3})+$/.test(v));
    if (groups) thousands = ",";
    else decimal = ",";
  } else if (bare.some((v) => /^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(v))) {
    thousands = ".";
  }
  const currencies = new Set(texts.map((v) => SYMBOLS.find(([re]) => re.test(v))?.[1] ?? ""));
  const only = currencies.size === 1 ? [...currencies][0] : undefined;
  return { decimal, thousands, currency: only === "" ? undefined : only, plain, example };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether most sampled values are e-mail addresses (a header in another language may still be an email column). */
export function looksLikeEmails(values: readonly string[]): boolean {
  const texts = values.map((v) => v.trim()).filter((v) => v !== "");
  return texts.length > 0 && texts.filter((v) => EMAIL.test(v)).length / texts.length >= 0.8;
}

/** The distinct non-empty values in first-seen order, or undefined when there are more than `max`. */
export function fewValues(values: readonly string[], max = 12): string[] | undefined {
  const seen: string[] = [];
  for (const v of values) {
    const text = v.trim();
    if (text === "" || seen.includes(text)) continue;
    seen.push(text);
    if (seen.length > max) return undefined;
  }
  return seen;
}
