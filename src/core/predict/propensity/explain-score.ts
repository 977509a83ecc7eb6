/** One feature's push on a score: coefficient × standardized value, on the log-odds scale. */
export interface FeatureContribution {
  readonly feature: string;
  readonly contribution: number;
}

/**
 * The `count` features that moved a score most (largest |β_j · z_j|), the
 * earlier feature first on a tie, so the explanation is deterministic.
 *
 * @example topContributions(["a", "b"], [2, -1], [0.5, -3], 1) // [{ feature: "b", contribution: 3 }]
 */
export function topContributions(
  features: readonly string[],
  coefficients: readonly number[],
  z: readonly number[],
  count = 3,
): FeatureContribution[] {
  return features
    .map((feature, j) => ({ feature, j, contribution: (coefficients[j] ?? 0) * (z[j] ?? 0) }))
    .filter((c) => c.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.j - b.j)
    .slice(0, count)
    .map(({ feature, contribution }) => ({ feature, contribution }));
}
