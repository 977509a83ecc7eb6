import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { captureIo } from "../test-io.js";

// Two January customers (one comes back in February), one February customer.
const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-cohorts-cli-"));
const data = path.join(tmp, "data");
const db = path.join(tmp, "crm.duckdb");

beforeAll(async () => {
  mkdirSync(data);
  writeFileSync(
    path.join(data, "customers.csv"),
    "customer_id,created_at,acquired_at\nC1,2024-01-05,2024-01-05\nC2,2024-01-10,2024-01-10\nC3,2024-02-03,2024-02-03\n",
  );
  writeFileSync(
    path.join(data, "orders.csv"),
    "order_id,customer_id,ordered_at,amount,currency,type\nO1,C1,2024-01-06,100,USD,purchase\nO2,C2,2024-01-11,50,USD,purchase\nO3,C1,2024-02-10,30,USD,purchase\nO4,C3,2024-02-04,20,USD,purchase\n",
  );
  writeFileSync(
    path.join(data, "crm-kpi.json"),
    JSON.stringify({ base_currency: "USD", timezone: "UTC", activity: "purchase", inactivity_days: 20 }),
  );
  expect(await runCli(["import", data, "--db", db], captureIo())).toBe(EXIT.ok);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("crm-kpi cohorts", () => {
  it("prints the retention triangle as a table with shares", async () => {
    const io = captureIo();
    expect(await runCli(["cohorts", "--db", db, "--from", "2024-01", "--to", "2024-02"], io)).toBe(EXIT.ok);
    const lines = io.out().trim().split("\n");
    expect(lines[0]).toMatch(/^Cohort\s+Customers\s+Revenue\s+\+0\s+\+1$/);
    expect(lines[2]).toMatch(/^January 2024\s+2\s+150\.00\s+100\.0%\s+50\.0%$/);
    expect(lines[3]).toMatch(/^February 2024\s+1\s+20\.00\s+100\.0%$/);
    expect(io.err()).toContain("2 cohorts");
  });

  it("writes every cell as csv and json", async () => {
    const csv = captureIo();
    const args = ["cohorts", "--db", db, "--from", "2024-01", "--to", "2024-02", "--measure", "revenue"];
    expect(await runCli([...args, "--format", "csv"], csv)).toBe(EXIT.ok);
    expect(csv.out().trim().split("\n")).toEqual([
      "cohort,size,offset,customers,customer_share,revenue,revenue_share",
      "2024-01,2,0,2,1,150,1",
      "2024-01,2,1,1,0.5,30,0.2",
      "2024-02,1,0,1,1,20,1",
    ]);
    const json = captureIo();
    expect(await runCli([...args, "--format", "json", "--lang", "fa"], json)).toBe(EXIT.ok);
    const parsed = JSON.parse(json.out()) as { cohorts: { cohort: string; label: string }[] };
    expect(parsed.cohorts.map((c) => c.cohort)).toEqual(["2024-01", "2024-02"]);
    expect(parsed.cohorts[0]?.label).not.toBe("2024-01");
  });
});
