import { CrmKpiError } from "../core/errors.js";
import type { CalendarId } from "../core/model/settings.js";
import { dayOfFields, isValidDate, startOfDay } from "./calendar-days.js";
import { normalizeLabel } from "./period-span.js";

/**
 * The instant of local midnight in `timeZone` starting a `YYYY-MM-DD` date of
 * `calendar` (local digits accepted).
 *
 * @example parseCalendarDate("1404-12-29", "persian", "Asia/Tehran") // 2026-03-20 00:00 Tehran
 */
export function parseCalendarDate(text: string, calendar: CalendarId, timeZone: string): number {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(normalizeLabel(text));
  const [y, m, d] = (match?.slice(1) ?? []).map(Number);
  if (y === undefined || m === undefined || d === undefined || !isValidDate(y, m, d, calendar)) {
    throw new CrmKpiError(
      "bad_argument",
      `"${text}" is not a date of the ${calendar} calendar; write it as YYYY-MM-DD with a real month and day (e.g. ${calendar === "persian" ? "1403-01-15" : calendar === "islamic-umalqura" ? "1445-09-01" : "2024-03-05"}).`,
      { calendar },
      { value: text },
    );
  }
  return startOfDay(dayOfFields(y, m, d, calendar), timeZone);
}
