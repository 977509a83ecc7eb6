import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { generateDataset } from "../../src/generator/index.js";
import { type ImportIssue, ImportRejectedError, importDataset } from "../../src/import/index.js";
import { sharedPath, tableFingerprints } from "./import-helpers.js";

/**
 * The fast path (the engine reads canonical CSV files, SQL flags rows, the
 * validator judges only those) must store and report exactly what the
 * JavaScript path does. Each case imports the same folder both ways into
 * fresh databases and compares every table's content, every issue and the
 * rejects file.
 */

interface Outcome {
  tables: Record<string, string>;
  errors: readonly ImportIssue[];
  warnings: readonly ImportIssue[];
  rowsByEntity?: Record<string, number>;
  rejects: string;
  fastFiles: string[];
}

async function importBothWays(
  dir: string,
  options: { skipInvalid?: boolean; delimiter?: string } = {},
  /** Imported first (the JavaScript path), so rows are replaced and stored rates used. */
  before?: string,
): Promise<{ fast: Outcome; js: Outcome }> {
  const run = async (fastPath: boolean): Promise<Outcome> => {
    const engine = await openDuckDB(":memory:");
    if (before) await importDataset(engine, before, { fastPath: false, skipInvalid: true });
    const rejectsFile = join(mkdtempSync(join(tmpdir(), "crm-kpi-fast-")), "rejects.ndjson");
    try {
      const result = await importDataset(engine, dir, { ...options, fastPath, rejectsFile });
      return {
        tables: await tableFingerprints(engine),
        errors: result.errors,
        warnings: result.warnings,
        rowsByEntity: result.rowsByEntity,
        rejects: result.rejectsFile ? readFileSync(rejectsFile, "utf8") : "",
        fastFiles: result.fastFiles,
      };
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      return {
        tables: await tableFingerprints(engine),
        errors: error.issues,
        warnings: error.warnings,
        rejects: "",
        fastFiles: [],
      };
    } finally {
      await engine.close();
    }
  };
  const fast = await run(true);
  const js = await run(false);
  expect(js.fastFiles).toEqual([]);
  return { fast, js };
}

function expectSame(fast: Outcome, js: Outcome): void {
  expect(fast.tables).toEqual(js.tables);
  expect(fast.errors).toEqual(js.errors);
  expect(fast.warnings).toEqual(js.warnings);
  expect(fast.rowsByEntity).toEqual(js.rowsByEntity);
  expect(fast.rejects).toEqual(js.rejects);
}

