import { describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../test/support/test-engines.js";
import { insertRows } from "../../test/support/tiny-dataset.js";
import type { CustomerScores } from "./customer-scores.js";
import { runReport } from "./run-report.js";

/** Scores handed in by the caller, as src/predict/propensity-deciles.ts does, on every engine. */
describe.each(TEST_ENGINES)("a report by a scored dimension on $name", (testEngine) => {
  it("groups customers by the scores given, the unscored in the empty bucket, deciles in numeric order", async () => {
    const engine = await testEngine.open();
    try {
      const ids = ["c1", "c2", "c3", "c4"];
      await insertRows(engine, {
        customers: ids.map((customer_id) => ({
          customer_id,
          created_at: "2024-01-10",
          acquired_at: "2024-01-10",
        })),
      });
      let asOf: number | undefined;
      const scores: CustomerScores = {
        dimensions: ["churn_propensity_decile"],
        async load(_engine, asOfMs) {
          asOf = asOfMs;
          return new Map([
            ["c1", [10]],
            ["c2", [2]],
            ["c3", [2]],
          ]);
        },
      };
      const result = await runReport(engine, {
        metrics: ["new_customers"],
        from: "2024-01",
        to: "2024-01",
        by: ["churn_propensity_decile"],
        customerScores: scores,
      });
      // The report's as-of: the end of the data's last day, inside January.
      expect(asOf).toBe(Date.UTC(2024, 0, 11));
      const rows = result.values.map((v) => [
        v.segment === null ? "total" : v.segment.churn_propensity_decile,
        v.value,
      ]);
      expect(rows).toEqual([
        ["total", 4],
        ["2", 2],
        ["10", 1],
        [null, 1],
      ]);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
