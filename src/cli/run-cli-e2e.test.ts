import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "./exit-codes.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

// A tiny dataset written by the test: 4 customers (2 acquired in January, 2 in
// February, one without a region) and their orders.
const CUSTOMERS = [
  "customer_id,name,region,created_at,acquired_at",
  "C1,Ann,North,2024-01-05,2024-01-05",
  "C2,Bob,South,2024-01-10,2024-01-10",
  "C3,Cy,North,2024-02-03,2024-02-03",
  "C4,Di,,2024-02-20,2024-02-20",
];
const ORDERS = [
  "order_id,customer_id,ordered_at,amount,currency,type",
  "O1,C1,2024-01-06,100.00,USD,purchase",
  "O2,C2,2024-01-11,50.00,USD,purchase",
  "O3,C3,2024-02-04,20.00,USD,purchase",
  "O4,C1,2024-02-10,30.00,USD,purchase",
];
const SETTINGS = { base_currency: "USD", timezone: "UTC", activity: "purchase" };

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-e2e-"));
const good = path.join(tmp, "good");
const bad = path.join(tmp, "bad");
const db = path.join(tmp, "crm.duckdb");

function writeDataset(dir: string, orders: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "customers.csv"), `${CUSTOMERS.join("\n")}\n`);
  writeFileSync(path.join(dir, "orders.csv"), `${orders.join("\n")}\n`);
  writeFileSync(path.join(dir, "crm-kpi.json"), JSON.stringify(SETTINGS));
}

