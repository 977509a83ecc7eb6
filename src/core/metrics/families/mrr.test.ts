import { describe, expect, it } from "vitest";
import { tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";

interface TermSpec {
  readonly amount: string;
  readonly interval?: "month" | "quarter" | "year";
  readonly start: string;
  readonly end?: string;
  readonly canceled?: string;
}

/** A customer with a chain of terms (one subscription_id). */
function subscriber(id: string, region: string | null, terms: readonly TermSpec[]) {
  return {
    customer: { customer_id: id, created_at: "2023-01-01", region },
    terms: terms.map((t, i) => ({
      term_id: `${id}-${i}`,
      subscription_id: `s-${id}`,
      customer_id: id,
      amount: t.amount,
      interval: t.interval ?? "month",
      start_at: t.start,
      end_at: t.end ?? null,
      canceled_at: t.canceled ?? null,
    })),
  };
}

// March 2024, MRR at start (just before 03-01) and at end (just before 04-01):
const PEOPLE = [
  subscriber("steady", "North", [{ amount: "10", start: "2024-01-01" }]), // 10 → 10
  subscriber("grow", "North", [
    { amount: "10", start: "2024-01-01", end: "2024-03-10" },
    { amount: "30", start: "2024-03-10" },
  ]), // 10 → 30: expansion 20
  subscriber("shrink", "South", [
    { amount: "120", interval: "year", start: "2024-01-01", end: "2024-03-15" },
    { amount: "4", start: "2024-03-15" },
  ]), // 10 → 4: contraction 6
  subscriber("leave", "South", [
    { amount: "60", interval: "quarter", start: "2024-01-01", canceled: "2024-03-20" },
  ]), // 20 → 0: churned 20
  subscriber("fresh", null, [{ amount: "15", start: "2024-03-05" }]), // 0 → 15: new
  subscriber("trial", null, [
    { amount: "0", start: "2024-02-01", end: "2024-03-01" },
    { amount: "25", start: "2024-03-01" },
  ]), // 0 → 25: a trial turning paid is new, not reactivation
  subscriber("back", "North", [
    { amount: "30", interval: "quarter", start: "2023-01-01", end: "2023-04-01" },
    { amount: "12", start: "2024-03-12" },
  ]), // 0 → 12: reactivation
];

const PEER_METRICS = [
  "arr",
  "paying_customers",
  "arpa",
  "quick_ratio",
  "net_mrr_churn_rate",
  "gross_mrr_churn_rate",
  "mrr_ltv",
];

async function marchReport(by: string[] = [], params: Record<string, string> = {}) {
  const engine = await tinyDataset({
    customers: PEOPLE.map((p) => p.customer),
    subscriptions: PEOPLE.flatMap((p) => p.terms),
  });
  const result = await runReport(engine, {
    metrics: [
      "mrr",
      "mrr_new",
      "mrr_expansion",
      "mrr_contraction",
      "mrr_churned",
      "mrr_reactivation",
      "net_revenue_retention",
      "gross_revenue_retention",
      ...PEER_METRICS,
    ],
    grain: "month",
    from: "2023-12",
    to: "2024-03",
    by,
    params,
  });
  return {
    engine,
    get: (id: string, period = "2024-03", segment: Record<string, string | null> | null = null) =>
      result.values.find(
        (v) =>
          v.metric === id && v.period === period && JSON.stringify(v.segment) === JSON.stringify(segment),
      ),
  };
}

describe("§2 MRR", () => {
  it("MRR divides by the interval's months and each customer falls in one movement", async () => {
    const { get } = await marchReport();
    expect(get("mrr")?.value).toBe(10 + 30 + 4 + 15 + 25 + 12);
    expect(get("mrr", "2024-02")?.value).toBe(10 + 10 + 10 + 20);
    expect(get("mrr_new")?.value).toBe(15 + 25);
    expect(get("mrr_expansion")?.value).toBe(20);
    expect(get("mrr_contraction")?.value).toBe(6);
    expect(get("mrr_churned")?.value).toBe(20);
    expect(get("mrr_reactivation")?.value).toBe(12);
    // The bridge: MRR at end = MRR at start + new + reactivation + expansion − contraction − churned.
    const v = (id: string) => get(id)?.value ?? Number.NaN;
    expect(
      (get("mrr", "2024-02")?.value ?? Number.NaN) +
        v("mrr_new") +
        v("mrr_reactivation") +
        v("mrr_expansion") -
        v("mrr_contraction") -
        v("mrr_churned"),
    ).toBe(v("mrr"));
  });

  it("NRR and GRR expose MRR at start as the denominator, null when nobody paid at start", async () => {
    const { get } = await marchReport();
    expect(get("net_revenue_retention")).toMatchObject({ numerator: 50 + 20 - 6 - 20, denominator: 50 });
    expect(get("net_revenue_retention")?.value).toBeCloseTo(0.88, 12);
    expect(get("gross_revenue_retention")).toMatchObject({ numerator: 50 - 6 - 20, denominator: 50 });
    expect(get("gross_revenue_retention")?.value).toBeCloseTo(0.48, 12);
    // December 2023: the quarterly term of "back" ended in April, nobody pays at the start.
    expect(get("net_revenue_retention", "2023-12")).toMatchObject({ value: null, denominator: 0 });
    expect(get("mrr", "2023-12")?.value).toBe(0);
  });

  it("a customer dimension splits every movement and the buckets add up to the total", async () => {
    const { get } = await marchReport(["region"]);
    expect(get("mrr", "2024-03", { region: "North" })?.value).toBe(10 + 30 + 12);
    expect(get("mrr", "2024-03", { region: null })?.value).toBe(40);
    expect(get("mrr_churned", "2024-03", { region: "South" })?.value).toBe(20);
    expect(get("mrr_reactivation", "2024-03", { region: "South" })?.value).toBe(0);
    expect(get("net_revenue_retention", "2024-03", { region: "North" })).toMatchObject({
      numerator: 40,
      denominator: 20,
      value: 2,
    });
  });

  it("explain lists the customers behind a movement with their change", async () => {
    const { engine } = await marchReport();
    const result = await explainMetric(engine, { metric: "mrr_contraction", period: "2024-03" });
    expect(result.value.value).toBe(6);
    expect(result.rows.map((r) => [r.part, r.entity, r.recordId, r.amount])).toEqual([
      ["value", "customers", "shrink", 6],
    ]);
    const nrr = await explainMetric(engine, { metric: "net_revenue_retention", period: "2024-03" });
    expect(
      nrr.rows
        .filter((r) => r.part === "denominator")
        .map((r) => r.recordId)
        .sort(),
    ).toEqual(["grow", "leave", "shrink", "steady"]);
  });
});

describe("the metrics peers have (issue 12 part 4), on the same March", () => {
  // At start: steady 10, grow 10, shrink 10, leave 20 = 50. At end: steady 10, grow 30, shrink 4,
  // fresh 15, trial 25, back 12 = 96 over 6 paying customers.
  it("ARR is 12 × MRR, paying customers count MRR > 0 at the end, ARPA divides the two", async () => {
    const { get } = await marchReport();
    expect(get("arr")?.value).toBe(12 * 96);
    expect(get("arr", "2024-02")?.value).toBe(12 * 50);
    expect(get("paying_customers")?.value).toBe(6);
    expect(get("paying_customers", "2024-02")?.value).toBe(4);
    expect(get("arpa")).toMatchObject({ numerator: 96, denominator: 6, value: 16 });
    expect(get("arpa", "2023-12")).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it("the quick ratio divides MRR gained by MRR lost", async () => {
    const { get } = await marchReport();
    // new 15 + 25, expansion 20, reactivation 12; contraction 6, churned 20.
    expect(get("quick_ratio")).toMatchObject({ numerator: 40 + 20 + 12, denominator: 6 + 20 });
    expect(get("quick_ratio")?.value).toBeCloseTo(72 / 26, 12);
    // February: nothing lost, the ratio is undefined rather than infinite.
    expect(get("quick_ratio", "2024-02")).toMatchObject({ denominator: 0, value: null });
  });

  it("net and gross MRR churn rates follow ChartMogul: over MRR at start, net takes growth off", async () => {
    const { get } = await marchReport();
    expect(get("gross_mrr_churn_rate")).toMatchObject({ numerator: 26, denominator: 50 });
    expect(get("gross_mrr_churn_rate")?.value).toBeCloseTo(0.52, 12);
    // Gross MRR churn is what gross revenue retention keeps not.
    expect(get("gross_mrr_churn_rate")?.value).toBeCloseTo(
      1 - (get("gross_revenue_retention")?.value ?? 0),
      12,
    );
    // Expansion 20 and reactivation 12 outweigh churn 20 and contraction 6: net churn is negative.
    expect(get("net_mrr_churn_rate")).toMatchObject({ numerator: 20 + 6 - 20 - 12, denominator: 50 });
    expect(get("net_mrr_churn_rate")?.value).toBeCloseTo(-0.12, 12);
    expect(get("net_mrr_churn_rate", "2023-12")).toMatchObject({ denominator: 0, value: null });
  });

  it("MRR-based LTV is ARPA × gross margin over the monthly gross MRR churn rate", async () => {
    const { get } = await marchReport();
    expect(get("mrr_ltv")?.numerator).toBeCloseTo(16, 12);
    expect(get("mrr_ltv")?.denominator).toBeCloseTo(0.52, 12);
    expect(get("mrr_ltv")?.value).toBeCloseTo(16 / 0.52, 9);
    // No MRR lost in February: a lifetime without churn is undefined.
    expect(get("mrr_ltv", "2024-02")?.value).toBeNull();
    const margin = await marchReport([], { gross_margin: "0.8" });
    expect(margin.get("mrr_ltv")?.value).toBeCloseTo((16 * 0.8) / 0.52, 9);
    // gross_margin is the parameter clv declares: one value suits both.
    await expect(marchReport([], { gross_margin: "1.5" })).rejects.toMatchObject({ code: "bad_argument" });
  });

  it("a customer dimension splits them, and the regions' sums add up to the total", async () => {
    const { get } = await marchReport(["region"]);
    // North: steady 10 → 10, grow 10 → 30, back 0 → 12.
    expect(get("arr", "2024-03", { region: "North" })?.value).toBe(12 * 52);
    expect(get("paying_customers", "2024-03", { region: "North" })?.value).toBe(3);
    expect(get("arpa", "2024-03", { region: null })?.value).toBe(20);
    // South: shrink 10 → 4, leave 20 → 0: lost 26 of 30, nothing gained.
    expect(get("gross_mrr_churn_rate", "2024-03", { region: "South" })).toMatchObject({
      numerator: 26,
      denominator: 30,
    });
    expect(get("quick_ratio", "2024-03", { region: "South" })).toMatchObject({ numerator: 0, value: 0 });
    expect(get("mrr_ltv", "2024-03", { region: "North" })?.value).toBeNull();
    const regions = ["North", "South", null].map(
      (region) => get("paying_customers", "2024-03", { region })?.value ?? Number.NaN,
    );
    expect(regions.reduce((a, b) => a + b, 0)).toBe(get("paying_customers")?.value);
  });

  it("explain lists the customers behind each part", async () => {
    const { engine } = await marchReport();
    const quick = await explainMetric(engine, { metric: "quick_ratio", period: "2024-03" });
    const rows = (part: string) =>
      quick.rows
        .filter((r) => r.part === part)
        .map((r) => [r.recordId, r.amount])
        .sort();
    expect(rows("numerator")).toEqual([
      ["back", 12],
      ["fresh", 15],
      ["grow", 20],
      ["trial", 25],
    ]);
    expect(rows("denominator")).toEqual([
      ["leave", 20],
      ["shrink", 6],
    ]);
    const net = await explainMetric(engine, { metric: "net_mrr_churn_rate", period: "2024-03" });
    const numerator = net.rows.filter((r) => r.part === "numerator");
    expect(numerator.reduce((sum, r) => sum + (r.amount ?? 0), 0)).toBe(-6);
    const arr = await explainMetric(engine, { metric: "arr", period: "2024-03" });
    expect(arr.rows.find((r) => r.recordId === "grow")?.amount).toBe(360);
    const paying = await explainMetric(engine, { metric: "paying_customers", period: "2024-03" });
    expect(paying.rows.map((r) => r.recordId).sort()).toEqual([
      "back",
      "fresh",
      "grow",
      "shrink",
      "steady",
      "trial",
    ]);
  });
});

describe("mrr_ltv reads the period's churn per month", () => {
  // keep pays 30 a month all along; stop pays 10 a month and cancels on 2024-02-15.
  const people = [
    subscriber("keep", "North", [{ amount: "30", start: "2023-12-01" }]),
    subscriber("stop", "North", [{ amount: "10", start: "2023-12-01", canceled: "2024-02-15" }]),
  ];

  it("a quarter's churn is three months' churn: the same loss gives three times the lifetime", async () => {
    const engine = await tinyDataset({
      customers: people.map((p) => p.customer),
      subscriptions: people.flatMap((p) => p.terms),
    });
    const value = async (grain: "month" | "quarter", period: string) => {
      const r = await runReport(engine, {
        metrics: ["mrr_ltv", "gross_mrr_churn_rate"],
        grain,
        from: period,
        to: period,
      });
      return (id: string) => r.values.find((v) => v.metric === id && v.segment === null);
    };
    const feb = await value("month", "2024-02");
    // MRR 40 at start, 10 lost: 25 % in the month; ARPA 30.
    expect(feb("gross_mrr_churn_rate")?.value).toBeCloseTo(0.25, 12);
    expect(feb("mrr_ltv")?.value).toBeCloseTo(30 / 0.25, 9);
    const q1 = await value("quarter", "2024-Q1");
    expect(q1("gross_mrr_churn_rate")?.value).toBeCloseTo(0.25, 12);
    expect(q1("mrr_ltv")?.denominator).toBeCloseTo(0.25 / 3, 12);
    expect(q1("mrr_ltv")?.value).toBeCloseTo(30 / (0.25 / 3), 9);
    await engine.close();
  });
});
