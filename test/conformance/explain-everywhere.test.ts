import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import type { MetricDefinition } from "../../src/core/metrics/definition/metric-definition.js";
import type { MetricValue } from "../../src/core/metrics/definition/metric-value.js";
import { METRICS } from "../../src/core/metrics/registry.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/index.js";
import { type ExplainRow, explainMetric } from "../../src/report/explain.js";
import { runReport } from "../../src/report/run-report.js";

/**
 * Issue 3 part 7: `crm-kpi explain` works for every metric of the catalog.
 * For every metric (and sibling statistic), for its total, every built-in
 * breakdown and the customer dimensions it supports, one period with data
 * and one group value each: the explained number equals the report's, and
 * the rows behind it add up to it.
 *
 * What "add up" means per kind:
 * - count, sum: Σ value rows (amount, or 1 when the amount is null) = value.
 * - ratio, mean, nps: Σ numerator rows = numerator and Σ denominator rows =
 *   denominator. Means carry each row's duration/score as its numerator amount
 *   and count 1 in the denominator; nps rows carry +1/−1/0.
 * - statistic (`_median`, `_p90`): a percentile is not a sum; the numerator
 *   amounts of the rows are the sample, and its continuous percentile is the value.
 * - quotient (clv, cac_payback_months, ltv_to_cac, mrr_ltv): numerator and denominator
 *   are themselves quotients of sums (revenue / buyers, churned / active,
 *   spend / new customers), so no sum of rows can equal them. The rows of
 *   each part are grouped by what they are (entity, and the detail that says
 *   churned or not) and the formula is recomputed from those groups.
 */
const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
const CUSTOMER_BREAKDOWNS = [["region"], ["acquisition_channel"]] as const;

type Shape = { readonly metric: string; readonly keys: string };

const shapeOf = (v: MetricValue) => (v.segment ? Object.keys(v.segment).join("+") : "");

