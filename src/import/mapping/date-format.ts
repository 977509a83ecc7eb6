import {
  CalendarDate,
  GregorianCalendar,
  IslamicUmalquraCalendar,
  PersianCalendar,
  toCalendar,
} from "@internationalized/date";
import { Temporal } from "temporal-polyfill";
import type { CalendarId } from "../../core/model/settings.js";
import { toAsciiDigits } from "./digits.js";

/**
 * Reads dates written in a user's pattern (`dd/MM/yyyy`, `M/d/yyyy H:mm`,
 * Jalali `yyyy/MM/dd` with calendar persian) and writes the canonical ISO
 * local text: `2024-04-03` when the pattern has no time, else
 * `2024-04-03T14:30:00`. The dataset's timezone gives it an instant later.
 *
 * @example compileDateFormat("dd/MM/yyyy").parse("05/03/2024") // "2024-03-05"
 */
export interface DateFormat {
  readonly pattern: string;
  readonly calendar: CalendarId;
  /** The canonical text, or undefined when the value does not match the pattern or is no real date. */
  parse(text: string): string | undefined;
}

type Field =
  | "year"
  | "year2"
  | "month"
  | "monthName"
  | "day"
  | "hour"
  | "hour12"
  | "minute"
  | "second"
  | "fraction"
  | "ampm"
  | "offset";

const TOKENS: readonly (readonly [string, Field, string])[] = [
  ["yyyy", "year", "(\\d{4})"],
  ["yy", "year2", "(\\d{2})"],
  ["MMMM", "monthName", "([A-Za-z]+)"],
  ["MMM", "monthName", "([A-Za-z]+)"],
  ["MM", "month", "(\\d{1,2})"],
  ["M", "month", "(\\d{1,2})"],
  ["dd", "day", "(\\d{1,2})"],
  ["d", "day", "(\\d{1,2})"],
  ["HH", "hour", "(\\d{1,2})"],
  ["H", "hour", "(\\d{1,2})"],
  ["hh", "hour12", "(\\d{1,2})"],
  ["h", "hour12", "(\\d{1,2})"],
  ["mm", "minute", "(\\d{1,2})"],
  ["m", "minute", "(\\d{1,2})"],
  ["ss", "second", "(\\d{1,2})"],
  ["s", "second", "(\\d{1,2})"],
  ["SSS", "fraction", "(\\d{1,9})"],
  ["a", "ampm", "([AaPp]\\.?[Mm]\\.?)"],
  // Offsets: every X form reads Z, -05, -0500 and -05:00 (exports are not strict about it).
  ["XXX", "offset", "(Z|[+-]\\d{2}(?::?\\d{2})?)"],
  ["XX", "offset", "(Z|[+-]\\d{2}(?::?\\d{2})?)"],
  ["X", "offset", "(Z|[+-]\\d{2}(?::?\\d{2})?)"],
  // A zone written as its name; only the zero-offset names are unambiguous.
  ["z", "offset", "([Uu][Tt][Cc]|[Gg][Mm][Tt]|Z)"],
];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Compiles a pattern; throws Error with a readable reason when the pattern is unusable. */
export function compileDateFormat(
  pattern: string,
  calendar: CalendarId = "gregorian",
  zone?: string,
): DateFormat {
  const fields: Field[] = [];
  let source = "^";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      // Quoted literal text: 'T', or '' for a quote.
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed quote in date format "${pattern}"`);
      const literal = end === i + 1 ? "'" : pattern.slice(i + 1, end);
      source += escapeRegExp(literal);
      i = end + 1;
      continue;
    }
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      fields.push(token[1]);
      source += token[2];
      i += token[0].length;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      throw new Error(
        `unknown letter "${ch}" in date format "${pattern}"; use yyyy, yy, MM, M, MMM, dd, d, HH, H, hh, h, a, mm, ss, SSS, XXX, z, and quote other letters: 'T'`,
      );
    }
    source += /\s/.test(ch) ? "\\s+" : escapeRegExp(ch);
    i++;
  }
  const has = (f: Field) => fields.includes(f);
  if (!(has("year") || has("year2")) || !(has("month") || has("monthName")) || !has("day")) {
    throw new Error(`date format "${pattern}" needs a year (yyyy), a month (MM) and a day (dd)`);
  }
  if (has("hour12") !== has("ampm"))
    throw new Error(`date format "${pattern}": use hh together with a (AM/PM)`);
  if (new Set(fields).size !== fields.length) throw new Error(`date format "${pattern}" repeats a field`);
  const withTime = has("hour") || has("hour12");
  if (has("offset") && !withTime)
    throw new Error(`date format "${pattern}": an offset (XXX, z) needs a time (HH:mm)`);
  if (zone !== undefined) checkZone(zone, pattern, withTime);
  const regex = new RegExp(`${source}$`);

  return {
    pattern,
    calendar,
    parse(text) {
      const match = regex.exec(toAsciiDigits(text.trim()));
      if (!match) return undefined;
      const parts: Partial<Record<Field, string>> = {};
      fields.forEach((f, k) => {
        parts[f] = match[k + 1];
      });
      const year = parts.year !== undefined ? Number(parts.year) : expandYear(Number(parts.year2), calendar);
      const month = parts.month !== undefined ? Number(parts.month) : monthFromName(parts.monthName ?? "");
      const day = Number(parts.day);
      const date = toGregorian(year, month, day, calendar);
      if (!date) return undefined;
      if (!withTime) return date;
      let hour = Number(parts.hour ?? parts.hour12);
      if (parts.ampm !== undefined) {
        if (hour < 1 || hour > 12) return undefined;
        hour = (hour % 12) + (/^[Pp]/.test(parts.ampm) ? 12 : 0);
      }
      const minute = Number(parts.minute ?? 0);
      const second = Number(parts.second ?? 0);
      if (hour > 23 || minute > 59 || second > 59) return undefined;
      const fraction = parts.fraction ? `.${parts.fraction}` : "";
      const local = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}`;
      // With an offset or a zone the text names an instant, whatever the dataset's timezone.
      if (parts.offset !== undefined) return local + isoOffset(parts.offset);
      if (zone !== undefined) return inZone(local, zone);
      return local;
    },
  };
}

