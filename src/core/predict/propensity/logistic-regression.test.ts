import { describe, expect, it } from "vitest";
import { fitLogistic, predictProbability, sigmoid, solveSymmetric } from "./logistic-regression.js";

/** A small deterministic generator (mulberry32), so the synthetic data is the same on every run. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normals(seed: number): () => number {
  const u = uniforms(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

describe("fitLogistic", () => {
  it("recovers known coefficients from data simulated from the model", () => {
    const truth = { intercept: -0.7, coefficients: [1.2, -0.8, 0.4, 0] };
    const z = normals(11);
    const u = uniforms(12);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = truth.coefficients.map(() => z());
      const p = sigmoid(truth.intercept + row.reduce((s, v, j) => s + v * (truth.coefficients[j] ?? 0), 0));
      x.push(row);
      y.push(u() < p ? 1 : 0);
    }
    // λ = 1 against 20,000 rows barely shrinks: the estimates sit within sampling error (≈ 0.02) of the truth.
    const fit = fitLogistic(x, y, { lambda: 1 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(truth.intercept, 1);
    fit.coefficients.forEach((b, j) => {
      expect(Math.abs(b - (truth.coefficients[j] ?? 0))).toBeLessThan(0.06);
    });
  });

  it("stays finite on perfectly separable data, where the unpenalized fit diverges", () => {
    const x = [[-2], [-1], [-0.5], [0.5], [1], [2]];
    const y = [0, 0, 0, 1, 1, 1];
    const fit = fitLogistic(x, y, { lambda: 0.1 });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(1);
    expect(predictProbability(fit, [2])).toBeGreaterThan(0.9);
    // A stronger penalty shrinks the slope.
    expect(fitLogistic(x, y, { lambda: 10 }).coefficients[0]).toBeLessThan(fit.coefficients[0] ?? 0);
  });

  it("fits the base rate when every row has the same features", () => {
    const fit = fitLogistic([[0], [0], [0], [0]], [1, 0, 0, 0], { lambda: 1 });
    expect(sigmoid(fit.intercept)).toBeCloseTo(0.25, 4);
    expect(fit.coefficients[0]).toBeCloseTo(0, 8);
  });

  it("keeps the intercept finite when every label is 0", () => {
    const fit = fitLogistic([[1], [2], [3]], [0, 0, 0], { lambda: 1 });
    expect(Number.isFinite(fit.intercept)).toBe(true);
    expect(sigmoid(fit.intercept)).toBeLessThan(0.01);
  });

  it("gives the same coefficients twice (deterministic)", () => {
    const x = [
      [0.1, 2],
      [1.5, -1],
      [-0.3, 0.2],
      [2, 1],
      [-1, -2],
    ];
    const y = [0, 1, 0, 1, 0];
    expect(fitLogistic(x, y)).toEqual(fitLogistic(x, y));
  });
});

describe("solveSymmetric", () => {
  it("solves a positive definite system", () => {
    // [[4, 2], [2, 3]] · [1, 2] = [8, 8]
    const x = solveSymmetric(
      [
        [4, 2],
        [2, 3],
      ],
      [8, 8],
    );
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
  });
});
