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

async function marchReport(by: string[] = []) {
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
    ],
    grain: "month",
    from: "2023-12",
    to: "2024-03",
    by,
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
