import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import type { CalendarId } from "../../src/core/model/settings.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/index.js";
import { runReport } from "../../src/report/run-report.js";

/**
 * "Results in the dataset's timezone": orders placed minutes around local
 * midnight at month starts must land in the local month, and the same
 * instants must land elsewhere when the report is read in UTC.
 *
 * Each order has its own power-of-two amount, so a month's revenue says
 * exactly which orders it holds. Expected months come from the known
 * calendar facts written beside each row (1403-01-01 is 2024-03-20, Tehran
 * is UTC+3:30 all year since 2022, New York is UTC−4 in summer and UTC−5 in
 * winter) and are cross-checked with ICU (`Intl`), which shares no code with
 * crm-kpi.
 */
interface PlacedOrder {
  /** As written in orders.csv: a wall clock in the dataset's zone, or an instant with offset. */
  readonly written: string;
  /** The instant it denotes. */
  readonly utc: string;
  /** Month label in the dataset's zone, and in UTC. */
  readonly local: string;
  readonly inUtc: string;
}

interface ZoneCase {
  readonly timeZone: string;
  readonly calendar: CalendarId;
  readonly orders: readonly PlacedOrder[];
  /** Month starts as instants: label → UTC ISO of local midnight. */
  readonly monthStarts: Readonly<Record<string, string>>;
}

const TEHRAN: ZoneCase = {
  timeZone: "Asia/Tehran",
  calendar: "persian",
  orders: [
    // 1402-12-29 23:50 (last day of 1402, 2024-03-19) and 1403-01-01 00:10 (Nowruz, 2024-03-20)
    { written: "2024-03-19T23:50:00", utc: "2024-03-19T20:20:00Z", local: "1402-12", inUtc: "1402-12" },
    { written: "2024-03-20T00:10:00", utc: "2024-03-19T20:40:00Z", local: "1403-01", inUtc: "1402-12" },
    // 1403-01-31 23:55 and 1403-02-01 00:05 (2024-04-20)
    { written: "2024-04-19T23:55:00", utc: "2024-04-19T20:25:00Z", local: "1403-01", inUtc: "1403-01" },
    { written: "2024-04-20T00:05:00", utc: "2024-04-19T20:35:00Z", local: "1403-02", inUtc: "1403-01" },
    // 1403-06-31 23:59:59 and exactly 1403-07-01 00:00 (2024-09-22): a period includes its first instant
    { written: "2024-09-21T23:59:59", utc: "2024-09-21T20:29:59Z", local: "1403-06", inUtc: "1403-06" },
    { written: "2024-09-22T00:00:00", utc: "2024-09-21T20:30:00Z", local: "1403-07", inUtc: "1403-06" },
    // the same kind of instant written with its offset: 1404-01-01 00:20 (2025-03-21)
    {
      written: "2025-03-20T20:50:00Z",
      utc: "2025-03-20T20:50:00Z",
      local: "1404-01",
      inUtc: "1403-12",
    },
  ],
  monthStarts: {
    "1403-01": "2024-03-19T20:30:00Z",
    "1403-02": "2024-04-19T20:30:00Z",
    "1403-07": "2024-09-21T20:30:00Z",
    "1404-01": "2025-03-20T20:30:00Z",
  },
};

const NEW_YORK: ZoneCase = {
  timeZone: "America/New_York",
  calendar: "gregorian",
  orders: [
    // March 1, winter time (UTC−5)
    { written: "2024-02-29T23:50:00", utc: "2024-03-01T04:50:00Z", local: "2024-02", inUtc: "2024-03" },
    { written: "2024-03-01T00:10:00", utc: "2024-03-01T05:10:00Z", local: "2024-03", inUtc: "2024-03" },
    // April 1, summer time (UTC−4, since March 10)
    { written: "2024-03-31T23:50:00", utc: "2024-04-01T03:50:00Z", local: "2024-03", inUtc: "2024-04" },
    { written: "2024-04-01T00:10:00", utc: "2024-04-01T04:10:00Z", local: "2024-04", inUtc: "2024-04" },
    // November 1 is still summer time (DST ends November 3)
    { written: "2024-10-31T23:30:00", utc: "2024-11-01T03:30:00Z", local: "2024-10", inUtc: "2024-11" },
    // December 1, winter time again: a fixed UTC−4 would put 04:30Z in December
    { written: "2024-11-30T23:30:00", utc: "2024-12-01T04:30:00Z", local: "2024-11", inUtc: "2024-12" },
    { written: "2024-12-01T00:00:00", utc: "2024-12-01T05:00:00Z", local: "2024-12", inUtc: "2024-12" },
    // written with an explicit offset: 2024-12-31 23:45 EST
    {
      written: "2024-12-31T23:45:00-05:00",
      utc: "2025-01-01T04:45:00Z",
      local: "2024-12",
      inUtc: "2025-01",
    },
  ],
  monthStarts: {
    "2024-03": "2024-03-01T05:00:00Z",
    "2024-04": "2024-04-01T04:00:00Z",
    "2024-11": "2024-11-01T04:00:00Z",
    "2024-12": "2024-12-01T05:00:00Z",
  },
};

