import { afterAll, beforeAll, describe, expect } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { importDataset } from "../../src/import/index.js";
import { describeGoldenFiles, REFERENCE } from "../support/golden-values.js";
import { TEST_ENGINES } from "../support/test-engines.js";

// Every engine (DuckDB, PGlite, and a PostgreSQL server when CRM_KPI_TEST_PG names one) meets every golden value.
describe.each(TEST_ENGINES)("golden values on $name", (testEngine) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine.open();
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
  }, 120_000);
  afterAll(() => engine?.close());

  describeGoldenFiles(() => engine);
});
