import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";
import { CrmKpiError } from "../../src/core/errors.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import {
  type ImportOptions,
  ImportRejectedError,
  type ImportResult,
  importDataset,
} from "../../src/import/index.js";

/**
 * What the importer says about files that are not canonical UTF-8 CSV:
 * other encodings, other separators, duplicate or missing headers, numbers
 * written the European way, huge cells (issue 8).
 */
function dataset(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-kpi-input-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function run(
  dir: string,
  options: ImportOptions = {},
): Promise<ImportResult | ImportRejectedError | CrmKpiError> {
  const engine = await openDuckDB(":memory:");
  try {
    return await importDataset(engine, dir, options);
  } catch (error) {
    if (error instanceof CrmKpiError) return error;
    throw error;
  } finally {
    await engine.close();
  }
}

async function rejected(dir: string, options: ImportOptions = {}): Promise<ImportRejectedError> {
  const result = await run(dir, options);
  if (result instanceof ImportRejectedError) return result;
  throw new Error(`expected a rejection, got ${result instanceof Error ? result.message : "success"}`);
}

async function imported(dir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const result = await run(dir, options);
  if (result instanceof Error) throw result;
  return result;
}

const CUSTOMERS = "customer_id,name,created_at\nC1,Ana,2024-01-01\n";
// "علي" in Windows-1256, written byte by byte.
const ALI_1256 = [0xda, 0xe1, 0xed];

describe("encodings", () => {
  const bytes = Buffer.from([
    ...Buffer.from("customer_id,name,created_at\nC1,Ana,2024-01-01\nC2,"),
    ...ALI_1256,
    ...Buffer.from(",2024-01-02\n"),
  ]);

  it("refuses text that is not UTF-8, naming file and line, instead of importing U+FFFD", async () => {
    const error = await run(dataset({ "customers.csv": bytes }));
    expect(error).toBeInstanceOf(CrmKpiError);
    expect((error as CrmKpiError).code).toBe("import_bad_file");
    expect((error as CrmKpiError).place).toEqual({ file: "customers.csv", line: 3 });
  });

  it("still names the bad line after a stray quote hands the file to csv-parse", async () => {
    const odd = Buffer.from([
      ...Buffer.from('customer_id,name,created_at\nC1,a"b,2024-01-01\nC2,'),
      ...ALI_1256,
      ...Buffer.from(",2024-01-02\n"),
    ]);
    const error = await run(dataset({ "customers.csv": odd }));
    expect((error as CrmKpiError).place).toEqual({ file: "customers.csv", line: 3 });
  });

  it("transcodes with --encoding windows-1256", async () => {
    const dir = dataset({ "customers.csv": bytes });
    const db = join(dir, "db.duckdb");
    const io = captureIo();
    expect(await runCli(["import", dir, "--db", db, "--encoding", "windows-1256"], io)).toBe(0);
    const engine = await openDuckDB(db);
    const rows = await engine.query({ sql: "SELECT name FROM customers ORDER BY customer_id", params: [] });
    await engine.close();
    expect(rows.map((r) => r.name)).toEqual(["Ana", "علي"]);
  });

  it("reads UTF-16LE with a BOM", async () => {
    const text = "customer_id,name,created_at\nC1,شیرین,2024-01-01\n";
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect((await imported(dataset({ "customers.csv": file }))).rowsByEntity.customers).toBe(1);
  });

  it("applies --encoding to a mapping's sources too, and refuses their bad bytes without it", async () => {
    const contacts = Buffer.from([
      ...Buffer.from("id,full_name,since\nK1,"),
      ...ALI_1256,
      ...Buffer.from(",2024-01-02\n"),
    ]);
    const dir = dataset({
      "contacts.csv": contacts,
      "mapping.yaml":
        "entities:\n  customers:\n    from: contacts.csv\n    columns:\n      customer_id: id\n      name: full_name\n      created_at: since\n",
    });
    const mappingFile = join(dir, "mapping.yaml");
    const bad = await run(dir, { mappingFile });
    expect((bad as CrmKpiError).place).toEqual({ file: "contacts.csv", line: 2 });
    const db = join(dir, "m.duckdb");
    const io = captureIo();
    expect(
      await runCli(["import", dir, "--db", db, "--mapping", mappingFile, "--encoding", "cp1256"], io),
    ).toBe(0);
    const engine = await openDuckDB(db);
    const rows = await engine.query({ sql: "SELECT name FROM customers", params: [] });
    await engine.close();
    expect(rows.map((r) => r.name)).toEqual(["علي"]);
  });

  it("refuses an unknown encoding name", async () => {
    const error = await run(dataset({ "customers.csv": CUSTOMERS }), { encoding: "klingon" });
    expect((error as CrmKpiError).code).toBe("bad_argument");
  });
});

describe("headers and separators", () => {
  it("refuses a header naming a column twice, with both positions", async () => {
    const error = await rejected(
      dataset({ "customers.csv": "customer_id,name,created_at,name\nC1,a,2024-01-01,b\n" }),
    );
    expect(error.issues.map((i) => [i.code, i.column, i.params])).toEqual([
      ["duplicate_column", "name", { entity: "customers", first: 2, second: 4 }],
    ]);
    expect(error.issues[0]?.reason).toContain("columns 2 and 4");
  });

  it("refuses a mapped CSV whose header names a column twice", async () => {
    const dir = dataset({
      "contacts.csv": "id,name,since,name\nK1,a,2024-01-02,b\n",
      "mapping.yaml":
        "entities:\n  customers:\n    from: contacts.csv\n    columns:\n      customer_id: id\n      name: name\n      created_at: since\n",
    });
    const error = (await run(dir, { mappingFile: join(dir, "mapping.yaml") })) as CrmKpiError;
    expect(error.code).toBe("import_bad_file");
    expect(error.params).toMatchObject({ column: "name", first: 2, second: 4 });
    const io = captureIo();
    expect(
      await runCli(
        [
          "import",
          dir,
          "--db",
          join(dir, "d.duckdb"),
          "--mapping",
          join(dir, "mapping.yaml"),
          "--lang",
          "fa",
        ],
        io,
      ),
    ).not.toBe(0);
    expect(io.err()).toMatch(/ستون‌های [2۲] و [4۴]/);
  });

  it("says an empty file is empty", async () => {
    const error = await rejected(dataset({ "customers.csv": CUSTOMERS, "orders.csv": "" }));
    expect(error.issues.map((i) => [i.file, i.code])).toEqual([["orders.csv", "empty_file"]]);
    expect(error.issues[0]?.reason).toContain("empty");
  });

  it("warns about a header-only file and imports the rest", async () => {
    const result = await imported(
      dataset({ "customers.csv": CUSTOMERS, "orders.csv": "order_id,customer_id,ordered_at,amount\n" }),
    );
    expect(result.rowsByEntity.customers).toBe(1);
    const warning = result.warnings.find((w) => w.file === "orders.csv");
    expect(warning?.code).toBe("no_rows");
    expect(warning?.reason).toContain("has a header but no rows");
  });

  it("says a semicolon- or tab-separated file looks so, and reads it with --delimiter", async () => {
    const semicolon = CUSTOMERS.replaceAll(",", ";");
    const error = await rejected(dataset({ "customers.csv": semicolon }));
    expect(error.issues.map((i) => [i.code, i.messageKey])).toEqual([
      ["wrong_delimiter", "importer.file.looksSemicolon"],
    ]);
    expect(error.issues[0]?.reason).toContain("--delimiter ';'");
    const tab = await rejected(dataset({ "customers.csv": CUSTOMERS.replaceAll(",", "\t") }));
    expect(tab.issues[0]?.messageKey).toBe("importer.file.looksTab");

    expect(
      (await imported(dataset({ "customers.csv": semicolon }), { delimiter: ";" })).rowsByEntity.customers,
    ).toBe(1);
    const dir = dataset({ "customers.csv": CUSTOMERS.replaceAll(",", "\t") });
    const io = captureIo();
    expect(await runCli(["import", dir, "--db", join(dir, "t.duckdb"), "--delimiter", "\\t"], io)).toBe(0);
  });
});

describe("numbers and values", () => {
  it("names the column of an unquoted 1.234,50", async () => {
    const error = await rejected(
      dataset({
        "customers.csv": CUSTOMERS,
        "orders.csv": "order_id,customer_id,ordered_at,amount,type\nO1,C1,2024-01-05,1.234,50,purchase\n",
      }),
    );
    expect(error.issues.map((i) => [i.line, i.column, i.value, i.code])).toEqual([
      [2, "amount", "1.234,50", "bad_number"],
    ]);
    expect(error.issues[0]?.reason).toContain("1234.50");
  });

  it("reads Arabic decimal and thousands separators", async () => {
    const result = await imported(
      dataset({
        "customers.csv": CUSTOMERS,
        "orders.csv":
          "order_id,customer_id,ordered_at,amount\nO1,C1,2024-01-05,۱۲۳٫۵\nO2,C1,2024-01-06,۱٬۲۳۴\n",
      }),
    );
    expect(result.rowsByEntity.orders).toBe(2);
  });

  it("never echoes more than a short prefix of a huge value", async () => {
    const huge = "9".repeat(500_000) + "x".repeat(500_000);
    const dir = dataset({
      "customers.csv": CUSTOMERS,
      "orders.csv": `order_id,customer_id,ordered_at,amount\nO1,C1,2024-01-05,${huge}\n`,
    });
    const error = await rejected(dir);
    const issue = error.issues[0];
    expect(issue?.value?.length).toBeLessThanOrEqual(61);
    expect(issue?.valueLength).toBe(1_000_000);
    expect((error.place?.value ?? "").length).toBeLessThanOrEqual(61);
    const io = captureIo();
    expect(await runCli(["import", dir, "--db", join(dir, "h.duckdb")], io)).not.toBe(0);
    expect(io.err().length).toBeLessThan(1000);
    expect(io.err()).toContain("1,000,000 characters");
  });

  it("warns about a non-integer NPS score and keeps the row", async () => {
    const result = await imported(
      dataset({
        "customers.csv": CUSTOMERS,
        "survey_responses.csv":
          "response_id,survey,customer_id,score\nR1,nps,C1,7.5\nR2,nps,C1,9\nR3,csat,C1,4.5\n",
      }),
    );
    expect(result.rowsByEntity.survey_responses).toBe(3);
    expect(result.warnings.map((w) => [w.line, w.code, w.column])).toEqual([
      [2, "non_integer_score", "score"],
    ]);
  });
});
