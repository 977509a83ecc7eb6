import { minimize } from "./optimize.js";
import { lnGamma } from "./special.js";

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV",
 * JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary
 * value"): each purchase's value is Gamma(p, ν), ν ~ Gamma(q, v) across
 * customers, independent of when the purchases happen.
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/** A customer's repeat purchases: how many, and their mean value (> 0). */
export interface SpendHistory {
  readonly frequency: number;
  readonly meanValue: number;
}

/** ln L(p, q, v | x, m_x) of one customer with x ≥ 1 repeat purchases of mean m_x. */
export function gammaGammaCustomerLogLikelihood(params: GammaGammaParams, history: SpendHistory): number {
  const { p, q, v } = params;
  const { frequency: x, meanValue: m } = history;
  return (
    lnGamma(p * x + q) -
    lnGamma(p * x) -
    lnGamma(q) +
    q * Math.log(v) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(x * m + v)
  );
}

/**
 * Σ ln L over customers. The gamma terms depend on x only, so they are
 * computed once per distinct frequency rather than per customer: a fit
 * calls this thousands of times.
 */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  histories: readonly SpendHistory[],
): number {
  const { p, q, v } = params;
  const gammaTerms = new Map<number, number>();
  const lnGammaQ = lnGamma(q);
  const lnV = Math.log(v);
  let sum = 0;
  for (const { frequency: x, meanValue: m } of histories) {
    let g = gammaTerms.get(x);
    if (g === undefined) {
      g = lnGamma(p * x + q) - lnGamma(p * x) - lnGammaQ + p * x * Math.log(x);
      gammaTerms.set(x, g);
    }
    sum += g + q * lnV + (p * x - 1) * Math.log(m) - (p * x + q) * Math.log(x * m + v);
  }
  return sum;
}

/** The population's mean purchase value, p·v / (q − 1); null when q ≤ 1 (the mean is infinite). */
export function populationMeanValue(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.p * params.v) / (params.q - 1) : null;
}

/**
 * E[M | p, q, v, x, m_x]: the expected value of a customer's future
 * purchases, a weighted mean of the population mean and their own mean
 * (ν's posterior is Gamma(px + q, v + x·m_x)). Without a repeat purchase
 * it is the population mean. Null where the mean is infinite: q ≤ 1
 * without repeats, px + q ≤ 1 with them.
 *
 * @example expectedMeanValue({ p: 6.25, q: 3.74, v: 15.44 }, { frequency: 2, meanValue: 40 })
 */
export function expectedMeanValue(params: GammaGammaParams, history: SpendHistory | null): number | null {
  const { p, q, v } = params;
  if (!history || history.frequency === 0) return populationMeanValue(params);
  const { frequency: x, meanValue: m } = history;
  const shape = p * x + q - 1;
  return shape > 0 ? (p * (v + x * m)) / shape : null;
}

export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  readonly logLikelihood: number;
}

/**
 * Maximum-likelihood p, q, v over customers with at least one repeat
 * purchase and a positive mean, on logs, from p = 1, q = 2, v = the mean
 * of the means (where E[M] = v).
 */
export function fitGammaGamma(histories: readonly SpendHistory[]): GammaGammaFit {
  const usable = histories
    .filter((h) => h.frequency > 0 && h.meanValue > 0)
    .sort((a, b) => a.frequency - b.frequency || a.meanValue - b.meanValue);
  const mean = usable.reduce((s, h) => s + h.meanValue, 0) / Math.max(1, usable.length);
  const toParams = (x: readonly number[]): GammaGammaParams => ({
    p: Math.exp(x[0] as number),
    q: Math.exp(x[1] as number),
    v: Math.exp(x[2] as number),
  });
  const best = minimize(
    (x) => (x.some((t) => Math.abs(t) > 40) ? Number.NaN : -gammaGammaLogLikelihood(toParams(x), usable)),
    [0, Math.log(2), Math.log(Math.max(mean, 1e-9))],
  );
  return { params: toParams(best.x), logLikelihood: -best.value };
}
