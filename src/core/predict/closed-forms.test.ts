import { describe, expect, it } from "vitest";
import {
  bgNbdCustomerLogLikelihood,
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  probabilityOfPurchases,
  purchasesByIntegral,
} from "./bg-nbd.js";
import { discountedValue } from "./discount.js";
import { expectedMeanValue, gammaGammaCustomerLogLikelihood, populationMeanValue } from "./gamma-gamma.js";

// Small cases worked by hand from Fader, Hardie & Lee (2005), eqs. 6–11, and Fader & Hardie (2013).
describe("BG/NBD closed forms", () => {
  it("P(X(t) = 0) = (α/(α+t))^r and P(X(t) = 1) follows eq. 8", () => {
    const params = { r: 2, alpha: 1, a: 2, b: 3 };
    expect(probabilityOfPurchases(params, 1, 0)).toBeCloseTo(0.25, 12);
    // B(2,4)/B(2,3) = 3/5, B(3,3)/B(2,3) = 2/5: 3/5 · 2 · 1/4 · 1/2 + 2/5 · (1 − 1/4) = 0.15 + 0.3.
    expect(probabilityOfPurchases(params, 1, 1)).toBeCloseTo(0.45, 12);
  });

  it("the P(X(t) = n) sum to 1 and their mean is E[X(t)]", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = probabilityOfPurchases(params, 39, n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(expectedPurchases(params, 39)).toBeCloseTo(mean, 6);
  });

  it("E[X(t)] with r = b = 1, a = 2, α = t = 1 is 2 − 2 ln 2 (₂F₁(1, 1; 2; z) = −ln(1 − z)/z)", () => {
    expect(expectedPurchases({ r: 1, alpha: 1, a: 2, b: 1 }, 1)).toBeCloseTo(2 - 2 * Math.LN2, 12);
    expect(expectedPurchases({ r: 1, alpha: 1, a: 2, b: 1 }, 0)).toBe(0);
  });

  it("the conditional expectation of a customer without repeats, T = 1, t = 2, α = 1 is 2 − 2 ln 2", () => {
    const params = { r: 1, alpha: 1, a: 2, b: 1 };
    const history = { frequency: 0, recency: 0, age: 1 };
    expect(conditionalExpectedPurchases(params, 2, history)).toBeCloseTo(2 - 2 * Math.LN2, 12);
  });

  it("a customer seen at T = 0 expects what a new customer expects (eq. 10 becomes eq. 7)", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const fresh = { frequency: 0, recency: 0, age: 0 };
    expect(conditionalExpectedPurchases(params, 52, fresh)).toBeCloseTo(expectedPurchases(params, 52), 10);
  });

  it("the integral over p gives what the closed forms give, and stays finite for a in the thousands", () => {
    const params = { r: 1.3, alpha: 6, a: 20, b: 300 };
    const history = { frequency: 12, recency: 30, age: 40 };
    // Closed form over the alive share, against the integral with λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x).
    const alive =
      conditionalExpectedPurchases(params, 52, history) * (1 + 1 / probabilityAlive(params, history) - 1);
    expect(purchasesByIntegral(params, 52, 6 + 40, 1.3 + 12, 12)).toBeCloseTo(alive, 8);
    expect(purchasesByIntegral(params, 39, 6, 1.3, 0)).toBeCloseTo(expectedPurchases(params, 39), 8);
    const huge = { r: 1.27, alpha: 6.06, a: 36_798, b: 928_340 };
    const value = conditionalExpectedPurchases(huge, 13, history);
    // Dropout p ≈ 0.038 a purchase: a little under (r + x)/(α + T) a week while alive.
    const ceiling = (13 * (1.27 + 12)) / (6.06 + 40);
    expect(value / probabilityAlive(huge, history)).toBeLessThan(ceiling);
    expect(value / probabilityAlive(huge, history)).toBeGreaterThan(0.8 * ceiling);
    expect(expectedPurchases(huge, 13)).toBeLessThan((13 * 1.27) / 6.06);
    expect(expectedPurchases(huge, 13)).toBeGreaterThan((0.8 * 13 * 1.27) / 6.06);
  });

  it("P(alive) is 1 without a repeat purchase and 1/(1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) with one", () => {
    const params = { r: 1, alpha: 1, a: 2, b: 3 };
    expect(probabilityAlive(params, { frequency: 0, recency: 0, age: 30 })).toBe(1);
    // 2/3 · (3/2)² = 1.5 → 1/2.5.
    expect(probabilityAlive(params, { frequency: 1, recency: 1, age: 2 })).toBeCloseTo(0.4, 12);
  });

  it("a repeat buyer who went quiet long ago is less likely alive and expects fewer purchases", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const recent = { frequency: 4, recency: 38, age: 39 };
    const quiet = { frequency: 4, recency: 5, age: 39 };
    expect(probabilityAlive(params, quiet)).toBeLessThan(probabilityAlive(params, recent));
    expect(conditionalExpectedPurchases(params, 39, quiet)).toBeLessThan(
      conditionalExpectedPurchases(params, 39, recent),
    );
  });

  it("the log-likelihood of a customer without repeats is r·ln(α/(α+T))", () => {
    const params = { r: 2, alpha: 1, a: 2, b: 3 };
    expect(bgNbdCustomerLogLikelihood(params, { frequency: 0, recency: 0, age: 1 })).toBeCloseTo(
      Math.log(0.25),
      12,
    );
  });

  it("the population log-likelihood is the sum of the customers' (eq. 6 per customer)", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const histories = [
      { frequency: 0, recency: 0, age: 30 },
      { frequency: 3, recency: 20.5, age: 31, weight: 2 },
      { frequency: 12, recency: 38, age: 39 },
    ];
    const direct = histories.reduce((s, h) => s + (h.weight ?? 1) * bgNbdCustomerLogLikelihood(params, h), 0);
    expect(bgNbdLogLikelihood(params, histories)).toBeCloseTo(direct, 9);
  });

  it("the log-likelihood of x = 1 adds the dropped-out term of eq. 6", () => {
    const params = { r: 1, alpha: 1, a: 2, b: 3 };
    // B(2,4)/B(2,3) · Γ(2)/Γ(1) · 1/(1+2)² + B(3,3)/B(2,3) · 1/(1+1)² = 3/5 · 1/9 + 2/5 · 1/4.
    expect(bgNbdCustomerLogLikelihood(params, { frequency: 1, recency: 1, age: 2 })).toBeCloseTo(
      Math.log(3 / 5 / 9 + 2 / 5 / 4),
      12,
    );
  });
});