/** ICU's month of an instant in a zone and calendar, as `YYYY-MM`. */
function icuMonth(iso: string, timeZone: string, calendar: CalendarId): string {
  // BCP 47 spells the Gregorian calendar "gregory".
  const ca = calendar === "gregorian" ? "gregory" : calendar;
  const parts = new Intl.DateTimeFormat(`en-u-ca-${ca}-nu-latn`, {
    timeZone,
    year: "numeric",
    month: "numeric",
  }).formatToParts(new Date(iso));
  const year = parts.find((p) => p.type === "year")?.value ?? "";
  const month = parts.find((p) => p.type === "month")?.value ?? "";
  return `${year.replace(/\D/g, "")}-${month.padStart(2, "0")}`;
}

function writeDataset(dir: string, zone: ZoneCase): void {
  writeFileSync(
    join(dir, "crm-kpi.json"),
    JSON.stringify({ timezone: zone.timeZone, calendar: zone.calendar }),
  );
  writeFileSync(join(dir, "customers.csv"), "customer_id,name,created_at\nC1,Test,2023-01-01T12:00:00\n");
  const rows = zone.orders.map((o, i) => `O${i},C1,${o.written},${2 ** i},USD`);
  writeFileSync(
    join(dir, "orders.csv"),
    ["order_id,customer_id,ordered_at,amount,currency", ...rows, ""].join("\n"),
  );
}

/** Revenue per month label: the sum of the power-of-two amounts of the orders expected there. */
function expectedRevenue(orders: readonly PlacedOrder[], key: "local" | "inUtc"): Map<string, number> {
  const result = new Map<string, number>();
  orders.forEach((o, i) => {
    result.set(o[key], (result.get(o[key]) ?? 0) + 2 ** i);
  });
  return result;
}

describe.each([TEHRAN, NEW_YORK])("dataset in $timeZone", (zone) => {
  let engine: Engine;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "crm-kpi-tz-"));
    writeDataset(dir, zone);
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, dir);
    expect(result.errors).toEqual([]);
  });
  afterAll(() => {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the expected months agree with ICU", () => {
    for (const o of zone.orders) {
      expect(new Date(o.utc).getTime(), o.written).not.toBeNaN();
      expect(icuMonth(o.utc, zone.timeZone, zone.calendar), o.written).toBe(o.local);
      expect(icuMonth(o.utc, "UTC", zone.calendar), o.written).toBe(o.inUtc);
    }
  });

  it("imports each wall clock as the instant it means in the zone", async () => {
    const rows = await engine.query({
      sql: "SELECT order_id, epoch_ms(ordered_at) AS ms FROM orders ORDER BY order_id",
      params: [],
    });
    const byId = new Map(rows.map((r) => [String(r.order_id), Number(r.ms)]));
    zone.orders.forEach((o, i) => {
      expect(byId.get(`O${i}`), o.written).toBe(new Date(o.utc).getTime());
    });
  });

  it("puts every order in its local month", async () => {
    const expected = expectedRevenue(zone.orders, "local");
    // The last order opens a month: ask for it, the default range ends at the last complete month.
    const to = [...expected.keys()].sort().at(-1);
    const report = await runReport(engine, {
      metrics: ["revenue"],
      grain: "month",
      calendar: zone.calendar,
      ...(to ? { to } : {}),
    });
    expect(report.settings.timezone).toBe(zone.timeZone);
    const got = new Map(report.values.filter((v) => v.segment === null).map((v) => [v.period, v.value]));
    for (const [label, revenue] of expected) expect(got.get(label), label).toBe(revenue);
    // Every other month of the range is empty.
    const total = [...got.values()].reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(total).toBe(2 ** zone.orders.length - 1);
    for (const [label, startIso] of Object.entries(zone.monthStarts)) {
      const period = report.periods.find((p) => p.label === label);
      expect(period && new Date(period.startMs).toISOString(), label).toBe(new Date(startIso).toISOString());
    }
  });

  it("puts the same instants in other months when read in UTC", async () => {
    const expected = expectedRevenue(zone.orders, "inUtc");
    const to = [...expected.keys()].sort().at(-1);
    const report = await runReport(engine, {
      metrics: ["revenue"],
      grain: "month",
      calendar: zone.calendar,
      settings: { timezone: "UTC" },
      ...(to ? { to } : {}),
    });
    const got = new Map(report.values.filter((v) => v.segment === null).map((v) => [v.period, v.value]));
    for (const [label, revenue] of expected) expect(got.get(label), label).toBe(revenue);
    // The zone matters for this data: some order changes month.
    expect(zone.orders.some((o) => o.local !== o.inUtc)).toBe(true);
    expect([...expected]).not.toEqual([...expectedRevenue(zone.orders, "local")]);
  });
});