beforeAll(() => {
  writeDataset(good, ORDERS);
  // Line 3 of the file (the second data row) has a decimal comma.
  writeDataset(bad, [
    ORDERS[0] ?? "",
    ORDERS[1] ?? "",
    'O2,C2,2024-01-11,"12,50",USD,purchase',
    ...ORDERS.slice(3),
  ]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("import → report → explain, in-process", () => {
  it("imports a dataset and prints the rows per entity", async () => {
    const io = captureIo();
    expect(await runCli(["import", good, "--db", db], io)).toBe(EXIT.ok);
    expect(io.out()).toMatch(/customers: 4\b/);
    expect(io.out()).toMatch(/orders: 4\b/);
  });

  it("rejects a bad row with its place, the fix, exit 1, and writes nothing", async () => {
    const badDb = path.join(tmp, "bad.duckdb");
    const io = captureIo();
    expect(await runCli(["import", bad, "--db", badDb], io)).toBe(EXIT.data);
    expect(io.err()).toContain('orders.csv:3 amount "12,50": ');
    expect(io.err()).toContain("--skip-invalid");
    expect(io.err()).not.toMatch(/\n\s+at /);

    // All or nothing: the database this import would have created is not left behind.
    expect(existsSync(badDb)).toBe(false);
    expect(existsSync(`${badDb}.wal`)).toBe(false);
  });

  it("imports the valid rows with --skip-invalid and names the rejects file", async () => {
    const rejects = path.join(tmp, "rejects.ndjson");
    const io = captureIo();
    const code = await runCli(
      ["import", bad, "--db", path.join(tmp, "skip.duckdb"), "--skip-invalid", "--rejects", rejects],
      io,
    );
    expect(code).toBe(EXIT.ok);
    expect(io.out()).toMatch(/orders: 3\b/);
    expect(io.out()).toContain(rejects);
    expect(readFileSync(rejects, "utf8")).toContain("12,50");
  });

  it("reports ndjson values per region that add up to the total", async () => {
    const io = captureIo();
    const argv = ["report", "--db", db, "--metrics", "new_customers", "--from", "2024-01", "--to", "2024-02"];
    expect(await runCli([...argv, "--by", "region", "--format", "ndjson"], io)).toBe(EXIT.ok);
    const values = io
      .out()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    for (const v of values) {
      // `partial` is added only on a period ending after the data's last day (docs/calendars.md).
      const keys = ["metric", "period", "segment", "value", "numerator", "denominator"];
      expect(Object.keys(v)).toEqual(v.partial === true ? [...keys, "partial"] : keys);
    }
    const sum = (period: string, filter: (s: Record<string, string | null> | null) => boolean) =>
      values.filter((v) => v.period === period && filter(v.segment)).reduce((a, v) => a + Number(v.value), 0);
    // Two customers were acquired in each month; the null-region bucket is its own row.
    expect(sum("2024-01", (s) => s !== null)).toBe(2);
    expect(sum("2024-02", (s) => s !== null)).toBe(2);
    expect(values.find((v) => v.period === "2024-02" && v.segment?.region === null)?.value).toBe(1);
  });

  it("prints a localized table in fa with Persian digits", async () => {
    const io = captureIo();
    const argv = ["report", "--db", db, "--metrics", "new_customers", "--from", "2024-01", "--to", "2024-02"];
    expect(await runCli([...argv, "--lang", "fa"], io)).toBe(EXIT.ok);
    expect(io.out()).toContain("مشتریان جدید");
    // A cell ends at its isolate's PDI (right-to-left tables, text-table.ts).
    expect(io.out()).toMatch(/۲[\s\u2069]/);
    expect(io.out()).not.toMatch(/\b2024\b/);
  });

  it("lists metrics whose data is missing as not available, never as 0", async () => {
    const io = captureIo();
    const code = await runCli(
      ["report", "--db", db, "--metrics", "new_customers,mrr", "--from", "2024-01", "--to", "2024-01"],
      io,
    );
    expect(code).toBe(EXIT.ok);
    const lines = io.out().split("\n");
    const note = lines.findIndex((l) => l.startsWith("Not available"));
    expect(note).toBeGreaterThan(0);
    expect(lines[note + 1]).toContain("subscriptions");
    expect(lines.slice(0, note).join("\n")).not.toContain("(mrr)");
  });

  it("explains a value with the rows behind it", async () => {
    const io = captureIo();
    expect(await runCli(["explain", "new_customers", "--db", db, "--at", "2024-01"], io)).toBe(EXIT.ok);
    expect(io.out()).toContain("Value: 2");
    expect(io.out()).toContain("C1");
    expect(io.out()).toContain("C2");
    expect(io.out()).not.toContain("C3");
  });

  it("explains a segment and rejects a malformed one", async () => {
    const io = captureIo();
    const argv = ["explain", "new_customers", "--db", db, "--at", "2024-02", "--segment", "region=North"];
    expect(await runCli(argv, io)).toBe(EXIT.ok);
    expect(io.out()).toContain("Value: 1");
    expect(io.out()).toContain("C3");
    expect(io.out()).not.toContain("C4");

    const wrong = captureIo();
    expect(
      await runCli(["explain", "new_customers", "--db", db, "--at", "2024-02", "--segment", "North"], wrong),
    ).toBe(EXIT.usage);
  });
});

describe("demo, in-process", () => {
  it("generates, imports and reports the headline metrics of the last 12 months", async () => {
    const io = captureIo();
    const data = path.join(tmp, "demo-data");
    const code = await runCli(
      ["demo", "--db", path.join(tmp, "demo.duckdb"), "--scale", "0.05", "--data", data],
      io,
    );
    expect(code, io.err()).toBe(EXIT.ok);
    expect(existsSync(path.join(data, "customers.csv"))).toBe(true);
    const out = io.out();
    expect(out).toContain("Headline metrics, last 12 months");
    expect(out).toContain("New customers — new_customers");
    // One table row per month: exactly 12 month labels in the new-customers table.
    const table = out.slice(out.indexOf("new_customers"), out.indexOf("\n\n", out.indexOf("new_customers")));
    expect(table.split("\n").filter((l) => /^[A-Z][a-z]+ \d{4}\s/.test(l))).toHaveLength(12);
  }, 60_000);
});
