import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../../test/support/run-captured.js";
import { insertRows, type TinyRow } from "../../../test/support/tiny-dataset.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";

/** A database file with one customer acquired each month of 2023 and January–June 2024. */
async function datasetFile(): Promise<string> {
  const db = path.join(await mkdtemp(path.join(tmpdir(), "crm-kpi-goals-cli-")), "crm.duckdb");
  const customers: TinyRow[] = [];
  for (let i = 0; i < 18; i++) {
    const d = new Date(Date.UTC(2023, i, 10)).toISOString().slice(0, 10);
    customers.push({
      customer_id: `c${i}`,
      created_at: `${d} 09:00:00`,
      acquired_at: `${d} 09:00:00`,
      region: "North",
    });
  }
  const engine = await openDuckDB(db);
  await insertRows(engine, { customers });
  await engine.close();
  return db;
}

const cli = (...argv: string[]) => runCaptured(argv);

describe("crm-kpi goals", () => {
  it("adds, lists, shows, reports status of and removes goals", async () => {
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
      "--start",
      "2024-01-01",
      "--deadline",
      "2024-12-31",
      "--why",
      "seed 000",
      "--as-of",
      "2024-06-30",
    );
    expect(add.code).toBe(0);
    expect(add.out).toMatch(
      /✓ A Achievable: realistic: needs 1 per period; typical 1, best 1 over 12 periods/,
    );
    expect(add.out).toContain("Goal g1 saved.");

    const notTimeBound = await cli(
      "goals",
      "add",
      "--db",
      db,
      "--metric",
      "new_customers",
      "--target",
      "5",
      "--as-of",
      "2024-06-30",
    );
    expect(notTimeBound.code).toBe(1);
    expect(notTimeBound.err).toContain("not time-bound: add --deadline");
    expect(notTimeBound.err).toContain("not relevant: add --why");

    const missing = await cli(
      "goals",
      "add",
      "--db",
      db,
      "--metric",
      "revenue",
      "--target",
      "5",
      "--deadline",
      "2024-12-31",
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/not measurable: revenue needs data that is missing \(orders\)/);

    const list = await cli("goals", "list", "--db", db);
    expect(list.out).toMatch(/g1\s+new_customers\s+at least 12\s+2024-12-31/);

    const status = await cli("goals", "status", "--db", db, "--as-of", "2024-06-30", "--format", "ndjson");
    expect(status.code).toBe(0);
    const lines = status.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      goal_id: "g1",
      metric: "new_customers",
      target: 12,
      baseline: 0,
      current: 6,
      progress: 0.5,
      projection_method: "linear_pace",
      status: "on_track",
    });
    expect(lines[0].projection).toBeCloseTo((6 / 182) * 366, 6);
    expect(Object.keys(lines[0].smart)).toEqual(["S", "M", "A", "R", "T"]);
    expect(lines[0].smart.T).toMatchObject({ ok: true, code: "time_bound" });

    const table = await cli("goals", "status", "--db", db, "--as-of", "2025-01-31");
    expect(table.out).toMatch(/g1\s+new_customers.*missed/);

    const show = await cli("goals", "show", "g1", "--db", db, "--as-of", "2024-06-30", "--lang", "fa");
    expect(show.code).toBe(0);
    expect(show.out).toContain("در مسیر");

    const report = await cli(
      "report",
      "--db",
      db,
      "--metrics",
      "new_customers",
      "--from",
      "2024-01",
      "--to",
      "2024-02",
    );
    expect(report.out).toMatch(
      // Judged as of the report's last period end (2024-03-01): 2 customers in 60 days, a pace of 12.2 a year.
      /Goal g1 \(New customers\): at least 12 by 2024-12-31: on track, current 2\b/,
    );

    expect((await cli("goals", "remove", "g1", "--db", db)).out).toContain("Goal g1 removed.");
    expect((await cli("goals", "remove", "g1", "--db", db)).code).toBe(2);
    expect((await cli("goals", "list", "--db", db)).out).toContain("No goals yet");
  });

  it("reads a Jalali deadline with --calendar persian", async () => {
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
      "year goal",
      "--as-of",
      "1403-03-01",
    );
    expect(add.code).toBe(0);
    const list = await cli("goals", "list", "--db", db, "--format", "ndjson");
    expect(JSON.parse(list.out)).toMatchObject({
      start: "2024-03-20",
      deadline: "2025-03-20",
      deadline_local: "1403-12-30",
    });
  });
});