function close(ours: number | null, expected: number | null): boolean {
  if (ours === null || expected === null) return ours === expected;
  return Math.abs(ours - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

function sumOf(rows: readonly ExplainRow[]): number {
  return rows.reduce((total, r) => total + (r.amount ?? 1), 0);
}

const partRows = (rows: readonly ExplainRow[], part: ExplainRow["part"]) =>
  rows.filter((r) => r.part === part);

/** Continuous percentile (linear interpolation between closest ranks), as SQL `percentile_cont`. */
function percentileCont(values: readonly number[], fraction: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = fraction * (sorted.length - 1);
  const lo = Math.floor(rank);
  const low = sorted[lo] ?? Number.NaN;
  const high = sorted[Math.ceil(rank)] ?? Number.NaN;
  return low + (high - low) * (rank - lo);
}

/**
 * Quotient metrics recomputed from their rows, with the default parameters
 * (window 365 d, gross margin 1, no lifespan given, payback window 90 d).
 */
const customersChurned = (rows: readonly ExplainRow[]) =>
  rows.filter((r) => /churned by end/.test(r.detail ?? ""));
const buyers = (rows: readonly ExplainRow[]) =>
  rows.filter((r) => r.entity === "customers" && /ordered in the window/.test(r.detail ?? ""));
const windowBase = (rows: readonly ExplainRow[]) =>
  rows.filter((r) => r.entity === "customers" && /active at window start/.test(r.detail ?? ""));
const newCustomers = (rows: readonly ExplainRow[]) =>
  rows.filter((r) => r.entity === "customers" && /^acquired /.test(r.detail ?? ""));
/** MRR at start and at end from an MRR row's detail (`MRR at start 29.0, at end 31.9`). */
function mrrAtStartAndEnd(row: ExplainRow): [number, number] {
  const m = /^MRR at start (-?[\d.]+), at end (-?[\d.]+)$/.exec(row.detail ?? "");
  if (!m) throw new Error(`not an MRR row: ${row.detail}`);
  return [Number(m[1]), Number(m[2])];
}
const ofEntity = (rows: readonly ExplainRow[], entity: string) => rows.filter((r) => r.entity === entity);

const QUOTIENTS: Readonly<
  Record<string, (num: readonly ExplainRow[], den: readonly ExplainRow[]) => [number, number]>
> = {
  // annual customer value / annual churn
  clv: (num, den) => [
    sumOf(ofEntity(num, "orders")) / buyers(num).length,
    customersChurned(den).length / windowBase(den).length,
  ],
  // cac / (cohort revenue per new customer per 30-day month)
  cac_payback_months: (num, den) => [
    sumOf(ofEntity(num, "spend")) / newCustomers(num).length,
    sumOf(ofEntity(den, "orders")) / newCustomers(den).length / 3,
  ],
  // ARPA / monthly gross MRR churn (month grain): the denominator rows are the customers paying at
  // start, each with its MRR at start as amount and both MRRs in the detail; the loss is s − e, at most s.
  mrr_ltv: (num, den) => {
    const lost = den.reduce((sum, r) => {
      const [start, end] = mrrAtStartAndEnd(r);
      return sum + start - Math.min(start, Math.max(end, 0));
    }, 0);
    return [sumOf(num) / num.length, lost / sumOf(den)];
  },
  // clv / cac
  ltv_to_cac: (num, den) => [
    sumOf(ofEntity(num, "orders")) /
      buyers(num).length /
      (customersChurned(num).length / windowBase(num).length),
    sumOf(ofEntity(den, "spend")) / newCustomers(den).length,
  ],
};

/** The middle period (in report order) where the row has a value that is not 0. */
function pickRow(values: readonly MetricValue[], shape: Shape): MetricValue | undefined {
  const withData = values.filter(
    (v) => v.metric === shape.metric && shapeOf(v) === shape.keys && v.value !== null && v.value !== 0,
  );
  return withData[Math.floor(withData.length / 2)];
}

/** An NPS component from the drill rows: numerator amounts are +1 (promoter) and −1 (detractor). */
function npsComponent(id: string, numerator: readonly { amount: number | null }[], n: number): number {
  const promoters = numerator.filter((r) => r.amount === 1).length;
  const detractors = numerator.filter((r) => r.amount === -1).length;
  const p = promoters / n;
  const d = detractors / n;
  const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  const values: Record<string, number> = {
    nps_promoters: promoters,
    nps_promoters_share: p,
    nps_passives: n - promoters - detractors,
    nps_passives_share: (n - promoters - detractors) / n,
    nps_detractors: detractors,
    nps_detractors_share: d,
    nps_standard_error: se,
    nps_ci_low: 100 * (p - d) - 1.959963984540054 * se,
    nps_ci_high: 100 * (p - d) + 1.959963984540054 * se,
  };
  const value = values[id];
  if (value === undefined)
    throw new Error(`no check for sibling ${id}: add one to explain-everywhere.test.ts`);
  return value;
}

/** The sibling kinds we know how to check; a new sibling suffix fails the test until handled here. */
function siblingFraction(id: string): number {
  if (id.endsWith("_median")) return 0.5;
  if (id.endsWith("_p90")) return 0.9;
  throw new Error(`no check for sibling ${id}: add one to explain-everywhere.test.ts`);
}

describe("explain works for every metric of the catalog", () => {
  let engine: Engine;
  const values: MetricValue[] = [];

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
    // Totals and built-in breakdowns come with every report; customer breakdowns only when asked for.
    const report = await runReport(engine, { metrics: "all", grain: "month" });
    values.push(...report.values);
    for (const by of CUSTOMER_BREAKDOWNS) {
      const r = await runReport(engine, { metrics: "all", grain: "month", by });
      values.push(...r.values.filter((v) => v.segment !== null && shapeOf(v) === by.join("+")));
    }
  }, 120_000);
  afterAll(() => engine.close());

  /** Every segment shape a metric (or sibling) is reported in. */
  function shapesOf(id: string): Shape[] {
    return [...new Set(values.filter((v) => v.metric === id).map(shapeOf))].map((keys) => ({
      metric: id,
      keys,
    }));
  }

  async function explainShape(shape: Shape) {
    const row = pickRow(values, shape);
    expect(row, `${shape.metric} [${shape.keys}] has a period with data`).toBeDefined();
    if (!row) throw new Error("unreachable");
    const explained = await explainMetric(engine, {
      metric: row.metric,
      period: row.period,
      grain: "month",
      ...(row.segment ? { segment: row.segment } : {}),
      limit: 1_000_000,
    });
    const where = `${row.metric} ${row.period} ${JSON.stringify(row.segment)}`;
    expect(explained.truncated, where).toBe(false);
    expect(explained.rows.length, where).toBeGreaterThan(0);
    expect(explained.value.period, where).toBe(row.period);
    expect(close(explained.value.value, row.value), `${where}: value ${explained.value.value}`).toBe(true);
    expect(close(explained.value.numerator, row.numerator), `${where}: numerator`).toBe(true);
    expect(close(explained.value.denominator, row.denominator), `${where}: denominator`).toBe(true);
    return { row, rows: explained.rows, where };
  }

  async function checkMetric(metric: MetricDefinition, shape: Shape) {
    const { row, rows, where } = await explainShape(shape);
    const numerator = partRows(rows, "numerator");
    const denominator = partRows(rows, "denominator");
    switch (metric.kind) {
      case "count":
      case "sum":
        expect(partRows(rows, "value"), where).toHaveLength(rows.length);
        expect(close(sumOf(rows), row.value), `${where}: Σ rows ${sumOf(rows)} vs ${row.value}`).toBe(true);
        break;
      case "ratio":
      case "mean":
      case "nps":
        expect(numerator.length + denominator.length, where).toBe(rows.length);
        expect(close(sumOf(numerator), row.numerator), `${where}: Σ numerator ${sumOf(numerator)}`).toBe(
          true,
        );
        expect(
          close(sumOf(denominator), row.denominator),
          `${where}: Σ denominator ${sumOf(denominator)}`,
        ).toBe(true);
        break;
      case "quotient": {
        const recompute = QUOTIENTS[metric.id];
        expect(recompute, `${metric.id}: add its recomputation to QUOTIENTS`).toBeDefined();
        const [num, den] = recompute?.(numerator, denominator) ?? [Number.NaN, Number.NaN];
        expect(close(num, row.numerator), `${where}: recomputed numerator ${num} vs ${row.numerator}`).toBe(
          true,
        );
        expect(
          close(den, row.denominator),
          `${where}: recomputed denominator ${den} vs ${row.denominator}`,
        ).toBe(true);
        break;
      }
      case "statistic":
        throw new Error(`${metric.id}: a catalog metric of kind statistic needs a check here`);
    }
  }

  it("covers the whole catalog, each quotient with a recomputation", () => {
    expect(METRICS.length).toBeGreaterThanOrEqual(45);
    expect(
      METRICS.filter((m) => m.kind === "quotient")
        .map((m) => m.id)
        .sort(),
    ).toEqual(Object.keys(QUOTIENTS).sort());
  });

  it.each(METRICS.map((m) => [m.id, m] as const))("%s", async (_id, metric) => {
    const shapes = shapesOf(metric.id);
    const expected = [
      ...(metric.hasTotal === false ? [] : [""]),
      ...(metric.builtInBreakdowns ?? []).map((b) => b.keys.join("+")),
    ];
    expect(
      shapes.map((s) => s.keys),
      "total and every built-in breakdown are reported",
    ).toEqual(expect.arrayContaining(expected));
    for (const shape of shapes) await checkMetric(metric, shape);
  });

  it.each(METRICS.flatMap((m) => (m.siblings ?? []).map((s) => [s, m] as const)))(
    "%s",
    async (sibling, owner) => {
      const shapes = shapesOf(sibling);
      if (owner.hasTotal === false) expect(shapes.length).toBeGreaterThan(0);
      else expect(shapes.map((s) => s.keys)).toContain("");
      if (owner.id === "nps") {
        for (const shape of shapes) {
          const { row, rows, where } = await explainShape(shape);
          const expected = npsComponent(
            sibling,
            partRows(rows, "numerator"),
            partRows(rows, "denominator").length,
          );
          expect(close(row.value, expected), `${where}: ${expected} vs ${row.value}`).toBe(true);
        }
        return;
      }
      const fraction = siblingFraction(sibling);
      for (const shape of shapes) {
        const { row, rows, where } = await explainShape(shape);
        // The sample is the owner mean's numerator: one amount (duration, score) per row.
        const sample = partRows(rows, "numerator").map((r) => r.amount ?? Number.NaN);
        const expected = percentileCont(sample, fraction);
        expect(close(row.value, expected), `${where}: percentile ${expected} vs ${row.value}`).toBe(true);
      }
    },
  );
});
