import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { readRowObjects } from "./read-rows.js";

async function bothWays(sql: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return { ours: readRowObjects(reader), converter: reader.getRowObjectsJson() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("readRowObjects", () => {
  it("builds the same rows as the JSON converter from plain columns, over several chunks", async () => {
    const { ours, converter } = await bothWays(`
      SELECT CAST(i AS VARCHAR) AS v, i % 7 = 0 AS b, CAST(i AS SMALLINT) AS s, CAST(i AS INTEGER) AS n,
             CASE WHEN i % 3 = 0 THEN NULL ELSE 'x' || i END AS maybe, NULL AS nothing, CAST(i AS INTEGER) AS dup, CAST(i + 1 AS INTEGER) AS dup
      FROM range(5000) t(i)`);
    expect(ours).toHaveLength(5000);
    expect(ours[4999]).toEqual({
      v: "4999",
      b: false,
      s: 4999,
      n: 4999,
      maybe: "x4999",
      nothing: null,
      dup: 4999,
      "dup:1": 5000,
    });
    expect(ours).toEqual(converter);
  });

  it("leaves every other type to the converter", async () => {
    const { ours, converter } = await bothWays(`
      SELECT 'a' AS v, CAST(1.5 AS DECIMAL(38, 12)) AS d, CAST(2 AS BIGINT) AS big, CAST('nan' AS DOUBLE) AS nan_,
             TIMESTAMP '2024-01-02 03:04:05' AS ts, DATE '2024-01-02' AS day`);
    expect(ours).toEqual(converter);
    expect(ours[0]).toMatchObject({ d: "1.500000000000", big: "2", nan_: "NaN" });
  });
});
