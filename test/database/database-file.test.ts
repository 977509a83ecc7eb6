import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { runCaptured } from "../support/run-captured.js";

// Issue 8: `--db` must name a crm-kpi database; reading commands never create one.
const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-dbfile-"));
const data = path.join(tmp, "data");
const db = path.join(tmp, "crm.duckdb");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  mkdirSync(data);
  writeFileSync(
    path.join(data, "customers.csv"),
    "customer_id,region,created_at\nC1,North,2024-01-05\nC2,South,2024-02-10\n",
  );
  expect(await cli("import", data, "--db", db)).toMatchObject({ code: EXIT.ok });
});

const cli = (...argv: string[]) => runCaptured(argv);

describe("--db that is not a crm-kpi database", () => {
  it("refuses an existing CSV file and leaves it untouched", async () => {
    const csv = path.join(tmp, "y.csv");
    writeFileSync(csv, "customer_id\nC9\n");
    const result = await cli("import", data, "--db", csv);
    expect(result.code).toBe(EXIT.database);
    expect(result.err).toContain("is not a DuckDB database file");
    expect(result.out).toBe("");
    expect(readFileSync(csv, "utf8")).toBe("customer_id\nC9\n");
  });

  it("refuses to create a database under a data file's name", async () => {
    const result = await cli("import", data, "--db", path.join(tmp, "new.csv"));
    expect(result.code).toBe(EXIT.database);
    expect(result.err).toContain(".duckdb or .db");
    expect(existsSync(path.join(tmp, "new.csv"))).toBe(false);
  });

  it("refuses a folder", async () => {
    const result = await cli("report", "--db", tmp);
    expect(result.code).toBe(EXIT.database);
    expect(result.err).toContain("is a folder");
  });

  it("refuses a DuckDB file of another program and adds no schema to it", async () => {
    const foreign = path.join(tmp, "foreign.duckdb");
    const instance = await DuckDBInstance.create(foreign);
    const connection = await instance.connect();
    await connection.run("CREATE TABLE sales (x INTEGER)");
    connection.closeSync();
    instance.closeSync();
    for (const argv of [["report"], ["import", data]]) {
      const result = await cli(...argv, "--db", foreign);
      expect(result.code).toBe(EXIT.database);
      expect(result.err).toContain("not a crm-kpi one");
    }
    const check = await DuckDBInstance.create(foreign);
    const c = await check.connect();
    const tables = await c.runAndReadAll("SELECT table_name FROM information_schema.tables");
    expect(tables.getRows().map((r) => r[0])).toEqual(["sales"]);
    c.closeSync();
    check.closeSync();
  });

  it("reads a read-only database but refuses to write to it", async () => {
    const ro = path.join(tmp, "ro.duckdb");
    writeFileSync(ro, readFileSync(db));
    chmodSync(ro, 0o444);
    expect((await cli("report", "--metrics", "new_customers", "--format", "ndjson", "--db", ro)).code).toBe(
      EXIT.ok,
    );
    const write = await cli(
      "goals",
      "add",
      "--metric",
      "new_customers",
      "--target",
      "5",
      "--deadline",
      "2030-01-01",
      "--db",
      ro,
    );
    expect(write.code).toBe(EXIT.database);
    expect(write.err).toContain("is read-only");
  });
});

describe("a database that does not exist", () => {
  it.each([["report"], ["customers"], ["goals", "list"], ["tokens", "list"]])(
    "%s says so, exits non-zero and creates nothing",
    async (...argv) => {
      const missing = path.join(tmp, "typo.duckdb");
      const result = await cli(...argv, "--db", missing);
      expect(result.code).toBe(EXIT.database);
      expect(result.err).toContain("does not exist");
      expect(existsSync(missing)).toBe(false);
    },
  );

  it("is not left behind by a failed import", async () => {
    const bad = path.join(tmp, "bad");
    mkdirSync(bad);
    writeFileSync(path.join(bad, "customers.csv"), "customer_id,created_at\nC1,not-a-date\n");
    const target = path.join(tmp, "failed.duckdb");
    expect((await cli("import", bad, "--db", target)).code).not.toBe(EXIT.ok);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.wal`)).toBe(false);
  });
});

describe("demo and explain", () => {
  it("demo refuses a database that holds other data", async () => {
    const result = await cli("demo", "--db", db, "--scale", "0.05");
    expect(result.code).toBe(EXIT.database);
    expect(result.err).toContain("already holds data");
  });

  it("explain --segment with an unknown dimension is a usage error, like report --by", async () => {
    const explain = await cli(
      "explain",
      "new_customers",
      "--period",
      "2024-01",
      "--segment",
      "nosuchdim=x",
      "--db",
      db,
    );
    const report = await cli("report", "--by", "nosuchdim", "--db", db);
    expect(explain.code).toBe(EXIT.usage);
    expect(report.code).toBe(EXIT.usage);
    expect(explain.err).toContain('"nosuchdim"');
    expect(explain.err).not.toMatch(/Binder/);
  });

  it("rejects a --wait that is not a number of seconds", async () => {
    const result = await cli("report", "--db", db, "--wait", "soon");
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toContain("--wait");
  });
});
