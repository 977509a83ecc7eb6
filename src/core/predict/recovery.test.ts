import { describe, expect, it } from "vitest";
import { beta, gamma, seeded } from "../../../test/support/btyd-simulation.js";
import { bgNbdLogLikelihood, fitBgNbd, type PurchaseHistory } from "./bg-nbd.js";
import { fitGammaGamma, gammaGammaLogLikelihood, type SpendHistory } from "./gamma-gamma.js";
import { minimize } from "./optimize.js";

/** Customers drawn from BG/NBD and Gamma-Gamma: first purchase at 0, observed for T weeks (39 to 78). */
function simulate(n: number, seed: number) {
  const random = seeded(seed);
  const truth = { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43, p: 6.25, q: 3.74, v: 15.44 };
  const histories: PurchaseHistory[] = [];
  const spend: SpendHistory[] = [];
  for (let i = 0; i < n; i++) {
    const age = 39 + 39 * random();
    const lambda = gamma(random, truth.r, truth.alpha);
    const dropout = beta(random, truth.a, truth.b);
    const nu = gamma(random, truth.q, truth.v);
    let t = 0;
    let frequency = 0;
    let recency = 0;
    let total = 0;
    // Alive at the first purchase (time 0); each repeat purchase may be the last (p).
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > age) break;
      frequency++;
      recency = t;
      total += gamma(random, truth.p, nu);
      if (random() < dropout) break;
    }
    histories.push({ frequency, recency, age });
    if (frequency > 0) spend.push({ frequency, meanValue: total / frequency });
  }
  return { truth, histories, spend };
}

// Fader, Hardie & Lee's CDNOW estimates (2005; r = 0.243, α = 4.414, a = 0.793, b = 2.426) and
// Fader & Hardie's Gamma-Gamma on the same customers (2013; p = 6.25, q = 3.74, v = 15.44).
describe("maximum likelihood recovers the parameters data were simulated from", () => {
  const { truth, histories, spend } = simulate(8000, 20260312);

  it("BG/NBD: r, α, a, b within their sampling error, and no lower likelihood than the truth", () => {
    const fit = fitBgNbd(histories);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(truth, histories) - 1e-6);
    expect(Math.abs(fit.params.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.alpha / truth.alpha - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.a / truth.a - 1)).toBeLessThan(0.3);
    expect(Math.abs(fit.params.b / truth.b - 1)).toBeLessThan(0.3);
  });

  it("Gamma-Gamma: p, q, v within their sampling error, and no lower likelihood than the truth", () => {
    const fit = fitGammaGamma(spend);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(truth, spend) - 1e-6);
    // The mean value pv/(q − 1) is pinned much more tightly than p, q, v one by one.
    const mean = (x: { p: number; q: number; v: number }) => (x.p * x.v) / (x.q - 1);
    expect(Math.abs(mean(fit.params) / mean(truth) - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.params.p / truth.p - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.params.q / truth.q - 1)).toBeLessThan(0.3);
    expect(Math.abs(fit.params.v / truth.v - 1)).toBeLessThan(0.35);
  });

  it("fits the same numbers twice (deterministic)", () => {
    const small = histories.slice(0, 500);
    expect(fitBgNbd(small)).toEqual(fitBgNbd([...small]));
  });
});

describe("minimize", () => {
  it("finds the minimum of Rosenbrock's valley", () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const found = minimize(rosenbrock, [-1.2, 1]);
    expect(found.x[0]).toBeCloseTo(1, 4);
    expect(found.x[1]).toBeCloseTo(1, 4);
  });

  it("treats non-finite values as walls", () => {
    const found = minimize(([x = 0]) => (x < 0 ? Number.NaN : (x - 2) ** 2), [1]);
    expect(found.x[0]).toBeCloseTo(2, 5);
  });
});
