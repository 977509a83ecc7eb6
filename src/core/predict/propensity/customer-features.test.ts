import { describe, expect, it } from "vitest";
import { customerFeatures, inPopulation, NUMERIC_FEATURES, outcomeIn } from "./customer-features.js";
import type { ActivityRule, CustomerHistory } from "./customer-history.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const subscription: ActivityRule = { mode: "subscription", inactivityDays: 365 };
const WINDOW = 90 * 86_400_000;

const history = (over: Partial<CustomerHistory>): CustomerHistory => ({
  id: "C1",
  name: null,
  createdMs: day("2024-01-01"),
  acquiredMs: day("2024-01-01"),
  channel: "ads",
  owner: "R1",
  terms: [],
  orders: [],
  upsellDealsMs: [],
  tickets: [],
  surveys: [],
  ...over,
});

describe("outcomeIn", () => {
  it("churn: active at the snapshot, no longer active at its window's end", () => {
    const h = history({
      terms: [{ startMs: day("2024-01-01"), endMs: day("2024-08-01"), plan: "pro", mrr: 50 }],
    });
    expect(inPopulation(h, day("2024-06-01"), subscription)).toBe(true);
    expect(outcomeIn(h, day("2024-06-01"), WINDOW, "churn", subscription)).toBe(1);
    expect(outcomeIn(h, day("2024-03-01"), WINDOW, "churn", subscription)).toBe(0);
    expect(inPopulation(h, day("2024-09-01"), subscription)).toBe(false);
  });

  it("upsell: MRR at the window's end above MRR at the snapshot, or a won upsell deal in the window", () => {
    const h = history({
      terms: [
        { startMs: day("2024-01-01"), endMs: day("2024-07-01"), plan: "basic", mrr: 20 },
        { startMs: day("2024-07-01"), endMs: null, plan: "pro", mrr: 50 },
      ],
      upsellDealsMs: [day("2024-12-15")],
    });
    expect(outcomeIn(h, day("2024-06-01"), WINDOW, "upsell", subscription)).toBe(1);
    expect(outcomeIn(h, day("2024-08-01"), WINDOW, "upsell", subscription)).toBe(0);
    expect(outcomeIn(h, day("2024-11-01"), WINDOW, "upsell", subscription)).toBe(1);
  });
});

describe("customerFeatures", () => {
  const at = (name: (typeof NUMERIC_FEATURES)[number], values: readonly number[]) =>
    values[NUMERIC_FEATURES.indexOf(name)];

  it("reads only what happened before the snapshot", () => {
    const h = history({
      terms: [
        { startMs: day("2024-01-01"), endMs: day("2024-05-01"), plan: "basic", mrr: 20 },
        { startMs: day("2024-05-01"), endMs: null, plan: "pro", mrr: 50 },
      ],
      orders: [
        { atMs: day("2024-02-01"), amount: 100, type: "purchase" },
        { atMs: day("2024-07-01"), amount: 900, type: "purchase" },
      ],
      tickets: [
        { createdMs: day("2024-05-10"), resolvedMs: day("2024-05-11") },
        { createdMs: day("2024-05-20"), resolvedMs: day("2024-06-20") },
      ],
      surveys: [
        { survey: "nps", atMs: day("2024-03-01"), score: 0.9 },
        { survey: "nps", atMs: day("2024-07-01"), score: 0.1 },
      ],
    });
    const f = customerFeatures(h, day("2024-06-01"));
    expect(at("mrr", f.numeric)).toBeCloseTo(Math.log1p(50), 12);
    // MRR 90 days earlier (2024-03-03) was 20.
    expect(at("mrr_trend_3m", f.numeric)).toBeCloseTo(Math.log1p(50) - Math.log1p(20), 12);
    expect(at("orders_365d", f.numeric)).toBeCloseTo(Math.log1p(1), 12);
    expect(at("order_monetary_365d", f.numeric)).toBeCloseTo(Math.log1p(100), 12);
    expect(at("tickets_180d", f.numeric)).toBeCloseTo(Math.log1p(2), 12);
    // The second ticket is resolved after the snapshot: still open then, and not in the mean resolution time.
    expect(at("open_tickets", f.numeric)).toBeCloseTo(Math.log1p(1), 12);
    expect(at("resolution_hours", f.numeric)).toBeCloseTo(Math.log1p(24), 12);
    expect(at("nps_latest", f.numeric)).toBe(0.9);
    expect(at("csat_latest", f.numeric)).toBeNaN();
    expect(f.categorical).toEqual({ plan: "pro", channel: "ads", owner: "R1" });
  });
});
