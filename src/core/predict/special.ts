import gammaln from "@stdlib/math-base-special-gammaln";
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";

/** ln Γ(x). */
export const lnGamma: (x: number) => number = gammaln;

/** Gauss's hypergeometric function ₂F₁(a, b; c; z), |z| < 1. */
export const hypergeometric2F1: (a: number, b: number, c: number, z: number) => number = hyp2f1;

/** ln B(a, b), the log of the beta function. */
export function lnBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/** ln(eᵃ + eᵇ) without overflow. */
export function logSumExp(a: number, b: number): number {
  const high = Math.max(a, b);
  if (high === Number.NEGATIVE_INFINITY) return high;
  return high + Math.log(Math.exp(a - high) + Math.exp(b - high));
}