function expandYear(yy: number, calendar: CalendarId): number {
  // Two-digit years: the nearest century that keeps the date within 50 years of ~2000 (or 1400 AH/SH).
  if (calendar === "gregorian") return yy < 70 ? 2000 + yy : 1900 + yy;
  return yy < 70 ? 1400 + yy : 1300 + yy;
}

function monthFromName(name: string): number {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? 0 : index + 1;
}

const CALENDAR_IMPL = {
  persian: new PersianCalendar(),
  "islamic-umalqura": new IslamicUmalquraCalendar(),
} as const;
const gregorian = new GregorianCalendar();

/** ISO Gregorian date text of a date in `calendar`, or undefined when the date does not exist. */
export function toGregorian(
  year: number,
  month: number,
  day: number,
  calendar: CalendarId,
): string | undefined {
  if (month < 1 || day < 1) return undefined;
  if (calendar === "gregorian") {
    if (month > 12 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
    return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  }
  const local = new CalendarDate(CALENDAR_IMPL[calendar], year, month, day);
  // CalendarDate clamps out-of-range parts (Esfand 31 of a common year): a clamped date was not real.
  if (local.year !== year || local.month !== month || local.day !== day) return undefined;
  return toCalendar(local, gregorian).toString();
}

/** `Z` for a zero-offset name, else the offset as ±HH:MM. */
function isoOffset(text: string): string {
  if (/^(z|utc|gmt)$/i.test(text)) return "Z";
  const digits = text.slice(1).replace(":", "");
  return `${text[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || "00"}`;
}

/** A wall-clock time in `zone` as ISO text with its offset (UTC: `Z`); a time in a DST gap moves forward. */
function inZone(local: string, zone: string): string {
  const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(zone);
  return /^(utc|etc\/utc|z)$/i.test(zone)
    ? zoned.toInstant().toString()
    : zoned.toString({ timeZoneName: "never" });
}

function checkZone(zone: string, pattern: string, withTime: boolean): void {
  if (!withTime) throw new Error(`date format "${pattern}": zone applies to a pattern with a time (HH:mm)`);
  try {
    Temporal.PlainDate.from("2000-01-01").toZonedDateTime(zone);
  } catch {
    throw new Error(`unknown time zone "${zone}"; use an IANA name such as UTC or Europe/Berlin`);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