describe("Gamma-Gamma closed forms", () => {
  it("with x = 1 and p = q = v = 1 the density of m is 1/(m+1)²", () => {
    const params = { p: 1, q: 1, v: 1 };
    expect(gammaGammaCustomerLogLikelihood(params, { frequency: 1, meanValue: 1 })).toBeCloseTo(
      -2 * Math.LN2,
      12,
    );
  });

  it("E[M] is p(v + x·m)/(px + q − 1), the population mean pv/(q − 1) without repeats", () => {
    const params = { p: 6.25, q: 3.74, v: 15.44 };
    expect(expectedMeanValue(params, { frequency: 2, meanValue: 40 })).toBeCloseTo(
      (6.25 * (15.44 + 80)) / (12.5 + 2.74),
      12,
    );
    expect(expectedMeanValue(params, null)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    // q ≤ 1: the population mean is infinite, a repeat buyer's posterior mean is not.
    expect(populationMeanValue({ p: 1, q: 0.9, v: 1 })).toBeNull();
    expect(expectedMeanValue({ p: 1, q: 0.9, v: 1 }, null)).toBeNull();
    expect(expectedMeanValue({ p: 1, q: 0.9, v: 1 }, { frequency: 1, meanValue: 3 })).toBeCloseTo(
      4 / 0.9,
      12,
    );
  });
});

describe("discounting", () => {
  it("without a discount rate it is expected purchases × value", () => {
    expect(discountedValue((t) => 0.1 * t, 50, 52, 0)).toBeCloseTo(0.1 * 52 * 50, 10);
  });

  it("discounts week k by (1 + R)^(−k/52)", () => {
    const direct = Array.from({ length: 52 }, (_, i) => 0.1 * 1.1 ** (-(i + 1) / 52)).reduce(
      (s, v) => s + v,
      0,
    );
    expect(discountedValue((t) => 0.1 * t, 50, 52, 0.1)).toBeCloseTo(direct * 50, 10);
    // Half a week at the end counts half a week's purchases.
    expect(discountedValue((t) => t, 1, 1.5, 0)).toBeCloseTo(1.5, 12);
  });
});
