import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { importDataset } from "../../src/import/import-dataset.js";
import { mergeCustomers, undoMerges } from "../../src/quality/merge-customers.js";
import { runColumnChecks } from "../../src/quality/quality-checks.js";
import { loadFindings, saveFindings } from "../../src/quality/stored-findings.js";
import { TEST_ENGINES } from "../support/test-engines.js";

const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
const AS_OF = new Date("2025-01-01T00:00:00Z");
const SAVED_AT = Date.parse("2025-01-02T03:04:05Z");

const customersOf = (engine: Engine) =>
  engine.query({ sql: "SELECT * FROM customers ORDER BY customer_id", params: [] });

/**
 * The data checks, their stored findings, and a merge and its undo give the
 * same results on every engine; stored times are the instant JavaScript
 * bound, whatever the session's time zone.
 */
describe.each(TEST_ENGINES)("data quality on $name", (testEngine) => {
  let engine: Engine;
  let reference: Engine | undefined;
  beforeAll(async () => {
    engine = await testEngine.open();
    await importDataset(engine, REFERENCE);
    if (testEngine.name !== TEST_ENGINES[0]?.name) {
      reference = await TEST_ENGINES[0]?.open();
      if (reference) await importDataset(reference, REFERENCE);
    }
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await reference?.close();
  });

  it("finds what DuckDB finds, examples included", async () => {
    const checks = await runColumnChecks(engine, AS_OF);
    expect(checks.findings.some((f) => f.kind === "validity" && f.examples.length > 0)).toBe(true);
    if (reference) expect(checks).toEqual(await runColumnChecks(reference, AS_OF));
  });

  it("stores findings at the instant given, in a session far from UTC", async () => {
    await engine.execute("SET TimeZone = 'Asia/Tehran'");
    const { findings } = await runColumnChecks(engine, AS_OF);
    await saveFindings(engine, findings, SAVED_AT);
    const stored = await loadFindings(engine);
    expect(stored.computedAt).toBe("2025-01-02T03:04:05Z");
    expect(stored.findings).toEqual(findings);
    await engine.execute("SET TimeZone = 'UTC'");
  });

  it("merges two customers and undoes it exactly", async () => {
    const before = await customersOf(engine);
    const ids = before.slice(0, 2).map((c) => String(c.customer_id));
    const [merge] = await mergeCustomers(engine, [{ customer_ids: ids }], SAVED_AT);
    expect(merge?.merged_ids).toEqual([ids[1]]);
    expect((await customersOf(engine)).map((c) => c.customer_id)).not.toContain(ids[1]);
    const [at] = await engine.query({ sql: "SELECT created_at FROM quality_merges", params: [] });
    expect(at?.created_at).toBe("2025-01-02 03:04:05");
    expect(await undoMerges(engine, "all")).toEqual([merge?.merge_id]);
    expect(await customersOf(engine)).toEqual(before);
  });
});
