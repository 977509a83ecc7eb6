import { Temporal } from "temporal-polyfill";

/** A wall-clock reading without an offset. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const UTC_ZONES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Z"]);

// Offsets change at most a few times a year, so one Temporal lookup per
// (zone, local hour) is enough; the cache keeps import fast.
const offsetCache = new Map<string, number>();

/**
 * The instant (epoch milliseconds) of a wall-clock time in `zone`. A time in
 * a DST gap moves forward and an ambiguous time is the earlier instant
 * (Temporal's `compatible` disambiguation), as METRICS.md requires.
 *
 * @example wallClockToEpochMs({year: 2024, month: 3, day: 20, hour: 0, ...}, "Asia/Tehran")
 */
export function wallClockToEpochMs(wall: WallClock, zone: string): number {
  const naive = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  );
  if (UTC_ZONES.has(zone)) return naive;
  const key = `${zone}|${wall.year}-${wall.month}-${wall.day}T${wall.hour}`;
  let offsetMs = offsetCache.get(key);
  if (offsetMs === undefined) {
    const zoned = Temporal.PlainDateTime.from({
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour,
    }).toZonedDateTime(zone, { disambiguation: "compatible" });
    offsetMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour) - zoned.epochMilliseconds;
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offsetMs);
  }
  // Within a gap hour the whole hour shifts by the same amount, so the cached
  // offset of the hour also moves its minutes forward correctly.
  return naive - offsetMs;
}

/** Local calendar date (ISO, Gregorian) of an instant in `zone`: `2024-03-20`. */
export function localDateOf(epochMs: number, zone: string): string {
  if (UTC_ZONES.has(zone)) return new Date(epochMs).toISOString().slice(0, 10);
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** The instant of local midnight starting an ISO date in `zone`. */
export function startOfLocalDay(isoDate: string, zone: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  if (UTC_ZONES.has(zone)) return Date.UTC(y, m - 1, d);
  return Temporal.PlainDate.from({ year: y, month: m, day: d }).toZonedDateTime({ timeZone: zone })
    .epochMilliseconds;
}
