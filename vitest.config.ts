import { defineConfig } from "vitest/config";

/**
 * The engine-facing unit tests (metrics on tiny datasets, goals, invariants)
 * run once per engine: CRM_KPI_TEST_ENGINE picks it for test/support/unit-test-engine.ts.
 * The conformance and database tests loop over every engine themselves (test-engines.ts).
 */
const ENGINE_FACING = [
  "src/core/metrics/families/*.test.ts",
  "src/core/metrics/relations/*.test.ts",
  "src/goals/evaluate-goal.test.ts",
  "test/properties/metric-invariants.test.ts",
];

const onEngine = (name: string, env: Record<string, string>) => ({
  extends: true as const,
  test: { name, include: ENGINE_FACING, env: { CRM_KPI_TEST_ENGINE: name, ...env } },
});

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "duckdb", include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"] },
      },
      onEngine("pglite", {}),
      ...(process.env.CRM_KPI_TEST_PG ? [onEngine("postgres", {})] : []),
    ],
  },
});
