import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Period, PeriodOptions } from "../../src/calendar/period-types.js";
import { periodsBetween } from "../../src/calendar/periods.js";
import { localDateOf } from "../../src/calendar/zoned-time.js";
import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/index.js";
import { runReport } from "../../src/report/run-report.js";

/**
 * Jalali month boundaries computed here, independently of src/calendar (which
 * uses @internationalized/date), with the arithmetic of Kazimierz M.
 * Borkowski, "The Persian calendar for 3000 years", Earth, Moon and Planets
 * 74 (1996) 223–230, as implemented in jalaali-js (github.com/jalaali/jalaali-js,
 * `jalCal` and `j2d`, MIT): the years between the listed break years follow
 * a 33-year rule, and the break table corrects it to the astronomical
 * vernal equinox at Tehran's meridian.
 */
const BREAKS = [
  -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
] as const;

const div = (a: number, b: number) => Math.trunc(a / b);
const mod = (a: number, b: number) => a - Math.trunc(a / b) * b;

/** The Gregorian year of Farvardin 1 of Jalali year `jy`, and its day in March. */
function jalCal(jy: number): { gy: number; march: number } {
  const first = BREAKS[0];
  const last = BREAKS[BREAKS.length - 1] ?? first;
  if (jy < first || jy >= last) throw new Error(`Jalali year ${jy} is outside ${first}..${last - 1}`);
  const gy = jy + 621;
  let leapJ = -14;
  let jp: number = first;
  let jump = 0;
  for (const jm of BREAKS.slice(1)) {
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  const n = jy - jp;
  // Leap Jalali years from year 0 to jy, and leap Gregorian years to gy, both before Farvardin 1.
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  return { gy, march: 20 + leapJ - leapG };
}

/** The Gregorian date (UTC midnight, epoch ms) of day 1 of Jalali month `jm` of year `jy`. */
function jalaliMonthStart(jy: number, jm: number): number {
  const { gy, march } = jalCal(jy);
  // Months 1–6 have 31 days, 7–11 have 30 (j2d's day-of-year formula).
  const dayOfYear = (jm - 1) * 31 - div(jm, 7) * (jm - 7);
  return Date.UTC(gy, 2, march + dayOfYear);
}

const HALF_DAY = 43_200_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const label = (jy: number, jm: number) => `${jy}-${String(jm).padStart(2, "0")}`;

describe("the independent Jalali arithmetic", () => {
  it("gives the published Nowruz dates", () => {
    expect(isoDate(jalaliMonthStart(1403, 1))).toBe("2024-03-20");
    expect(isoDate(jalaliMonthStart(1404, 1))).toBe("2025-03-21");
    expect(isoDate(jalaliMonthStart(1402, 1))).toBe("2023-03-21");
    expect(isoDate(jalaliMonthStart(1399, 1))).toBe("2020-03-20");
    // 1 Mehr 1403 (the first 30-day month) and 1 Dey 1402
    expect(isoDate(jalaliMonthStart(1403, 7))).toBe("2024-09-22");
    expect(isoDate(jalaliMonthStart(1402, 10))).toBe("2023-12-22");
  });

  it("has 365 or 366 days a year and 29 or 30 in Esfand", () => {
    for (let jy = 1395; jy <= 1410; jy++) {
      const days = (jalaliMonthStart(jy + 1, 1) - jalaliMonthStart(jy, 1)) / 86_400_000;
      expect([365, 366]).toContain(days);
      const esfand = (jalaliMonthStart(jy + 1, 1) - jalaliMonthStart(jy, 12)) / 86_400_000;
      expect(esfand).toBe(days - 336);
    }
    // 1403 is a leap year (30 Esfand 1403 = 2025-03-20), 1402 is not.
    expect((jalaliMonthStart(1404, 1) - jalaliMonthStart(1403, 1)) / 86_400_000).toBe(366);
    expect((jalaliMonthStart(1403, 1) - jalaliMonthStart(1402, 1)) / 86_400_000).toBe(365);
  });
});

describe.each(["UTC", "Asia/Tehran"])("periodsBetween in %s", (timeZone) => {
  const options: PeriodOptions = { grain: "month", calendar: "persian", timeZone };

  it("starts every Jalali month of 1395..1410 on the date the arithmetic gives", () => {
    const periods = periodsBetween(
      jalaliMonthStart(1395, 1) + HALF_DAY,
      jalaliMonthStart(1411, 1) - HALF_DAY,
      options,
    );
    const expected: { label: string; start: string }[] = [];
    for (let jy = 1395; jy <= 1410; jy++) {
      for (let jm = 1; jm <= 12; jm++)
        expected.push({ label: label(jy, jm), start: isoDate(jalaliMonthStart(jy, jm)) });
    }
    expect(periods).toHaveLength(16 * 12);
    expect(periods.map((p) => ({ label: p.label, start: localDateOf(p.startMs, timeZone) }))).toEqual(
      expected,
    );
    // Each month starts at local midnight: a millisecond earlier is the day before.
    for (const p of periods) {
      expect(localDateOf(p.startMs - 1, timeZone), p.label).toBe(
        isoDate(Date.parse(`${localDateOf(p.startMs, timeZone)}T00:00:00Z`) - 1),
      );
    }
    // Each month ends where the next starts: the last one on Nowruz 1411.
    periods.forEach((p, i) => {
      expect(p.endMs).toBe(periods[i + 1]?.startMs ?? p.endMs);
    });
    const last = periods[periods.length - 1];
    expect(last && localDateOf(last.endMs, timeZone)).toBe(isoDate(jalaliMonthStart(1411, 1)));
  });
});

describe("the golden persian file", () => {
  const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
  const goldenLabels = [
    ...new Set(
      readFileSync(resolve(REFERENCE, "golden", "persian.ndjson"), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => String((JSON.parse(line) as { period: string }).period)),
    ),
  ].sort();
  let engine: Engine;
  let periods: Period[];
  let timeZone: string;

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
    const report = await runReport(engine, {
      metrics: ["new_customers"],
      grain: "month",
      calendar: "persian",
      // The golden range: the default would stop at 1404-09, the last complete month.
      to: "1404-10",
    });
    periods = report.periods;
    timeZone = report.settings.timezone;
  });
  afterAll(() => engine.close());

  it("covers 1401-10..1404-10", () => {
    expect(goldenLabels[0]).toBe("1401-10");
    expect(goldenLabels[goldenLabels.length - 1]).toBe("1404-10");
    expect(goldenLabels).toHaveLength(37);
  });

  it("labels the months our report uses, each starting on the independent date", () => {
    expect(periods.map((p) => p.label)).toEqual(goldenLabels);
    for (const p of periods) {
      const [jy, jm] = p.label.split("-").map(Number);
      expect(localDateOf(p.startMs, timeZone), p.label).toBe(isoDate(jalaliMonthStart(jy ?? 0, jm ?? 0)));
      expect(localDateOf(p.endMs, timeZone), p.label).toBe(
        isoDate(jm === 12 ? jalaliMonthStart((jy ?? 0) + 1, 1) : jalaliMonthStart(jy ?? 0, (jm ?? 0) + 1)),
      );
    }
  });
});
