import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import type { MetricValue } from "../../src/core/metrics/definition/metric-value.js";
import { importDataset } from "../../src/import/index.js";
import { runReport } from "../../src/report/run-report.js";
import { TEST_ENGINES } from "../support/test-engines.js";

/**
 * Issue 12 part 4: the golden files hold none of the metrics peers have
 * (arr, paying_customers, arpa, quick_ratio, net and gross MRR churn rates,
 * mrr_ltv, repeat_purchase_rate), but they hold every MRR movement, MRR at
 * start (the denominator of net_revenue_retention) and gross revenue
 * retention. So the MRR-based ones are checked against those oracle values,
 * on every engine and golden calendar: each is the golden movements put
 * together by its definition. paying_customers and repeat_purchase_rate have
 * no golden input; their unit tests (mrr.test.ts, customer-value.test.ts)
 * are hand-computed, and repeat_purchase_rate is recounted here in plain
 * JavaScript from the imported orders.
 */
const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
const PEERS = [
  "arr",
  "paying_customers",
  "arpa",
  "quick_ratio",
  "net_mrr_churn_rate",
  "gross_mrr_churn_rate",
];
const FILES = [
  { file: "gregorian", request: { calendar: "gregorian" } },
  { file: "persian", request: { calendar: "persian" } },
  { file: "gregorian-activity-purchase", request: { settings: { activity: "purchase" } } },
] as const;

function readGolden(name: string): MetricValue[] {
  return readFileSync(resolve(REFERENCE, "golden", `${name}.ndjson`), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && line.includes('"segment":null'))
    .map((line) => JSON.parse(line) as MetricValue);
}