function dataset(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-kpi-fast-data-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("the fast import path", () => {
  it("stores the reference dataset exactly as the JavaScript path does", async () => {
    const { fast, js } = await importBothWays(sharedPath("data/reference"));
    expectSame(fast, js);
    // every canonical CSV file but fx_rates (its rows feed the rate table in file order)
    expect(fast.fastFiles).toContain("orders.csv");
    expect(fast.fastFiles).toContain("survey_responses.csv");
    expect(fast.fastFiles).not.toContain("fx_rates.csv");
    expect(fast.fastFiles.length).toBe(14);
  });

  it("reports every fault of reference-bad as the JavaScript path does, all or nothing", async () => {
    const { fast, js } = await importBothWays(sharedPath("data/reference-bad"));
    expect(fast.errors.length).toBeGreaterThan(0);
    expectSame(fast, js);
  });

  it("imports the valid rows of reference-bad with skipInvalid as the JavaScript path does", async () => {
    const { fast, js } = await importBothWays(sharedPath("data/reference-bad"), { skipInvalid: true });
    expect(fast.rejects.length).toBeGreaterThan(0);
    // orders.csv holds faulty rows and still takes the fast path: the flagged rows were re-read
    expect(fast.fastFiles).toContain("orders.csv");
    expect(fast.errors.some((e) => e.file === "orders.csv")).toBe(true);
    expectSame(fast, js);
  });

  it("stores a generated dataset exactly as the JavaScript path does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-kpi-fast-gen-"));
    await generateDataset(dir, { scale: 0.5, seed: 3 });
    const { fast, js } = await importBothWays(dir);
    expect(fast.fastFiles.length).toBeGreaterThan(10);
    expectSame(fast, js);
  });

  it("keeps the JavaScript path inside a caller's transaction (the import preview)", async () => {
    const engine = await openDuckDB(":memory:");
    try {
      const fastFiles = await engine.transaction(async () => {
        const result = await importDataset(engine, sharedPath("data/reference"));
        return result.fastFiles;
      });
      expect(fastFiles).toEqual([]);
      const [row] = await engine.query({ sql: "SELECT count(*) AS n FROM orders", params: [] });
      expect(Number(row?.n)).toBeGreaterThan(1000);
    } finally {
      await engine.close();
    }
  });

  it("keeps the JavaScript path for a dataset outside UTC", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-kpi-fast-zone-"));
    await generateDataset(dir, { scale: 0.1, seed: 4, timeZone: "Asia/Tehran" });
    const { fast, js } = await importBothWays(dir);
    expect(fast.fastFiles).toEqual([]);
    expectSame(fast, js);
  });

  const customers = [
    "customer_id,name,email,country,birth_year,created_at,acquired_at",
    'C1,"two\nlines",a@x.io,IR,1985,2024-01-01T10:00:00,',
    'C2,"crlf\r\ninside","",,1990,2024-01-02 11:00:00,2024-01-03',
    "C3,مهیار مشا,b@x.io,IR,,2024-01-03,",
    "C4,张伟,c@x.io,CN,+1970,2024-01-04T00:00:00,2024-01-04T00:00:00",
    " C5 , padded ,d@x.io,US,,2024-01-05T00:00:00,",
    "C6,\u00a0nbsp\u3000,e@x.io,US,,2024-01-06T00:00:00,",
    'C7,"a ""quote""",f@x.io,US,,2024-01-07T00:00:00,',
    "C5,second C5,g@x.io,US,,2024-01-08T00:00:00,",
    "C8,bad date,h@x.io,US,,2024-02-30T00:00:00,",
    "C9,offset,i@x.io,US,,2024-01-09T10:00:00+03:30,",
    "C10,hour 24,j@x.io,US,,2024-01-10T24:00:00,",
    "C11,fraction,k@x.io,US,1e3,2024-01-11T10:00:00.123456,",
    'C12,"last\nline",l@x.io,US,,2024-01-12T00:00:00,',
  ];
  // daily EUR rates around O1's day, so a rate of the wrong day shows
  const fx = [
    "date,currency,rate",
    "2024-01-01,EUR,1.0876281234567",
    "2024-01-04,EUR,1.0912",
    "2024-01-05,EUR,1.0934567",
    "2024-01-06,EUR,1.1",
    "2024-01-01,IRR,0.0000238",
    "2024-01-10,IRR,0.0000239",
    "2024-02-01,EUR,1.1",
  ];
  const orders = [
    "order_id,customer_id,ordered_at,amount,currency,cost,product,type",
    "O1,C1,2024-01-05T00:00:00,12.345678901,EUR,1.5,pro,",
    "O2,C1,2024-02-05T00:00:00,99.99,EUR,,pro,purchase",
    "O3,C2,2024-01-05T00:00:00,12500000,IRR,100,basic,refund",
    "O4,C3,2023-12-31T00:00:00,10,EUR,,basic,",
    "O5,C3,2024-01-05T00:00:00,10,XAU,,basic,",
    "O6,C4,2024-01-05T00:00:00,-0.5,,,basic,upsell",
    "O7,C4,2024-01-05T00:00:00,007.50,usd,,basic,",
    "O8,C99,2024-01-05T00:00:00,1.2345678901234,USD,,basic,gift",
    "O9,C4,2024-01-05,3,USD,2,basic,",
  ];
  const surveys = [
    "response_id,survey,customer_id,score,scale_min,scale_max,sent_at,responded_at",
    "R1,nps,C1,9,,,2024-01-01T00:00:00,2024-01-02T00:00:00",
    "R2,nps,C1,7.5,,,2024-01-01T00:00:00,2024-01-02T00:00:00",
    "R3,csat,C2,6,,,2024-01-01T00:00:00,2024-01-02T00:00:00",
    "R4,ces,C2,-0,0,7,2024-01-01T00:00:00,2024-01-02T00:00:00",
    "R5,csat,C3,4,,,2024-01-05T00:00:00,2024-01-02T00:00:00",
    "R6,nps,C3,.5,,,2024-01-01T00:00:00,",
  ];

  it("replaces stored rows and converts with stored rates as the JavaScript path does", async () => {
    const reference = sharedPath("data/reference");
    const again = await importBothWays(sharedPath("data/reference-bad"), { skipInvalid: true }, reference);
    expect(again.fast.fastFiles).toContain("orders.csv");
    expectSame(again.fast, again.js);
    // no fx_rates.csv: foreign amounts use the rates stored by the first import
    const later = dataset({
      "customers.csv": "customer_id,created_at\nC1,2024-01-01\n",
      "orders.csv": `${orders[0]}\nO1,C1,2024-01-05T00:00:00,12.345,EUR,1,pro,\nO2,C1,2030-01-05T00:00:00,7,EUR,,pro,\nO3,C1,2024-01-05T00:00:00,7,GBP,,pro,\n`,
    });
    const { fast, js } = await importBothWays(later, { skipInvalid: true }, reference);
    expect(fast.fastFiles).toEqual(["customers.csv", "orders.csv"]);
    // O2 after the last stored rate takes it; O3 has no GBP rate at all
    expect(fast.rowsByEntity?.orders).toBe(2);
    expect(fast.errors.map((e) => [e.line, e.code])).toEqual([[4, "fx_missing"]]);
    expectSame(fast, js);
  });

  for (const lineBreak of ["\n", "\r\n"]) {
    const name = lineBreak === "\n" ? "LF" : "CRLF";
    it(`gives the same rows and issues on edge cases (${name}, BOM, quoted newlines, padding, unicode)`, async () => {
      const join = (lines: readonly string[]) => `${lines.join(lineBreak)}${lineBreak}`;
      const files = {
        "customers.csv": `\ufeff${join(customers)}`,
        "fx_rates.csv": join(fx),
        "orders.csv": join(orders),
        "survey_responses.csv": join(surveys),
      };
      for (const skipInvalid of [false, true]) {
        const { fast, js } = await importBothWays(dataset(files), { skipInvalid });
        // a rejected import returns no result; with skipInvalid it says which files the engine read
        if (skipInvalid)
          expect(fast.fastFiles).toEqual(["customers.csv", "orders.csv", "survey_responses.csv"]);
        expect(js.errors.map((e) => `${e.file}:${e.line}:${e.code}`)).toContain(
          "customers.csv:11:duplicate_id",
        );
        expectSame(fast, js);
      }
    });
  }

  it("reads other separators", async () => {
    for (const delimiter of [";", "\t", "|"]) {
      const files = {
        "customers.csv": customers.map((l) => l.replaceAll(",", delimiter)).join("\n"),
        "orders.csv": orders.map((l) => l.replaceAll(",", delimiter)).join("\n"),
      };
      const { fast, js } = await importBothWays(dataset(files), { skipInvalid: true, delimiter });
      expect(fast.fastFiles).toEqual(["customers.csv", "orders.csv"]);
      expect(fast.rowsByEntity?.customers).toBeGreaterThan(5);
      expectSame(fast, js);
    }
  });

  it("numbers rows right over many row groups, with cells spanning lines", async () => {
    // DuckDB stores 122,880 rows per row group and reads files in parallel: lines must still match
    const lines = ["customer_id,name,birth_year,created_at"];
    for (let i = 0; i < 150_000; i++) {
      const name = i % 10_007 === 0 ? `"name\nwith a break ${i}"` : `name ${i}`;
      const year = i % 40_000 === 39_999 ? "19x0" : String(1950 + (i % 50));
      lines.push(`C${i},${name},${year},2024-01-01T00:00:00`);
    }
    const { fast, js } = await importBothWays(dataset({ "customers.csv": `${lines.join("\n")}\n` }), {
      skipInvalid: true,
    });
    expect(fast.fastFiles).toEqual(["customers.csv"]);
    // each break before a row moves it one line down: 4, 8 and 12 breaks
    expect(fast.errors.map((e) => e.line)).toEqual([40_005, 80_009, 120_013]);
    expectSame(fast, js);
  });

  it("falls back to the JavaScript reader for files it cannot read plainly", async () => {
    const files = {
      "customers.csv": "customer_id,created_at\nC1,2024-01-01\n\nC2,2024-01-02\n",
      "reps.csv": 'rep_id,name\nU1,ab"c\n',
      "leads.csv": "lead_id,created_at\nL1,2024-01-01,extra\n",
      "deals.csv": "deal_id,status,created_at\r\nD1,open,2024-01-01\nD2,open,2024-01-01\r\n",
    };
    for (const skipInvalid of [false, true]) {
      const { fast, js } = await importBothWays(dataset(files), { skipInvalid });
      expect(fast.fastFiles).toEqual([]);
      expect(fast.errors.length).toBeGreaterThan(0);
      expectSame(fast, js);
    }
  });
});
