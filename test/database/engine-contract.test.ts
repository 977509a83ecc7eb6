import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { TEST_ENGINES } from "../support/test-engines.js";

/**
 * What every engine promises the code above it (docs/database.md, Engines):
 * the value contract, all-or-nothing transactions, exact bulk loads, and
 * sessions that share the data.
 */
describe.each(TEST_ENGINES)("engine contract on $name", (testEngine) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine.open();
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  it("returns values in the shared contract", async () => {
    const [row] = await engine.query({
      sql: `SELECT CAST(1 AS INTEGER) AS i, CAST(2 AS BIGINT) AS b, CAST(1.5 AS DOUBLE PRECISION) AS d,
        CAST('12.34' AS DECIMAL(38,12)) AS m, CAST('2024-01-02 03:04:05.123' AS TIMESTAMP) AS ts,
        CAST('2024-01-02' AS DATE) AS dt, TRUE AS yes, CAST(NULL AS TEXT) AS nothing, COUNT(*) AS n`,
      params: [],
    });
    expect(row).toEqual({
      i: 1,
      b: "2",
      d: 1.5,
      m: "12.340000000000",
      ts: "2024-01-02 03:04:05.123",
      dt: "2024-01-02",
      yes: true,
      nothing: null,
      n: "1",
    });
  });

  it("binds parameters of every value kind", async () => {
    const [row] = await engine.query({
      sql: `SELECT CAST($1 AS TEXT) AS s, CAST($2 AS DOUBLE PRECISION) AS d, CAST($3 AS BIGINT) AS b, CAST($4 AS BOOLEAN) AS f`,
      params: ["مشتری ۱", 0.1, 9007199254740993n, false],
    });
    expect(row).toEqual({ s: "مشتری ۱", d: 0.1, b: "9007199254740993", f: false });
  });

  it("applies a transaction whole or not at all", async () => {
    await engine.execute("CREATE TABLE tx_probe (id INTEGER)");
    await expect(
      engine.transaction(async () => {
        await engine.execute("INSERT INTO tx_probe VALUES (1)");
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    await engine.transaction(() => engine.execute("INSERT INTO tx_probe VALUES (2)"));
    expect(await engine.query({ sql: "SELECT id FROM tx_probe", params: [] })).toEqual([{ id: 2 }]);
  });

  it("bulk-loads text exactly: quotes, line breaks, empty text against NULL, digits of other scripts", async () => {
    await engine.execute("CREATE TABLE load_probe (k INTEGER, s TEXT, x DOUBLE PRECISION)");
    const texts = ['say "hi"', "two\nlines", "a,b", "", null, "crlf\r\nend", "۱۲۳ 中文 عربي", " padded "];
    const load = engine.openBulkLoad?.("load_probe", ["k", "s", "x"]);
    const rows = texts.map((s, k) => [k, s, k === 3 ? null : k / 3]);
    if (load) {
      for (const row of rows) load.add(row);
      await load.close();
    } else {
      await engine.appendRows("load_probe", ["k", "s", "x"], rows);
    }
    const back = await engine.query({ sql: "SELECT k, s, x FROM load_probe ORDER BY k", params: [] });
    expect(back).toEqual(rows.map(([k, s, x]) => ({ k, s, x })));
  });

  it("opens a session that sees committed data", async () => {
    await engine.execute("CREATE TABLE session_probe (v TEXT)");
    await engine.execute("INSERT INTO session_probe VALUES ('seen')");
    const session = await engine.openSession();
    try {
      expect(await session.query({ sql: "SELECT v FROM session_probe", params: [] })).toEqual([
        { v: "seen" },
      ]);
    } finally {
      await session.close();
    }
    // Closing a session leaves the database open.
    expect(await engine.query({ sql: "SELECT v FROM session_probe", params: [] })).toEqual([{ v: "seen" }]);
  });
});
