import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { calendarOfYear, completeUntilMs } from "../../src/report/report-range.js";
import { runReport } from "../../src/report/run-report.js";
import { runCaptured } from "../support/run-captured.js";
import { insertRows, type TinyRow, tinyDataset } from "../support/tiny-dataset.js";

/** One customer acquired on the 10th of each month from January 2024, and an order on `lastOrder`. */
function tables(months: number, lastOrder: string): { customers: TinyRow[]; orders: TinyRow[] } {
  const customers: TinyRow[] = [];
  for (let i = 0; i < months; i++) {
    const d = new Date(Date.UTC(2024, i, 10)).toISOString().slice(0, 10);
    customers.push({ customer_id: `c${i}`, created_at: `${d} 09:00:00`, acquired_at: `${d} 09:00:00` });
  }
  const orders: TinyRow[] = [
    {
      order_id: "o1",
      customer_id: "c0",
      ordered_at: lastOrder,
      amount: "10",
      currency: "USD",
      type: "order",
    },
  ];
  return { customers, orders };
}

async function dbFile(rows: { customers: TinyRow[]; orders: TinyRow[] }): Promise<string> {
  const db = path.join(await mkdtemp(path.join(tmpdir(), "crm-kpi-periods-")), "crm.duckdb");
  const engine = await openDuckDB(db);
  await insertRows(engine, rows);
  await engine.close();
  return db;
}

const cli = (...argv: string[]) => runCaptured(argv);

describe("default range and partial periods", () => {
  it("ends at the data's last complete period; a partial period asked for is marked in every format", async () => {
    // The data's last event is 2024-03-15: March is partial.
    const db = await dbFile(tables(3, "2024-03-15 12:00:00"));
    const byDefault = await cli("report", "--db", db, "--metrics", "new_customers", "--format", "ndjson");
    expect(byDefault.code).toBe(0);
    expect(
      byDefault.out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).period),
    ).toEqual(["2024-01", "2024-02"]);
    expect(byDefault.out).not.toContain("partial");

    const ndjson = await cli(
      "report",
      "--db",
      db,
      "--metrics",
      "new_customers",
      "--to",
      "2024-04",
      "--format",
      "ndjson",
    );
    const rows = ndjson.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.period, r.partial])).toEqual([
      ["2024-01", undefined],
      ["2024-02", undefined],
      ["2024-03", true],
      ["2024-04", true],
    ]);

    const csv = await cli(
      "report",
      "--db",
      db,
      "--metrics",
      "new_customers",
      "--to",
      "2024-03",
      "--format",
      "csv",
    );
    const [header, ...lines] = csv.out.trim().split("\n");
    expect(header?.split(",").at(-1)).toBe("partial");
    expect(lines.map((l) => l.split(",").at(-1))).toEqual(["false", "false", "true"]);

    const table = await cli("report", "--db", db, "--metrics", "new_customers", "--to", "2024-03");
    expect(table.out).toMatch(/March 2024 \*/);
    expect(table.out).not.toMatch(/February 2024 \*/);
    expect(table.out).toContain("* partial period");
  });

  it("counts a period as complete when it ends by the end of the data's last day", async () => {
    const engine = await tinyDataset(tables(2, "2024-02-29 23:59:00"));
    const result = await runReport(engine, { metrics: ["new_customers"], grain: "month" });
    expect(result.periods.map((p) => [p.label, p.partial])).toEqual([
      ["2024-01", undefined],
      ["2024-02", undefined],
    ]);
    // Goal notes are judged at the end of the report's last period.
    expect(result.asOfMs).toBe(Date.UTC(2024, 2, 1));
    expect(completeUntilMs({ firstMs: 0, lastMs: Date.UTC(2024, 1, 29, 23, 59) }, "UTC")).toBe(
      Date.UTC(2024, 2, 1),
    );
    engine.close();
  });

  it("keeps the partial period when the data holds no complete one", async () => {
    const engine = await tinyDataset(tables(1, "2024-01-20 10:00:00"));
    const result = await runReport(engine, { metrics: ["new_customers"], grain: "month" });
    expect(result.periods.map((p) => [p.label, p.partial])).toEqual([["2024-01", true]]);
    expect(result.values[0]).toMatchObject({ period: "2024-01", value: 1, partial: true });
    engine.close();
  });
});

