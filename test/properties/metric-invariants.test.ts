import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MetricValue } from "../../src/core/metrics/definition/metric-value.js";
import { findMetric } from "../../src/core/metrics/registry.js";
import { runReport } from "../../src/report/run-report.js";
import { type TinyRow, tinyDataset } from "../support/tiny-dataset.js";

/**
 * Invariants that hold for any data, checked on random small datasets: a
 * churned customer was active at the start, retention mirrors churn when
 * nobody joins or comes back, NPS stays within −100..100, and additive
 * metrics split by a dimension add up to their total.
 */
const MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"];
const DAY = 86_400_000;
const T0 = Date.UTC(2023, 10, 1);

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

const customerArb = fc.record({
  region: fc.constantFrom("North", "South", null),
  channel: fc.constantFrom("ads", "referral", null),
  createdDay: fc.integer({ min: 0, max: 200 }),
  terms: fc.array(
    fc.record({
      startDay: fc.integer({ min: 0, max: 220 }),
      lengthDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      amount: fc.integer({ min: 0, max: 500 }),
      interval: fc.constantFrom("month", "quarter", "year"),
    }),
    { maxLength: 3 },
  ),
  orders: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 240 }),
      amount: fc.integer({ min: 1, max: 900 }),
      refund: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  surveys: fc.array(
    fc.record({
      day: fc.integer({ min: 60, max: 240 }),
      score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
});

type CustomerSpec = typeof customerArb extends fc.Arbitrary<infer T> ? T : never;

function dataset(customers: CustomerSpec[]) {
  const rows = {
    customers: [] as TinyRow[],
    subscriptions: [] as TinyRow[],
    orders: [] as TinyRow[],
    survey_responses: [] as TinyRow[],
  };
  customers.forEach((c, i) => {
    const id = `c${i}`;
    rows.customers.push({
      customer_id: id,
      region: c.region,
      acquisition_channel: c.channel,
      created_at: iso(T0 + c.createdDay * DAY),
    });
    c.terms.forEach((t, j) => {
      const start = T0 + t.startDay * DAY;
      rows.subscriptions.push({
        term_id: `${id}-t${j}`,
        subscription_id: `${id}-s`,
        customer_id: id,
        amount: String(t.amount),
        interval: t.interval,
        start_at: iso(start),
        end_at: t.lengthDays === null ? null : iso(start + t.lengthDays * DAY),
      });
    });
    c.orders.forEach((o, j) => {
      rows.orders.push({
        order_id: `${id}-o${j}`,
        customer_id: id,
        ordered_at: iso(T0 + o.day * DAY),
        amount: String(o.amount),
        type: o.refund ? "refund" : "purchase",
      });
    });
    c.surveys.forEach((s, j) => {
      rows.survey_responses.push({
        response_id: `${id}-r${j}`,
        survey: "nps",
        customer_id: id,
        sent_at: iso(T0 + s.day * DAY),
        responded_at: s.score === null ? null : iso(T0 + s.day * DAY + 3_600_000),
        score: s.score,
      });
    });
  });
  return rows;
}

const ADDITIVE_KINDS = new Set(["count", "sum"]);

function total(values: readonly MetricValue[], metric: string, period: string) {
  return values.find((v) => v.metric === metric && v.period === period && v.segment === null);
}

describe("metric invariants on random data", () => {
  it("hold for every period and segment", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(customerArb, { minLength: 1, maxLength: 12 }), async (customers) => {
        const engine = await tinyDataset(dataset(customers));
        try {
          const { values } = await runReport(engine, {
            metrics: "all",
            from: MONTHS[0],
            to: MONTHS.at(-1),
            by: ["region"],
          });
          for (const period of MONTHS) {
            const churn = total(values, "customer_churn_rate", period);
            const churned = total(values, "churned_customers", period);
            expect(churned?.value ?? 0).toBeLessThanOrEqual(churn?.denominator ?? 0);
            const fresh = total(values, "new_customers", period)?.value ?? 0;
            const back = total(values, "reactivated_customers", period)?.value ?? 0;
            const retention = total(values, "customer_retention_rate", period);
            if (fresh === 0 && back === 0 && churn?.value != null && retention?.value != null) {
              expect(retention.value).toBeCloseTo(1 - churn.value, 12);
            }
            const nps = total(values, "nps", period);
            if (nps?.value != null) {
              expect(nps.value).toBeGreaterThanOrEqual(-100);
              expect(nps.value).toBeLessThanOrEqual(100);
            }
          }
          // Additive metrics: the regions (with the empty bucket) add up to the total.
          for (const v of values) {
            if (v.segment === null || !("region" in v.segment)) continue;
            const definition = findMetric(v.metric);
            if (!definition || v.metric !== definition.id || !ADDITIVE_KINDS.has(definition.kind)) continue;
            const parts = values.filter(
              (p) => p.metric === v.metric && p.period === v.period && p.segment && "region" in p.segment,
            );
            const sum = parts.reduce((acc, p) => acc + (p.value ?? 0), 0);
            expect(sum).toBeCloseTo(total(values, v.metric, v.period)?.value ?? 0, 6);
          }
        } finally {
          await engine.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
