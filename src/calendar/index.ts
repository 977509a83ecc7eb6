export type { CalendarId, Weekday } from "../core/model/settings.js";
export {
  type CalendarFields,
  daysInMonth,
  fieldsOfDay,
  isValidDate,
  type LocalDay,
  localDayOf,
  startOfDay,
} from "./calendar-days.js";
export { formatPeriodLabel } from "./format-period-label.js";
export { localizeDigits } from "./localize-digits.js";
export { parseCalendarDate } from "./parse-calendar-date.js";
export { grainOfLabel } from "./period-span.js";
export { GRAINS, type Grain, LANGS, type Lang, type Period, type PeriodOptions } from "./period-types.js";
export { nextPeriod, parsePeriodLabel, periodContaining, periodsBetween, previousPeriod } from "./periods.js";
export { localDateOf, startOfLocalDay, type WallClock, wallClockToEpochMs } from "./zoned-time.js";