describe("a range outside the data", () => {
  it("warns with the data's range in the chosen calendar, and names the calendar a year looks like", async () => {
    const db = await dbFile(tables(3, "2024-03-15 12:00:00"));
    const r = await cli(
      "report",
      "--db",
      db,
      "--metrics",
      "new_customers",
      "--calendar",
      "persian",
      "--from",
      "2025-07",
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain("the range 2025-07 to 2025-07 lies wholly outside the data");
    expect(r.err).toContain("from 1402-10-20 to 1402-12-25 in the persian calendar (1402-10 to 1402-12)");
    expect(r.err).toContain("looks like a year of the gregorian calendar");
    const fa = await cli(
      "report",
      "--db",
      db,
      "--metrics",
      "new_customers",
      "--calendar",
      "persian",
      "--from",
      "2025-07",
      "--lang",
      "fa",
    );
    expect(fa.err).toContain("۱۴۰۲-۱۰-۲۰");

    const inside = await cli("report", "--db", db, "--metrics", "new_customers", "--from", "2024-01");
    expect(inside.err).not.toContain("Warning");
  });

  it("tells Jalali and Hijri years in the Gregorian calendar, and Gregorian ones in the others", () => {
    expect(calendarOfYear(1403, "gregorian")).toBe("persian");
    expect(calendarOfYear(1446, "gregorian")).toBe("islamic-umalqura");
    expect(calendarOfYear(2025, "persian")).toBe("gregorian");
    expect(calendarOfYear(2025, "islamic-umalqura")).toBe("gregorian");
    expect(calendarOfYear(2025, "gregorian")).toBeUndefined();
    expect(calendarOfYear(1403, "persian")).toBeUndefined();
  });
});

describe("metric parameters", () => {
  it("refuses an unknown parameter and one out of range, listing the metric's parameters", async () => {
    const db = await dbFile(tables(3, "2024-03-15 12:00:00"));
    const outOfRange = await cli("report", "--db", db, "--metrics", "clv", "--param", "gross_margin=5");
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.err).toContain('gross_margin="5" of clv is out of range: gross_margin takes 0 < x ≤ 1');
    expect(outOfRange.err).toContain("window = 365d (1d … 3650d)");
    expect(outOfRange.err).toContain('lifespan_years = "" ("" | 0 < x ≤ 100)');

    const typo = await cli("report", "--db", db, "--metrics", "clv", "--param", "gros_margin=0.5");
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('No reported metric has a parameter "gros_margin"');
    expect(typo.err).toContain("gross_margin = 1 (0 < x ≤ 1)");

    const zh = await cli(
      "report",
      "--db",
      db,
      "--metrics",
      "clv",
      "--param",
      "gros_margin=0.5",
      "--lang",
      "zh",
    );
    expect(zh.err).toContain("所报告的指标都没有参数“gros_margin”");

    expect((await cli("report", "--db", db, "--metrics", "clv", "--param", "gross_margin=0.5")).code).toBe(0);
    expect((await cli("report", "--db", db, "--metrics", "mrr", "--param", "top_percent=0")).code).toBe(2);
    expect(
      (
        await cli(
          "report",
          "--db",
          db,
          "--metrics",
          "revenue_concentration_top20",
          "--param",
          "top_percent=0",
        )
      ).code,
    ).toBe(2);
    expect(
      (await cli("report", "--db", db, "--metrics", "net_new_revenue", "--param", "window=first_order")).code,
    ).toBe(0);
  });

  it("declares a range for every parameter of the catalog", async () => {
    const { METRICS } = await import("../../src/core/metrics/registry.js");
    const { inRange } = await import("../../src/core/metrics/definition/metric-params.js");
    for (const metric of METRICS)
      for (const p of metric.params ?? [])
        expect(inRange(p.default, p.range), `${metric.id}.${p.name}`).toBe(true);
  });
});