function close(ours: number | null | undefined, expected: number | null): boolean {
  if (ours === null || ours === undefined || expected === null) return ours === expected;
  return Math.abs(ours - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe.each(TEST_ENGINES)("the metrics peers have agree with the golden MRR on $name", (testEngine) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine.open();
    expect((await importDataset(engine, REFERENCE)).errors).toEqual([]);
  }, 120_000);
  afterAll(() => engine?.close());

  it.each(FILES)(
    "golden $file",
    async ({ file, request }) => {
      const golden = readGolden(file);
      const periods = [...new Set(golden.map((g) => g.period))].sort();
      const result = await runReport(engine, {
        ...request,
        metrics: [...PEERS, "mrr_ltv"],
        grain: "month",
        from: periods[0],
        to: periods.at(-1),
      });
      const ours = (metric: string, period: string) =>
        result.values.find((v) => v.metric === metric && v.period === period && v.segment === null);
      const g = (metric: string, period: string) => {
        const row = golden.find((v) => v.metric === metric && v.period === period);
        if (!row) throw new Error(`golden ${file} has no ${metric} for ${period}`);
        return row;
      };
      const mismatches: string[] = [];
      const check = (what: string, value: number | null | undefined, expected: number | null) => {
        if (!close(value, expected)) mismatches.push(`${what}: ours ${value}, golden-derived ${expected}`);
      };
      let lossy = 0;
      for (const period of periods) {
        const v = (metric: string) => g(metric, period).value ?? Number.NaN;
        const start = g("net_revenue_retention", period).denominator ?? Number.NaN;
        const gained = v("mrr_new") + v("mrr_expansion") + v("mrr_reactivation");
        const lost = v("mrr_contraction") + v("mrr_churned");
        check(`${period} arr`, ours("arr", period)?.value, 12 * v("mrr"));
        // No customer has a negative MRR in the reference data: MRR is the paying customers' MRR.
        check(`${period} arpa numerator`, ours("arpa", period)?.numerator, v("mrr"));
        check(
          `${period} arpa denominator`,
          ours("arpa", period)?.denominator,
          ours("paying_customers", period)?.value ?? 0,
        );
        check(`${period} quick_ratio numerator`, ours("quick_ratio", period)?.numerator, gained);
        check(`${period} quick_ratio denominator`, ours("quick_ratio", period)?.denominator, lost);
        check(`${period} quick_ratio`, ours("quick_ratio", period)?.value, lost === 0 ? null : gained / lost);
        const gross = ours("gross_mrr_churn_rate", period);
        check(`${period} gross numerator`, gross?.numerator, lost);
        check(`${period} gross denominator`, gross?.denominator, start);
        const grr = g("gross_revenue_retention", period).value;
        check(`${period} gross = 1 − grr`, gross?.value, grr === null ? null : 1 - grr);
        const net = ours("net_mrr_churn_rate", period);
        check(`${period} net numerator`, net?.numerator, lost - v("mrr_expansion") - v("mrr_reactivation"));
        check(`${period} net denominator`, net?.denominator, start);
        const ltv = ours("mrr_ltv", period);
        const churn = start === 0 ? null : lost / start;
        const arpa = ours("arpa", period)?.value ?? null;
        check(
          `${period} mrr_ltv`,
          ltv?.value,
          churn === null || churn === 0 || arpa === null ? null : arpa / churn,
        );
        if (lost > 0) lossy += 1;
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      // The check says something: most months lose some MRR.
      expect(lossy).toBeGreaterThan(periods.length / 2);
    },
    120_000,
  );

  it("repeat_purchase_rate equals a count of each customer's purchases in W, written in JavaScript", async () => {
    const orders = await engine.query({
      sql: "SELECT customer_id, CAST(ordered_at AS VARCHAR) AS t, type FROM orders WHERE customer_id IS NOT NULL",
      params: [],
    });
    const purchases = orders
      .filter((o) => o.type !== "refund")
      .map((o) => ({ customer: String(o.customer_id), ms: Date.parse(`${String(o.t).replace(" ", "T")}Z`) }));
    expect(purchases.length).toBeGreaterThan(1000);
    expect(purchases.every((p) => Number.isFinite(p.ms))).toBe(true);
    const regions = new Map(
      (await engine.query({ sql: "SELECT customer_id, region FROM customers", params: [] })).map((c) => [
        String(c.customer_id),
        c.region === null ? null : String(c.region),
      ]),
    );
    const result = await runReport(engine, {
      metrics: ["repeat_purchase_rate"],
      grain: "month",
      by: ["region"],
    });
    const window = 365 * 86_400_000;
    let checked = 0;
    for (const period of result.periods) {
      const inW = new Map<string, number>();
      for (const p of purchases)
        if (p.ms >= period.endMs - window && p.ms < period.endMs)
          inW.set(p.customer, (inW.get(p.customer) ?? 0) + 1);
      const repeat = [...inW.values()].filter((n) => n >= 2).length;
      const ours = result.values.find((v) => v.period === period.label && v.segment === null);
      expect(ours, period.label).toMatchObject({ numerator: repeat, denominator: inW.size });
      if (repeat > 0) checked += 1;
      // Each region counts its own customers; a region without a buyer has no value.
      const byRegion = new Map<string | null, { repeat: number; buyers: number }>();
      for (const [customer, n] of inW) {
        const region = regions.get(customer) ?? null;
        const counts = byRegion.get(region) ?? { repeat: 0, buyers: 0 };
        byRegion.set(region, { repeat: counts.repeat + (n >= 2 ? 1 : 0), buyers: counts.buyers + 1 });
      }
      const segments = result.values.filter((v) => v.period === period.label && v.segment !== null);
      expect(segments.map((v) => v.segment?.region ?? null).sort(), period.label).toEqual(
        [...byRegion.keys()].sort(),
      );
      for (const v of segments) {
        const expected = byRegion.get(v.segment?.region ?? null);
        expect(v, `${period.label} ${v.segment?.region}`).toMatchObject({
          numerator: expected?.repeat,
          denominator: expected?.buyers,
        });
      }
    }
    expect(checked).toBeGreaterThan(result.periods.length / 2);
  }, 120_000);
});
