import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import type { MetricValue } from "../../src/core/metrics/definition/metric-value.js";
import { findMetric } from "../../src/core/metrics/registry.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/index.js";
import { runReport } from "../../src/report/run-report.js";

/**
 * Issue 8 part 10, the invariant: on the reference data, a customer dimension
 * with one value ("X") for every customer reproduces every metric's total,
 * numerator and denominator included, in every period. Rows that have no
 * customer on the reference data (deals, leads) are given one first, so that
 * "every row belongs to a customer with X" holds; spend gets channel X so
 * that cac per channel is the whole cac.
 *
 * A metric without a total (per stage, per survey kind, per campaign) is
 * compared with its built-in rows: {stage…, dimension: X} = {stage…}.
 */
const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
const DIMENSIONS = ["region", "acquisition_channel"] as const;

const key = (v: MetricValue, drop?: string) => {
  const segment = v.segment ? Object.entries(v.segment).filter(([k]) => k !== drop) : [];
  return `${v.metric}|${v.period}|${JSON.stringify(segment.length === 0 ? null : Object.fromEntries(segment))}`;
};
const numbers = (v: MetricValue | undefined) =>
  v && { value: v.value, numerator: v.numerator, denominator: v.denominator };
/** A row that says something: a value other than 0, or something to divide by. */
const hasData = (v: MetricValue) => (v.value !== null && v.value !== 0) || (v.denominator ?? 0) > 0;

describe("a dimension with one value for every customer reproduces the total", () => {
  let engine: Engine;

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
    const anyone = "(SELECT MIN(customer_id) FROM customers)";
    await engine.execute(`UPDATE deals SET customer_id = ${anyone} WHERE customer_id IS NULL`);
    await engine.execute(`UPDATE leads SET customer_id = ${anyone} WHERE customer_id IS NULL`);
    await engine.execute(`UPDATE tickets SET customer_id = ${anyone} WHERE customer_id IS NULL`);
    await engine.execute(`UPDATE survey_responses SET customer_id = ${anyone} WHERE customer_id IS NULL`);
    await engine.execute("UPDATE customers SET region = 'X', acquisition_channel = 'X'");
    await engine.execute("UPDATE spend SET channel = 'X'");
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
  });

  it.each(DIMENSIONS)(
    "--by %s: every segmented value equals its total in every period",
    async (dimension) => {
      const result = await runReport(engine, { metrics: "all", by: [dimension] });
      const segmented = result.values.filter((v) => v.segment && Object.hasOwn(v.segment, dimension));
      const others = new Map(
        result.values
          .filter((v) => !v.segment || !Object.hasOwn(v.segment, dimension))
          .map((v) => [key(v), v]),
      );
      const bySegmented = new Map(segmented.map((v) => [key(v, dimension), v]));
      expect(segmented.every((v) => v.segment?.[dimension] === "X")).toBe(true);

      const mismatches: string[] = [];
      for (const v of segmented) {
        const total = others.get(key(v, dimension));
        if (JSON.stringify(numbers(v)) !== JSON.stringify(numbers(total)))
          mismatches.push(
            `${key(v)}: ${JSON.stringify(numbers(v))} vs total ${JSON.stringify(numbers(total))}`,
          );
      }
      // Every total with data has its X row (unless the metric says it cannot break down).
      const broken = new Set(result.notBrokenDown);
      for (const total of others.values()) {
        const owner = findMetric(total.metric)?.id ?? total.metric;
        if (broken.has(owner) || !hasData(total)) continue;
        if (isBuiltInOnly(total, owner)) continue;
        if (!bySegmented.has(key(total))) mismatches.push(`no ${dimension}=X row for ${key(total)}`);
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(segmented.length).toBeGreaterThan(1000);
      // What cannot break down is the few metrics whose rows have no customer.
      const expected =
        dimension === "region"
          ? ["cac", "cac_payback_months", "ltv_to_cac", "quota_attainment", "email_list_growth_rate"]
          : ["quota_attainment", "email_list_growth_rate"];
      const spendCampaigns = ["campaign_spend", "campaign_cost_per_lead", "campaign_cac", "campaign_roi"];
      expect([...broken].sort()).toEqual([...expected, ...spendCampaigns].sort());
    },
    300_000,
  );
});

/**
 * A built-in row of a metric that also has a total (quota per rep, tickets per
 * channel): customer breakdowns are not nested in those.
 */
function isBuiltInOnly(v: MetricValue, owner: string): boolean {
  const metric = findMetric(owner);
  if (!v.segment || !metric) return false;
  const within = metric.breakdownWithin ?? [];
  return !Object.keys(v.segment).every((k) => within.includes(k));
}
