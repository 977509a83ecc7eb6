import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CrmKpiError } from "../../src/core/errors.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { ImportRejectedError, importDataset } from "../../src/import/index.js";

function dataset(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-kpi-import-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function rejection(dir: string): Promise<ImportRejectedError> {
  const engine = await openDuckDB(":memory:");
  try {
    await importDataset(engine, dir);
  } catch (error) {
    if (error instanceof ImportRejectedError) return error;
    throw error;
  } finally {
    await engine.close();
  }
  throw new Error("the import was expected to fail");
}

describe("input formats", () => {
  it("reads a BOM, CRLF and quoted newlines, reporting physical line numbers", async () => {
    const dir = dataset({
      "customers.csv":
        '\uFEFFcustomer_id,name,created_at\r\nC1,"two\r\nlines",2024-01-01\r\n\r\nC2,"a ""quote""",2024-01-02\r\nC3,x,2024-02-30\r\n',
    });
    const error = await rejection(dir);
    expect(error.issues.map((i) => [i.line, i.column, i.value])).toEqual([[6, "created_at", "2024-02-30"]]);
  });

  it("imports NDJSON and a JSON array with their line numbers", async () => {
    const dir = dataset({
      "customers.ndjson":
        '{"customer_id":"C1","created_at":"2024-01-01"}\n\n{"customer_id":"C2","created_at":"bad"}\n',
      "orders.json": `[\n {"order_id":"O1","customer_id":"C1","ordered_at":"2024-01-05","amount":"10.5"},\n {"order_id":"O2","customer_id":"C1",\n  "ordered_at":"2024-01-06","amount":"12,50"}\n]`,
    });
    const error = await rejection(dir);
    expect(error.issues.map((i) => [i.file, i.line, i.column])).toEqual([
      ["customers.ndjson", 3, "created_at"],
      ["orders.json", 3, "amount"],
    ]);

    const good = dataset({
      "customers.ndjson": '{"customer_id":"C1","created_at":"2024-01-01"}\n',
      "orders.json":
        '[{"order_id":"O1","customer_id":"C1","ordered_at":"2024-01-05","amount":"10.5"}, {"order_id":"O2","customer_id":"C9","ordered_at":"2024-01-06","amount":7}]',
    });
    const engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, good);
    expect(result.rowsByEntity.orders).toBe(2);
    expect(result.warnings.map((w) => [w.code, w.file, w.line, w.value])).toEqual([
      ["orphan_reference", "orders.json", 1, "C9"],
    ]);
    const rows = await engine.query({
      sql: "SELECT order_id, amount FROM orders ORDER BY order_id",
      params: [],
    });
    expect(rows.map((r) => [r.order_id, Number(r.amount)])).toEqual([
      ["O1", 10.5],
      ["O2", 7],
    ]);
    await engine.close();
  });

  it("rejects a file without a required column and a row with the wrong number of cells", async () => {
    const dir = dataset({
      "customers.csv": "customer_id,name,created_at\nC1,a,2024-01-01\nC2,b\n",
      "orders.csv": "order_id,customer_id,amount\nO1,C1,10\n",
    });
    const error = await rejection(dir);
    expect(error.issues.map((i) => [i.code, i.file, i.line, i.column])).toEqual([
      ["wrong_cell_count", "customers.csv", 3, "created_at"],
      ["missing_required", "customers.csv", 3, "created_at"],
      ["missing_required_column", "orders.csv", 1, "ordered_at"],
    ]);
  });
});

describe("time zones and money", () => {
  it("stores wall-clock times of the dataset zone as UTC instants and converts money exactly", async () => {
    const dir = dataset({
      "crm-kpi.json": JSON.stringify({ timezone: "Asia/Tehran", base_currency: "USD" }),
      "customers.csv": "customer_id,created_at\nC1,۲۰۲۴-۰۳-۰۵T۱۴:۳۰:۰۰\nC2,2024-03-05T14:30:00Z\n",
      "fx_rates.csv":
        "date,currency,rate\n2024-03-01,EUR,1.057443\n2024-03-06,EUR,2\n2024-03-01,IRR,0.0000238\n",
      // 2024-03-05T22:00Z is already 2024-03-06 in Tehran: the rate of the 6th applies
      "orders.csv":
        "order_id,customer_id,ordered_at,amount,currency,cost\nO1,C1,2024-03-05T10:00:00,12.50,EUR,0.1\nO2,C1,2024-03-05T22:00:00Z,12.50,eur,\nO3,C1,2024-03-05,1000000,IRR,\nO4,C1,2024-03-05,99.99,,\n",
    });
    const engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, dir);
    expect(result.settings.timezone).toBe("Asia/Tehran");
    const customers = await engine.query({
      sql: "SELECT customer_id, CAST(created_at AS VARCHAR) AS t FROM customers ORDER BY customer_id",
      params: [],
    });
    expect(customers.map((r) => r.t)).toEqual(["2024-03-05 11:00:00", "2024-03-05 14:30:00"]);
    const orders = await engine.query({
      sql: "SELECT order_id, CAST(amount AS VARCHAR) AS a, CAST(amount_base AS VARCHAR) AS b, CAST(cost_base AS VARCHAR) AS c FROM orders ORDER BY order_id",
      params: [],
    });
    expect(orders.map((r) => [r.order_id, r.a, r.b, r.c])).toEqual([
      ["O1", "12.500000000000", "13.218037500000", "0.105744300000"],
      ["O2", "12.500000000000", "25.000000000000", null],
      ["O3", "1000000.000000000000", "23.800000000000", null],
      ["O4", "99.990000000000", "99.990000000000", null],
    ]);
    await engine.close();
  });

  it("names the currency or the date when no rate applies", async () => {
    const dir = dataset({
      "customers.csv": "customer_id,created_at\nC1,2024-01-01\n",
      "fx_rates.csv": "date,currency,rate\n2024-03-01,EUR,1.1\n",
      "orders.csv":
        "order_id,customer_id,ordered_at,amount,currency\nO1,C1,2024-03-05,1,XAU\nO2,C1,2024-02-05,1,EUR\n",
    });
    const error = await rejection(dir);
    expect(error.issues.map((i) => [i.code, i.line, i.column, i.value])).toEqual([
      ["fx_missing", 2, "currency", "XAU"],
      ["fx_missing", 3, "ordered_at", "2024-02-05"],
    ]);
  });

  it("names the file and key of an invalid setting", async () => {
    const dir = dataset({
      "crm-kpi.json": JSON.stringify({ timezone: "Mars/Olympus" }),
      "customers.csv": "customer_id,created_at\nC1,2024-01-01\n",
    });
    const engine = await openDuckDB(":memory:");
    await expect(importDataset(engine, dir)).rejects.toMatchObject({
      code: "settings_invalid",
      place: { file: "crm-kpi.json", column: "timezone" },
    });
    await expect(importDataset(engine, dataset({ "orders.csv": "order_id\n" }))).rejects.toBeInstanceOf(
      CrmKpiError,
    );
    await engine.close();
  });
});
