import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRows } from "../../test/support/tiny-dataset.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { calendarDateText } from "./calendar-date-text.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

// Issue 8 part 5: money shows its currency, and fa/ar dates appear in the chosen calendar.

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-explain-localized-"));
const db = path.join(tmp, "crm.duckdb");

beforeAll(async () => {
  const engine = await openDuckDB(db);
  await insertRows(engine, {
    customers: [{ customer_id: "c1", name: "Ann", created_at: "2024-01-01" }],
    // 2024-03-20 is 1403-01-01, the first day of the Jalali year.
    orders: [{ order_id: "o1", customer_id: "c1", ordered_at: "2024-03-20 12:00:00", amount: "100" }],
  });
  await engine.execute("INSERT OR REPLACE INTO dataset_settings VALUES ($1, $2)", [
    "base_currency",
    JSON.stringify("EUR"),
  ]);
  await engine.close();
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: readonly string[]): Promise<string> {
  const io = captureIo();
  const code = await runCli([...argv], io);
  expect(code, io.err()).toBe(0);
  return io.out();
}

describe("explain shows money with the dataset's currency", () => {
  it("writes the value and the money rows with the currency in table output", async () => {
    const out = await run(["explain", "revenue", "--at", "2024-03", "--db", db]);
    expect(out).toContain("Value: €100.00");
    expect(out).toMatch(/o1\s+€100\s/);
    // English and Gregorian: the date as stored.
    expect(out).toContain("2024-03-20 12:00:00");
  });

  it("keeps plain numbers in machine formats", async () => {
    const csv = await run(["explain", "revenue", "--at", "2024-03", "--db", db, "--format", "csv"]);
    expect(csv).not.toContain("€");
    expect(csv).toContain(",100,");
  });
});

describe("dates in the chosen calendar", () => {
  it("shows explain row dates as Jalali dates in Persian digits with --calendar persian", async () => {
    const out = await run([
      "explain",
      "revenue",
      "--at",
      "1403-01",
      "--calendar",
      "persian",
      "--lang",
      "fa",
      "--db",
      db,
    ]);
    expect(out).toContain("۱۴۰۳-۰۱-۰۱ ۱۲:۰۰:۰۰");
    expect(out).not.toContain("۲۰۲۴-۰۳-۲۰");
    expect(out).toContain("۱۰۰٫۰۰ €");
  });

  it("shows the customers' last order and as-of date in the chosen calendar", async () => {
    const fa = await run([
      "customers",
      "--as-of",
      "2024-03-20",
      "--calendar",
      "persian",
      "--lang",
      "fa",
      "--db",
      db,
    ]);
    expect(fa).toContain("۱۴۰۳-۰۱-۰۱ ۱۲:۰۰:۰۰");
    expect(fa).toContain("تا ۱۴۰۳-۰۱-۰۱");
    expect(fa).not.toContain("۲۰۲۴");
    const en = await run(["customers", "--as-of", "2024-03-20", "--db", db]);
    expect(en).toContain("as of 2024-03-20");
    expect(en).toContain("2024-03-20 12:00:00");
  });

  it("reads an instant on the dataset's wall clock before naming its calendar date", () => {
    // 21:00 UTC on 19 March is 00:30 on 20 March in Tehran: already 1403-01-01.
    const tehran = { calendar: "persian", timeZone: "Asia/Tehran" } as const;
    expect(calendarDateText("2024-03-19 21:00:00", "fa", tehran)).toBe("۱۴۰۳-۰۱-۰۱ ۰۰:۳۰:۰۰");
    expect(calendarDateText("2024-03-20", "ar", { calendar: "islamic-umalqura", timeZone: "UTC" })).toBe(
      "١٤٤٥-٠٩-١٠",
    );
    // Gregorian keeps the stored text; only the digits change.
    expect(
      calendarDateText("2024-03-19 21:00:00", "fa", { calendar: "gregorian", timeZone: "Asia/Tehran" }),
    ).toBe("۲۰۲۴-۰۳-۱۹ ۲۱:۰۰:۰۰");
  });
});
