import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";
import { CrmKpiError } from "../../src/core/errors.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { type ImportResult, importDataset } from "../../src/import/index.js";

/**
 * Files read through a mapping get the same file-level messages as canonical
 * files (issue 8): empty, header-only, and a header that holds another separator.
 */
const ACCOUNTS = "account,title,since\nA1,Acme,2024-01-01\n";
const ORDERS_HEADER = "ref,account,day,total\n";

function mappingYaml(accountsDelimiter?: string): string {
  return [
    "entities:",
    "  customers:",
    "    from: accounts.csv",
    ...(accountsDelimiter === undefined ? [] : [`    delimiter: ${JSON.stringify(accountsDelimiter)}`]),
    "    columns:",
    "      customer_id: account",
    "      name: title",
    "      created_at: since",
    "  orders:",
    "    from: orders.csv",
    "    columns:",
    "      order_id: ref",
    "      customer_id: account",
    "      ordered_at: day",
    "      amount: total",
    "",
  ].join("\n");
}

function dataset(files: Record<string, string>, mapping = mappingYaml()): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-kpi-mapped-input-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, "mapping.yaml"), mapping);
  return dir;
}

async function run(dir: string): Promise<ImportResult | CrmKpiError> {
  const engine = await openDuckDB(":memory:");
  try {
    return await importDataset(engine, dir, { mappingFile: join(dir, "mapping.yaml") });
  } catch (error) {
    if (error instanceof CrmKpiError) return error;
    throw error;
  } finally {
    await engine.close();
  }
}

async function failure(dir: string): Promise<CrmKpiError> {
  const result = await run(dir);
  if (result instanceof CrmKpiError) return result;
  throw new Error("expected the import to fail");
}

describe("mapped source files", () => {
  it("says a 0-byte source file is empty, naming it", async () => {
    const error = await failure(dataset({ "accounts.csv": ACCOUNTS, "orders.csv": "" }));
    expect(error.params.messageKey).toBe("importer.error.emptyFile");
    expect(error.place?.file).toBe("orders.csv");
    expect(error.message).toContain("orders.csv: the file is empty");
  });

  it("says a CSV source of blank lines only is empty", async () => {
    const error = await failure(dataset({ "accounts.csv": ACCOUNTS, "orders.csv": "\n\n" }));
    expect(error.params.messageKey).toBe("importer.error.emptyFile");
  });

  it("warns about a header-only source file and imports the rest", async () => {
    const result = await run(dataset({ "accounts.csv": ACCOUNTS, "orders.csv": ORDERS_HEADER }));
    if (result instanceof Error) throw result;
    expect(result.rowsByEntity.customers).toBe(1);
    const warning = result.warnings.find((w) => w.file === "orders.csv");
    expect(warning?.code).toBe("no_rows");
    expect(warning?.messageKey).toBe("importer.file.headerOnly");
  });

  it("says a semicolon- or tab-separated source looks so and suggests the mapping's delimiter option", async () => {
    const orders = `${ORDERS_HEADER}O1,A1,2024-02-01,10\n`;
    const semicolon = ACCOUNTS.replaceAll(",", ";");
    const error = await failure(dataset({ "accounts.csv": semicolon, "orders.csv": orders }));
    expect(error.params.messageKey).toBe("importer.error.looksSemicolon");
    expect(error.place).toEqual({ file: "accounts.csv", line: 1 });
    expect(error.message).toContain('delimiter: ";"');

    const tab = await failure(
      dataset({ "accounts.csv": ACCOUNTS.replaceAll(",", "\t"), "orders.csv": orders }),
    );
    expect(tab.params.messageKey).toBe("importer.error.looksTab");
    expect(tab.message).toContain('delimiter: "\\t"');

    // A comma file where the mapping declares ";" is the same mistake the other way round.
    const comma = await failure(
      dataset({ "accounts.csv": ACCOUNTS, "orders.csv": orders }, mappingYaml(";")),
    );
    expect(comma.params.messageKey).toBe("importer.error.looksComma");

    const fixed = await run(dataset({ "accounts.csv": semicolon, "orders.csv": orders }, mappingYaml(";")));
    if (fixed instanceof Error) throw fixed;
    expect(fixed.rowsByEntity.customers).toBe(1);
  });

  it("words the delimiter error in the chosen language", async () => {
    const dir = dataset({
      "accounts.csv": ACCOUNTS.replaceAll(",", ";"),
      "orders.csv": `${ORDERS_HEADER}O1,A1,2024-02-01,10\n`,
    });
    const io = captureIo();
    const args = ["import", dir, "--mapping", join(dir, "mapping.yaml"), "--db", join(dir, "t.duckdb")];
    expect(await runCli([...args, "--lang", "fa"], io)).not.toBe(0);
    expect(io.err()).toContain("نقطه‌ویرگول");
    expect(io.err()).toContain('delimiter: ";"');
    expect(io.err()).toContain("accounts.csv");
  });
});
