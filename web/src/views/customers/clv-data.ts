/**
 * Pure transforms of GET /api/v1/predict/clv for the customers view: the
 * CLV histogram's bins and the calibration/holdout bars. They never mutate
 * their input; zero, empty and missing values give empty results.
 */

export interface ClvBin {
  /** Lower edge (inclusive); the last bin is open-ended ("≥ from"). */
  readonly from: number;
  /** Upper edge (exclusive); null for the last, open-ended bin. */
  readonly to: number | null;
  readonly customers: number;
}

/**
 * Equal-width bins from 0 to the 95th percentile, plus one open-ended bin
 * for the rest, so a few very valuable customers do not squash every other
 * bar into the first one. Customers without a CLV (null) are not counted.
 *
 * @example clvHistogram([0, 5, 10, 1000], 2) // bins [0, 5), [5, 10), ≥ 10 (the 95th percentile)
 */
export function clvHistogram(values: readonly (number | null | undefined)[], bins = 10): ClvBin[] {
  const known = values
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (known.length === 0) return [];
  const low = Math.min(0, known[0] as number);
  const cap = known[Math.min(known.length - 1, Math.floor(0.95 * (known.length - 1)))] as number;
  if (cap <= low) return [{ from: low, to: null, customers: known.length }];
  const width = (cap - low) / bins;
  const counts = new Array<number>(bins + 1).fill(0);
  for (const v of known) {
    const index = v >= cap ? bins : Math.min(bins - 1, Math.floor((v - low) / width));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const out: ClvBin[] = counts.map((customers, i) => ({
    from: low + i * width,
    to: i === bins ? null : low + (i + 1) * width,
    customers,
  }));
  // An empty open-ended bin says nothing.
  return out[bins]?.customers === 0 ? out.slice(0, bins) : out;
}

export interface HoldoutGroupJson {
  readonly label: string;
  readonly customers: number;
  readonly actual: number;
  readonly predicted: number;
}

/** Categories and the two series of the calibration/holdout chart. */
export function holdoutBars(groups: readonly HoldoutGroupJson[] | null | undefined): {
  categories: string[];
  actual: number[];
  predicted: number[];
} {
  const list = groups ?? [];
  return {
    categories: list.map((g) => g.label),
    actual: list.map((g) => g.actual),
    predicted: list.map((g) => g.predicted),
  };
}
