import { minimize } from "./optimize.js";
import { hypergeometric2F1, lnBeta, lnGamma, logSumExp } from "./special.js";

/**
 * The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your
 * customers the easy way", Marketing Science 24(2)): while alive a customer
 * buys as a Poisson process of rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b). Equation numbers below are
 * the paper's. Time is in one unit throughout (crm-kpi uses weeks).
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** One customer's calibration summary, Fader–Hardie style. */
export interface PurchaseHistory {
  /** x: repeat purchases (purchase days after the first). */
  readonly frequency: number;
  /** t_x: time from the first purchase to the last one (0 without repeats). */
  readonly recency: number;
  /** T: time from the first purchase to the end of calibration. */
  readonly age: number;
}

/** ln L(r, α, a, b | x, t_x, T) of one customer (eq. 6, in logs as in Fader–Hardie's note on its implementation). */
export function bgNbdCustomerLogLikelihood(params: BgNbdParams, history: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, recency: tx, age: T } = history;
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const a2 = lnBeta(a, b + x) - lnBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 =
    x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : Number.NEGATIVE_INFINITY;
  return a1 + a2 + logSumExp(a3, a4);
}

/**
 * Σ ln L over customers, each history counted `weight` times (customers
 * with the same x, t_x, T). Frequencies are whole numbers, so the gamma
 * and beta ratios come from running sums of logs (lnΓ(r+x) − lnΓ(r) =
 * Σ_{k<x} ln(r+k)) computed once per call: a fit calls this thousands of times.
 */
export function bgNbdLogLikelihood(
  params: BgNbdParams,
  histories: readonly (PurchaseHistory & { readonly weight?: number })[],
): number {
  const { r, alpha, a, b } = params;
  let maxX = 0;
  for (const h of histories) maxX = Math.max(maxX, h.frequency);
  // gammaRatio[x] = ln Γ(r+x)/Γ(r); betaRatio[x] = ln B(a, b+x)/B(a, b).
  const gammaRatio = new Float64Array(maxX + 1);
  const betaRatio = new Float64Array(maxX + 1);
  for (let x = 1; x <= maxX; x++) {
    gammaRatio[x] = (gammaRatio[x - 1] as number) + Math.log(r + x - 1);
    betaRatio[x] = (betaRatio[x - 1] as number) + Math.log(b + x - 1) - Math.log(a + b + x - 1);
  }
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  let sum = 0;
  for (const h of histories) {
    const x = h.frequency;
    const a3 = -(r + x) * Math.log(alpha + h.age);
    const a4 =
      x > 0 ? lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.recency) : Number.NEGATIVE_INFINITY;
    const ll = (gammaRatio[x] as number) + r * lnAlpha + (betaRatio[x] as number) + logSumExp(a3, a4);
    sum += (h.weight ?? 1) * ll;
  }
  return sum;
}

/**
 * The bracket of eqs. 7 and 10, 1 − ((β)/(β+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(β+t))
 * with β = α (eq. 7) or α + T (eq. 10), through Euler's transformation
 * ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z): the result,
 * 1 − (β/(β+t))^(a−1) ₂F₁(a−1, a+b−1−r; a+b+x−1; z), keeps its upper
 * parameters fixed as x grows, where the direct form loses every digit
 * (x in the hundreds).
 */
function purchaseBracket(params: BgNbdParams, t: number, beta: number, x: number): number {
  const { r, a, b } = params;
  const z = t / (beta + t);
  return 1 - (beta / (beta + t)) ** (a - 1) * hypergeometric2F1(a - 1, a + b - 1 - r, a + b + x - 1, z);
}

/**
 * E over p ~ Beta(a, b + x) of (1 − (β/(β + p·t))^shape) / p: the same
 * expectation as the closed forms, as an integral over the dropout
 * probability (alive, a customer with dropout p and rate λ ~ Gamma(shape, β)
 * expects (1 − e^(−λpt))/p purchases in t). Used where ₂F₁ overflows: a
 * large a (thousands: nobody seems to drop out) makes its series terms
 * astronomically large, while Beta(a, b + x) is then narrow and smooth, so
 * Simpson's rule over its mean ± 12 standard deviations is exact to many digits.
 */
export function purchasesByIntegral(
  params: BgNbdParams,
  t: number,
  beta: number,
  shape: number,
  x: number,
): number {
  const { nodes, weights } = betaGrid(params.a, params.b + x);
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const p = nodes[i] as number;
    sum += (weights[i] as number) * (-Math.expm1(-shape * Math.log1p((p * t) / beta)) / p);
  }
  return sum;
}

const SIMPSON_STEPS = 120;
// The grid depends on (a, b + x) only; CLV asks for it at every week of the horizon.
const grids = new Map<string, { nodes: Float64Array; weights: Float64Array }>();

