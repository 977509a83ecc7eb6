import { Temporal } from "temporal-polyfill";
import { wallClockToEpochMs } from "../calendar/zoned-time.js";

/**
 * Cell parsers of the canonical value conventions (DATA_MODEL.md). They run
 * once per cell of every imported row, so they avoid allocations on the
 * common path: results go into a reused `ParsedTime`, failures return a
 * reason string and success returns null.
 */

const NON_ASCII = /[^\x20-\x7e]/;
const EASTERN_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits read as ASCII digits. */
export function normalizeDigits(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.replace(EASTERN_DIGIT, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

const ARABIC_DECIMAL = /\u066b/g;
const ARABIC_GROUP = /\u066c/g;
/** Arabic thousands separators only between groups of three digits, so `۱٬۲۳` stays invalid. */
const GROUPED = /^[+-]?\d{1,3}(?:\u066c\d{3})+(?:\.\d*)?$/;

/**
 * A number cell with ASCII digits and `.`: Persian and Arabic-Indic digits,
 * the Arabic decimal separator (U+066B, `۱۲۳٫۵`) and the Arabic thousands
 * separator (U+066C, `۱٬۲۳۴`, only in groups of three) are read as what
 * they mean. They are unambiguous, unlike `,` and `.` whose role varies.
 */
export function normalizeNumber(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let normalized = normalizeDigits(text).replace(ARABIC_DECIMAL, ".");
  if (normalized.includes("\u066c") && GROUPED.test(normalized))
    normalized = normalized.replace(ARABIC_GROUP, "");
  return normalized;
}

/** Where the parsed instant and its local calendar day go. */
export interface ParsedTime {
  /** Microseconds since the epoch (UTC). */
  micros: number;
  /** Days since 1970-01-01 of the local calendar date in the dataset zone. */
  localDay: number;
  /**
   * SQL timestamp text of the UTC instant when it is the input itself (UTC
   * wall clock without offset: the common case, no formatting needed), else null.
   */
  utcText: string | null;
}

const DAY_MS = 86_400_000;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const TIMESTAMP_HINT =
  "use ISO 8601 such as 2024-03-05, 2024-03-05T14:30:00 or 2024-03-05T14:30:00+03:30";
export const DATE_HINT = "use an ISO date such as 2024-03-05";

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Reads an ISO 8601 timestamp. Without an offset it is a wall-clock time in
 * `zone` (a time in a DST gap moves forward). Returns null on success or the
 * reason it is not a timestamp.
 *
 * @example parseTimestamp("2024-03-05T14:30:00+03:30", "UTC", out) // out.micros = 1709636400000000
 */
export function parseTimestamp(text: string, zone: string, out: ParsedTime): string | null {
  if (text.length === 19 && readPlainIsoTimestamp(text, zone, out)) return null;
  const normalized = normalizeDigits(text);
  const m = TIMESTAMP.exec(normalized);
  if (!m) return `not a date-time; ${TIMESTAMP_HINT}`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidDate(year, month, day)) return `no such date; ${TIMESTAMP_HINT}`;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return `no such time of day; ${TIMESTAMP_HINT}`;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  const millisecond = Math.floor(fraction * 1000);
  const microOfMilli = Math.round(fraction * 1_000_000) - millisecond * 1000;
  let ms: number;
  if (m[8] !== undefined || m[9] !== undefined) {
    let offsetMinutes = 0;
    if (m[9] !== undefined) {
      const oh = Number(m[10]);
      const om = m[11] === undefined ? 0 : Number(m[11]);
      if (oh > 18 || om > 59) return `offset out of range; ${TIMESTAMP_HINT}`;
      offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
    }
    ms = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
    out.localDay = localDayOf(ms, zone);
    out.utcText = null;
  } else {
    // DuckDB and PostgreSQL read this text as is; a comma fraction, lower-case t or nanoseconds they may not
    out.utcText =
      zone === "UTC" && (m[7]?.length ?? 0) <= 6 && !normalized.includes(",") && !normalized.includes("t")
        ? normalized
        : null;
    ms = wallClockToEpochMs({ year, month, day, hour, minute, second, millisecond }, zone);
    out.localDay = Date.UTC(year, month - 1, day) / DAY_MS;
  }
  out.micros = ms * 1000 + microOfMilli;
  return null;
}

/** ASCII digit value at `i`, or -1. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * The common shape `YYYY-MM-DDTHH:MM:SS` (or with a space) without a regex
 * or allocation; false for anything else, which `parseTimestamp`'s full
 * path then reads (and explains when invalid).
 */
function readPlainIsoTimestamp(text: string, zone: string, out: ParsedTime): boolean {
  const sep = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    (sep !== 84 && sep !== 32) ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  )
    return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(text, i);
    if (d < 0) return false;
    year = year * 10 + d;
  }
  const m1 = digitAt(text, 5);
  const m2 = digitAt(text, 6);
  const d1 = digitAt(text, 8);
  const d2 = digitAt(text, 9);
  const h1 = digitAt(text, 11);
  const h2 = digitAt(text, 12);
  const n1 = digitAt(text, 14);
  const n2 = digitAt(text, 15);
  const s1 = digitAt(text, 17);
  const s2 = digitAt(text, 18);
  if ((m1 | m2 | d1 | d2 | h1 | h2 | n1 | n2 | s1 | s2) < 0) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  const hour = h1 * 10 + h2;
  const minute = n1 * 10 + n2;
  const second = s1 * 10 + s2;
  if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return false;
  out.utcText = zone === "UTC" ? text : null;
  const ms = wallClockToEpochMs({ year, month, day, hour, minute, second, millisecond: 0 }, zone);
  out.localDay = Date.UTC(year, month - 1, day) / DAY_MS;
  out.micros = ms * 1000;
  return true;
}

