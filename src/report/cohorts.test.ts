import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../core/engine.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { importDataset } from "../import/import-dataset.js";
import { type CohortResult, runCohorts } from "./cohorts.js";

// Purchase activity lasts 30 days after each order; E follows its subscription terms (auto mode).
const tiny: Record<string, string> = {
  "crm-kpi.json": JSON.stringify({
    base_currency: "USD",
    timezone: "UTC",
    activity: "auto",
    inactivity_days: 30,
  }),
  "customers.csv": [
    "customer_id,created_at,acquired_at",
    "A,2024-01-05T10:00:00,2024-01-05T10:00:00",
    "B,2024-01-20T10:00:00,",
    "C,2024-02-03T10:00:00,2024-02-03T10:00:00",
    "D,2024-02-10T10:00:00,",
    "E,2024-03-10T10:00:00,",
  ].join("\n"),
  "orders.csv": [
    "order_id,customer_id,ordered_at,amount,currency,type",
    "O1,A,2024-01-05T10:00:00,100,USD,purchase",
    "O2,A,2024-02-10T10:00:00,50,USD,purchase",
    "O3,B,2024-01-20T10:00:00,200,USD,purchase",
    "O4,B,2024-02-15T10:00:00,20,USD,refund",
    "O5,C,2024-02-03T10:00:00,40,USD,purchase",
    "O6,C,2024-04-02T10:00:00,80,USD,purchase",
  ].join("\n"),
  "subscriptions.csv": [
    "term_id,subscription_id,customer_id,plan,amount,currency,interval,start_at,end_at,canceled_at",
    "T1,S1,E,basic,10,USD,month,2024-03-10T10:00:00,2024-04-10T10:00:00,",
    "T2,S1,E,basic,12,USD,month,2024-04-10T10:00:00,2024-05-10T10:00:00,",
  ].join("\n"),
};

const cell = (offset: number, customers: number, size: number, revenue: number, base: number) => ({
  offset,
  customers,
  customerShare: customers / size,
  revenue,
  revenueShare: base === 0 ? null : revenue / base,
});

describe("runCohorts on a hand-computed dataset", () => {
  let engine: Engine;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "crm-kpi-cohorts-"));
    for (const [name, text] of Object.entries(tiny)) await writeFile(join(dir, name), `${text}\n`);
    engine = await openDuckDB(":memory:");
    await importDataset(engine, dir);
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("counts active customers and revenue per acquisition month × months since", async () => {
    const result = await runCohorts(engine, { grain: "month", from: "2024-01", to: "2024-04" });
    expect(result.periods.map((p) => p.label)).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    // D never bought: a prospect, in no cohort. B's refund subtracts; A is gone by April (last order + 30 d).
    expect(result.cohorts).toEqual([
      {
        cohort: "2024-01",
        size: 2,
        revenue: 300,
        cells: [
          cell(0, 2, 2, 300, 300),
          cell(1, 2, 2, 30, 300),
          cell(2, 2, 2, 0, 300),
          cell(3, 0, 2, 0, 300),
        ],
      },
      {
        cohort: "2024-02",
        size: 1,
        revenue: 40,
        cells: [cell(0, 1, 1, 40, 40), cell(1, 1, 1, 0, 40), cell(2, 1, 1, 80, 40)],
      },
      { cohort: "2024-03", size: 1, revenue: 10, cells: [cell(0, 1, 1, 10, 10), cell(1, 1, 1, 12, 10)] },
    ]);
  });

  it("leaves out cohorts outside the range and starts offsets at the range", async () => {
    const result = await runCohorts(engine, { grain: "month", from: "2024-02", to: "2024-03" });
    expect(result.cohorts.map((c) => [c.cohort, c.size, c.cells.length])).toEqual([
      ["2024-02", 1, 2],
      ["2024-03", 1, 1],
    ]);
  });

  it("groups by quarter", async () => {
    const result = await runCohorts(engine, { grain: "quarter", from: "2024-Q1", to: "2024-Q2" });
    expect(result.cohorts.map((c) => [c.cohort, c.size, c.cells.map((x) => x.customers)])).toEqual([
      ["2024-Q1", 4, [4, 2]],
    ]);
  });
});

describe("runCohorts on the reference data", () => {
  let engine: Engine;
  const reference = fileURLToPath(new URL("../../../shared/data/reference", import.meta.url));

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    await importDataset(engine, reference);
  });
  afterAll(async () => {
    await engine.close();
  });

  const acquiredBetween = async (result: CohortResult) => {
    const first = result.periods[0];
    const last = result.periods.at(-1);
    const rows = await engine.query({
      sql: `SELECT COUNT(*) AS n FROM rpt_customers WHERE acquired_eff >= CAST($1 AS TIMESTAMP) AND acquired_eff < CAST($2 AS TIMESTAMP)`,
      params: [new Date(first?.startMs ?? 0).toISOString(), new Date(last?.endMs ?? 0).toISOString()],
    });
    return Number(rows[0]?.n);
  };

  for (const calendar of ["gregorian", "persian"] as const) {
    it(`holds the cohort invariants (${calendar} months)`, async () => {
      const result = await runCohorts(engine, { grain: "month", calendar });
      expect(result.cohorts.length).toBeGreaterThan(3);
      for (const cohort of result.cohorts) {
        expect(cohort.cells[0]?.offset).toBe(0);
        expect(cohort.cells[0]?.customerShare).toBe(1);
        if (cohort.revenue !== 0) expect(cohort.cells[0]?.revenueShare).toBe(1);
        cohort.cells.forEach((c, i) => {
          expect(c.offset).toBe(i);
          expect(c.customerShare ?? 0).toBeLessThanOrEqual(1);
        });
      }
      const sizes = result.cohorts.reduce((sum, c) => sum + c.size, 0);
      expect(sizes).toBe(await acquiredBetween(result));
    });
  }
});
