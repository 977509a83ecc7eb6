import { dayOfFields, fieldsOfDay, pad2 } from "../calendar/calendar-days.js";
import { localizeDigits } from "../calendar/localize-digits.js";
import { localDateOf } from "../calendar/zoned-time.js";
import type { CalendarId } from "../core/model/settings.js";
import type { Lang } from "../messages/index.js";

/** The calendar and zone dates are shown in: the report's (`--calendar`) or the dataset's. */
export interface DateDisplay {
  readonly calendar: CalendarId;
  readonly timeZone: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/;

const clocks = new Map<string, Intl.DateTimeFormat>();

/** `HH:MM:SS` of an instant on the wall clock of `timeZone`. */
function wallTime(epochMs: number, timeZone: string): string {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    clocks.set(timeZone, clock);
  }
  return clock.format(epochMs);
}

/**
 * A date or UTC instant as stored (`2024-03-30`, `2024-03-30 12:00:00`) written
 * in the chosen calendar and the reader's digits. Gregorian text keeps its
 * form (only the digits change); in another calendar an instant becomes the
 * date and time of the dataset's zone, as periods are cut there, and a bare
 * date is already local. Text that is not a date is only re-digited.
 *
 * @example calendarDateText("2024-03-20 12:00:00", "fa", { calendar: "persian", timeZone: "UTC" }) // "۱۴۰۳-۰۱-۰۱ ۱۲:۰۰:۰۰"
 */
export function calendarDateText(text: string, lang: Lang, display?: DateDisplay): string {
  const match = display && display.calendar !== "gregorian" ? DATE_TIME.exec(text) : null;
  if (!display || !match) return localizeDigits(text, lang);
  const [whole, y, m, d, hh, mm, ss] = match;
  let isoDate = `${y}-${m}-${d}`;
  let time: string | undefined;
  if (hh !== undefined) {
    const epochMs = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss));
    isoDate = localDateOf(epochMs, display.timeZone);
    time = wallTime(epochMs, display.timeZone);
  }
  const [gy, gm, gd] = isoDate.split("-").map(Number) as [number, number, number];
  const f = fieldsOfDay(dayOfFields(gy, gm, gd, "gregorian"), display.calendar);
  const date = `${String(f.year).padStart(4, "0")}-${pad2(f.month)}-${pad2(f.day)}`;
  const rest = text.slice(whole.length);
  return localizeDigits(`${date}${time === undefined ? "" : ` ${time}`}${rest}`, lang);
}