/**
 * Reads an ISO calendar date (`2024-03-05`) into `out.localDay` and returns
 * the normalized text, or null when it is not a valid date.
 */
export function parseDate(text: string, out: ParsedTime): string | null {
  const normalized = normalizeDigits(text);
  const m = DATE.exec(normalized);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidDate(year, month, day)) return null;
  out.localDay = Date.UTC(year, month - 1, day) / DAY_MS;
  out.micros = out.localDay * DAY_MS * 1000;
  out.utcText = normalized;
  return normalized;
}

// UTC offsets change on quarter-hour boundaries in every zone, so one lookup
// per 15-minute bucket is exact and keeps offset timestamps cheap.
const QUARTER_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/** Days since the epoch of the local calendar date of an instant in `zone`. */
export function localDayOf(epochMs: number, zone: string): number {
  if (zone === "UTC" || zone === "Etc/UTC") return Math.floor(epochMs / DAY_MS);
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const bucket = Math.floor(epochMs / QUARTER_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(bucket * QUARTER_MS).toZonedDateTimeISO(zone);
    offset = zoned.offsetNanoseconds / 1e6;
    if (cache.size > 100_000) cache.clear();
    cache.set(bucket, offset);
  }
  return Math.floor((epochMs + offset) / DAY_MS);
}

/** ISO text (`2024-03-05`) of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;
export const DECIMAL_HINT =
  "write a number with . as the decimal point and no thousands separators, e.g. 1234.50";

/** An exact decimal as text plus its digit counts (to pick a SQL DECIMAL type). */
export interface ParsedDecimal {
  text: string;
  intDigits: number;
  fracDigits: number;
}

