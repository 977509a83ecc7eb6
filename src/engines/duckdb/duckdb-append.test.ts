import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../core/engine.js";
import { openDuckDB } from "./duckdb-engine.js";

describe("appendRows (DuckDB)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    await engine.execute(`CREATE TEMP TABLE t ("i" DOUBLE, "s" VARCHAR, "u" VARCHAR)`);
  });
  afterAll(() => engine.close());

  it("round-trips any text, null, empty text and doubles exactly", async () => {
    const text = fc.string({
      unit: fc.constantFrom("a", " ", ",", '"', "\n", "\r", "\r\n", "\t", "\\", "'", "é", "🎉", "\0", "NULL"),
      maxLength: 12,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)),
            text,
            fc.option(text),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        async (rows) => {
          await engine.execute(`DELETE FROM t`);
          await engine.appendRows("t", ["i", "s", "u"], rows);
          const back = await engine.query({
            sql: `SELECT "i" AS i, "s" AS s, "u" AS u FROM t ORDER BY rowid`,
            params: [],
          });
          expect(back.map((r) => [r.i, r.s, r.u])).toEqual(
            rows.map(([i, s, u]) => [i === null ? null : i === 0 ? 0 : i, s, u]),
          );
        },
      ),
      // a CRLF inside the first cell once made DuckDB guess CRLF line ends
      { numRuns: 60, examples: [[[[1, "a\r\nb", null]]]] },
    );
  });
});