/** Simpson nodes over Beta(a, b)'s mean ± 12 sd and their normalized weights (density × rule). */
function betaGrid(a: number, b: number): { nodes: Float64Array; weights: Float64Array } {
  const key = `${a}|${b}`;
  const hit = grids.get(key);
  if (hit) return hit;
  const mean = a / (a + b);
  const sd = Math.sqrt((mean * (1 - mean)) / (a + b + 1));
  const lo = Math.max(Number.MIN_VALUE, mean - 12 * sd);
  const hi = Math.min(1 - Number.EPSILON, mean + 12 * sd);
  const h = (hi - lo) / SIMPSON_STEPS;
  const nodes = new Float64Array(SIMPSON_STEPS + 1);
  const weights = new Float64Array(SIMPSON_STEPS + 1);
  // The density relative to its value at the mean, so nothing overflows; the sum normalizes it.
  const atMean = (a - 1) * Math.log(mean) + (b - 1) * Math.log1p(-mean);
  let mass = 0;
  for (let i = 0; i <= SIMPSON_STEPS; i++) {
    const p = lo + i * h;
    const rule = i === 0 || i === SIMPSON_STEPS ? 1 : i % 2 === 1 ? 4 : 2;
    nodes[i] = p;
    weights[i] = rule * Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p) - atMean);
    mass += weights[i] as number;
  }
  for (let i = 0; i <= SIMPSON_STEPS; i++) weights[i] = (weights[i] as number) / mass;
  if (grids.size > 2000) grids.clear();
  const grid = { nodes, weights };
  grids.set(key, grid);
  return grid;
}

/** Where the closed forms stop being computable in floating point (see purchasesByIntegral). */
const LARGE_A = 50;

/** E[X(t)]: expected purchases of a randomly chosen new customer in (0, t] (eq. 7; a ≠ 1). */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return 0;
  const closed = a > LARGE_A ? Number.NaN : ((a + b - 1) / (a - 1)) * purchaseBracket(params, t, alpha, 0);
  return Number.isFinite(closed) ? closed : purchasesByIntegral(params, t, alpha, r, 0);
}

/** P(X(t) = n): the probability of exactly n purchases in (0, t] (eq. 8). */
export function probabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  const lnBab = lnBeta(a, b);
  const lnRatio = Math.log(alpha / (alpha + t));
  const lnShare = Math.log(t / (alpha + t));
  // Γ(r + j) / (Γ(r) j!) (α/(α+t))^r (t/(α+t))^j: the NBD probability of j events.
  const nbd = (j: number) =>
    Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnRatio + (j === 0 ? 0 : j * lnShare));
  const alive = Math.exp(lnBeta(a, b + n) - lnBab) * nbd(n);
  if (n === 0) return alive;
  let below = 0;
  for (let j = 0; j < n; j++) below += nbd(j);
  return alive + Math.exp(lnBeta(a + 1, b + n - 1) - lnBab) * (1 - below);
}

/** The odds term of eqs. 10 and 11: δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x). */
function deadOdds(params: BgNbdParams, history: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, recency: tx, age: T } = history;
  if (x === 0) return 0;
  return (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

/** P(alive | x, t_x, T) at the end of calibration; 1 for a customer with no repeat purchase. */
export function probabilityAlive(params: BgNbdParams, history: PurchaseHistory): number {
  return 1 / (1 + deadOdds(params, history));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t after calibration (eq. 10; a ≠ 1). */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  history: PurchaseHistory,
): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, age: T } = history;
  if (t <= 0) return 0;
  const closed =
    a > LARGE_A ? Number.NaN : ((a + b + x - 1) / (a - 1)) * purchaseBracket(params, t, alpha + T, x);
  const alive = Number.isFinite(closed) ? closed : purchasesByIntegral(params, t, alpha + T, r + x, x);
  return alive / (1 + deadOdds(params, history));
}

export interface BgNbdFit {
  readonly params: BgNbdParams;
  readonly logLikelihood: number;
}

/**
 * Maximum-likelihood r, α, a, b: Nelder–Mead on their logs (so they stay
 * positive), from r = a = b = 1 and α = the mean age (the scale of time).
 * Histories with the same x, t_x and T are summed once with their count.
 */
export function fitBgNbd(histories: readonly PurchaseHistory[]): BgNbdFit {
  const grouped = groupHistories(histories);
  const meanAge = histories.reduce((s, h) => s + h.age, 0) / Math.max(1, histories.length);
  const start = [0, Math.log(Math.max(meanAge, 1)), 0, 0];
  const toParams = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0] as number),
    alpha: Math.exp(v[1] as number),
    a: Math.exp(v[2] as number),
    b: Math.exp(v[3] as number),
  });
  // Bounded logs: far outside them the likelihood is flat and the optimizer would wander.
  const best = minimize(
    (v) => (v.some((x) => Math.abs(x) > 30) ? Number.NaN : -bgNbdLogLikelihood(toParams(v), grouped)),
    start,
  );
  return { params: toParams(best.x), logLikelihood: -best.value };
}

function groupHistories(histories: readonly PurchaseHistory[]): (PurchaseHistory & { weight: number })[] {
  const groups = new Map<string, PurchaseHistory & { weight: number }>();
  for (const h of histories) {
    const key = `${h.frequency}|${h.recency}|${h.age}`;
    const group = groups.get(key);
    if (group) group.weight++;
    else groups.set(key, { frequency: h.frequency, recency: h.recency, age: h.age, weight: 1 });
  }
  // Sorted so the sum's rounding does not depend on the input order.
  return [...groups.values()].sort(
    (p, q) => p.frequency - q.frequency || p.recency - q.recency || p.age - q.age,
  );
}