/** Reads an exact decimal (`-12.50`) into `out`; null on success, else the reason. */
export function parseDecimal(text: string, out: ParsedDecimal): string | null {
  if (readCanonicalDecimal(text, out)) return null;
  const normalized = normalizeNumber(text);
  const m = DECIMAL.exec(normalized);
  if (!m) return `not a number; ${DECIMAL_HINT}`;
  const intPart = (m[2] ?? "").replace(/^0+(?=\d)/, "");
  const fracPart = m[3] ?? "";
  if (intPart === "" && fracPart === "") return `not a number; ${DECIMAL_HINT}`;
  if (intPart.length > 24) return "the number is too large (at most 24 digits before the decimal point)";
  out.intDigits = Math.max(intPart.length, 1);
  out.fracDigits = fracPart.length;
  const sign = m[1] === "-" ? "-" : "";
  out.text = `${sign}${intPart === "" ? "0" : intPart}${fracPart === "" ? "" : `.${fracPart}`}`;
  return null;
}

/**
 * The canonical shape (`-12.50`, `7`: ASCII digits, no `+`, no leading
 * zero, digits on both sides of a point) is its own normalized text; false
 * for anything else, which the full path reads.
 */
function readCanonicalDecimal(text: string, out: ParsedDecimal): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  while (i < n && digitAt(text, i) >= 0) i++;
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 24 || (intDigits > 1 && text.charCodeAt(intStart) === 48)) return false;
  let fracDigits = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return false;
    const fracStart = ++i;
    while (i < n && digitAt(text, i) >= 0) i++;
    fracDigits = i - fracStart;
    if (i < n || fracDigits === 0) return false;
  }
  out.text = text;
  out.intDigits = intDigits;
  out.fracDigits = fracDigits;
  return true;
}

/** Reads a decimal number as a double; NaN when it is not one. */
export function parseNumber(text: string): number {
  const normalized = normalizeNumber(text);
  const m = DECIMAL.exec(normalized);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return Number.NaN;
  return Number(normalized);
}

const INTEGER = /^[+-]?\d+$/;

/** Reads a whole number; NaN when it is not one or is beyond 2^53. */
export function parseInteger(text: string): number {
  const normalized = normalizeNumber(text);
  if (!INTEGER.test(normalized)) return Number.NaN;
  const value = Number(normalized);
  return Number.isSafeInteger(value) ? value : Number.NaN;
}

/** An exact decimal as a scaled integer: value = units / 10^scale. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

export function toScaled(decimalText: string): ScaledDecimal {
  const point = decimalText.indexOf(".");
  if (point < 0) return { units: BigInt(decimalText), scale: 0 };
  return {
    units: BigInt(decimalText.slice(0, point) + decimalText.slice(point + 1)),
    scale: decimalText.length - point - 1,
  };
}

const TEN = 10n;

/**
 * `amount × rate` exactly, rounded half away from zero to `maxScale`
 * decimals (the storage scale). Returns decimal text.
 *
 * @example multiplyDecimal("12.50", toScaled("1.057443"), 12) // "13.21803750"
 */
export function multiplyDecimal(amountText: string, rate: ScaledDecimal, maxScale: number): string {
  const amount = toScaled(amountText);
  let units = amount.units * rate.units;
  let scale = amount.scale + rate.scale;
  if (scale > maxScale) {
    const divisor = TEN ** BigInt(scale - maxScale);
    const negative = units < 0n;
    const abs = negative ? -units : units;
    let q = abs / divisor;
    if ((abs % divisor) * 2n >= divisor) q += 1n;
    units = negative ? -q : q;
    scale = maxScale;
  }
  return formatScaled(units, scale);
}

/** Decimal text of `units / 10^scale`, keeping the scale: (-150, 2) → `-1.50`. */
export function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  if (scale === 0) return (negative ? "-" : "") + digits;
  if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return (negative ? "-" : "") + text;
}

/** SQL timestamp text of epoch microseconds: `2024-03-05 14:30:00.123456` (UTC). */
export function formatMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString();
  const extra = micros - ms * 1000;
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 23);
  return extra === 0 ? `${date} ${time}` : `${date} ${time}${String(Math.round(extra)).padStart(3, "0")}`;
}
