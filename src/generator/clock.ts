/**
 * Generator time is wall-clock time held as "UTC" milliseconds: files carry
 * local timestamps without an offset and crm-kpi.json names the time zone, so
 * no zone arithmetic is needed while generating.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** `2024-03-05T14:30:00` */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** `2024-03-05` */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function parseIsoDate(text: string): number {
  const ms = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  return ms;
}

/** Same day of month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  const target = new Date(ms);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime();
}

export function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** Months since `originMs` (a first of month), by calendar month. */
export function monthIndex(ms: number, originMs: number): number {
  const d = new Date(ms);
  const o = new Date(originMs);
  return (d.getUTCFullYear() - o.getUTCFullYear()) * 12 + d.getUTCMonth() - o.getUTCMonth();
}
