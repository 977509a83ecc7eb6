/**
 * Discounted value of a stream of expected purchases: week k's expected
 * purchases E[Y(k)] − E[Y(k−1)] times the expected value per purchase,
 * discounted by (1 + R)^(−k/52) for an annual rate R. Weeks are the
 * model's time unit; a horizon that is not a whole number of weeks ends
 * with a shorter step.
 *
 * @example discountedValue((t) => 0.1 * t, 50, 52, 0.1) // ≈ 50 · 5.2 · 0.95
 */
export function discountedValue(
  cumulative: (weeks: number) => number,
  valuePerPurchase: number,
  horizonWeeks: number,
  annualRate: number,
): number {
  let total = 0;
  let before = 0;
  let previous = cumulative(0);
  for (let k = 1; before < horizonWeeks; k++) {
    const t = Math.min(k, horizonWeeks);
    const now = cumulative(t);
    total += (now - previous) * (1 + annualRate) ** (-t / 52);
    before = t;
    previous = now;
  }
  return total * valuePerPurchase;
}
