import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { judgeAchievability } from "../../src/goals/achievability.js";
import { metricDomain } from "../../src/goals/metric-domain.js";
import { runCaptured } from "../support/run-captured.js";
import { insertRows, type TinyRow } from "../support/tiny-dataset.js";

/** One customer acquired on the 10th of each month of 2023 and January–June 2024. */
async function datasetFile(): Promise<string> {
  const db = path.join(await mkdtemp(path.join(tmpdir(), "crm-kpi-goals-behave-")), "crm.duckdb");
  const customers: TinyRow[] = [];
  for (let i = 0; i < 18; i++) {
    const d = new Date(Date.UTC(2023, i, 10)).toISOString().slice(0, 10);
    customers.push({ customer_id: `c${i}`, created_at: `${d} 09:00:00`, acquired_at: `${d} 09:00:00` });
  }
  const engine = await openDuckDB(db);
  await insertRows(engine, { customers });
  await engine.close();
  return db;
}

const cli = (...argv: string[]) => runCaptured(argv);

describe("goals that behave", () => {
  it("runs the README's goal example as written: a past deadline starts on its year's first day", async () => {
    const db = await datasetFile();
    const add = await cli(
      "goals",
      "add",
      "--db",
      db,
      "--metric",
      "new_customers",
      "--target",
      "12",
      "--deadline",
      "2024-12-31",
      "--why",
      "grow the base",
    );
    expect(add.err).toBe("");
    expect(add.code).toBe(0);
    expect(add.out).toContain("✓ T Time-bound: deadline 2024-12-31");
    const status = await cli("goals", "status", "--db", db, "--format", "ndjson");
    const line = JSON.parse(status.out.trim());
    expect(line).toMatchObject({ start: "2024-01-01", current: 6, status: "missed" });
  });

  it("reads --as-of in the calendar the user passes (else the dataset's), not the goal's", async () => {
    const db = await datasetFile();
    const add = await cli(
      "goals",
      "add",
      "--db",
      db,
      "--metric",
      "new_customers",
      "--target",
      "12",
      "--calendar",
      "persian",
      "--start",
      "1403-01-01",
      "--deadline",
      "1403-12-30",
      "--why",
      "plan",
    );
    expect(add.code).toBe(0);
    const gregorian = await cli("goals", "status", "--db", db, "--as-of", "2024-06-30", "--format", "ndjson");
    expect(JSON.parse(gregorian.out.trim()).as_of).toBe("2024-07-01T00:00:00.000Z");
    const persian = await cli(
      "goals",
      "status",
      "--db",
      db,
      "--as-of",
      "1403-04-10",
      "--calendar",
      "persian",
      "--format",
      "ndjson",
    );
    // 1403-04-10 is 2024-06-30: the same instant, and the same status.
    const p = JSON.parse(persian.out.trim());
    expect(p.as_of).toBe("2024-07-01T00:00:00.000Z");
    expect(p.status).toBe(JSON.parse(gregorian.out.trim()).status);
  });

  it("refuses a target too large to store with a clear message", async () => {
    const db = await datasetFile();
    const add = await cli(
      "goals",
      "add",
      "--db",
      db,
      "--metric",
      "new_customers",
      "--target",
      "1e30",
      "--deadline",
      "2024-12-31",
      "--why",
      "x",
    );
    expect(add.code).toBe(1);
    expect(add.err).toContain("The target 1e30 is too large");
  });

  it("never quotes a best pace that would leave the metric's domain (churn below 0 %)", () => {
    // Churn at 1.2 %: history once fell 5 points, but from 1.2 % it can fall 1.2 points at most.
    const a = judgeAchievability({
      mode: "level",
      direction: "at-most",
      target: 0.01,
      baseline: 0.012,
      periods: 2,
      history: [0.07, 0.02, 0.025, 0.012],
      domain: metricDomain("customer_churn_rate"),
    });
    expect(a.bestChange).toBeCloseTo(-0.012, 12);
    expect(a.bestChange ?? 0).toBeGreaterThanOrEqual(-0.012);
    expect(metricDomain("customer_churn_rate")).toEqual({ min: 0, max: 1 });
    expect(metricDomain("nps")).toEqual({ min: -100, max: 100 });
  });
});
