import { periodContaining } from "../calendar/periods.js";
import { startOfLocalDay } from "../calendar/zoned-time.js";
import type { CalendarId } from "../core/model/settings.js";

/** The ISO date after `isoDate` (`2024-12-31` → `2025-01-01`). */
export function nextIsoDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Local midnight starting the goal's first day. */
export function goalStartMs(start: string, timeZone: string): number {
  return startOfLocalDay(start, timeZone);
}

/** The end of the deadline day: a goal "by Dec 31" counts all of Dec 31. */
export function deadlineEndMs(deadline: string, timeZone: string): number {
  return startOfLocalDay(nextIsoDate(deadline), timeZone);
}

/** An ISO date written in `calendar` (`2026-03-20` → `1404-12-29` in the Persian calendar). */
export function calendarDateText(isoDate: string, calendar: CalendarId, timeZone: string): string {
  if (calendar === "gregorian") return isoDate;
  return periodContaining(startOfLocalDay(isoDate, timeZone), { grain: "day", calendar, timeZone }).label;
}
