/**
 * Ranking quality of scores against 0/1 outcomes: AUC, lift in the top
 * decile, and decile numbers. Ties are handled without depending on row order.
 */

/**
 * Area under the ROC curve by the Mann–Whitney U statistic: the share of
 * (positive, negative) pairs the scores order correctly, a tie counting one
 * half (average ranks). Null when either class is empty.
 *
 * @example rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]) // 0.875
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const ranks = averageRanks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) {
      positives++;
      rankSum += ranks[i] ?? 0;
    }
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** 1-based ranks of `values` in ascending order, tied values sharing their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1] ?? 0] === values[order[start] ?? 0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k] ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Lift in the top `fraction` (default a decile, ⌈n/10⌉ rows): the positive
 * rate among the highest scores over the overall positive rate. Scores tied
 * across the cut count in proportion (the expected value under a random
 * tie-break), so the figure does not depend on row order. Null without positives.
 *
 * @example liftAtTop([0.9, 0.8, 0.1, 0.1], [1, 0, 0, 0], 0.25) // 4
 */
export function liftAtTop(
  scores: readonly number[],
  labels: readonly number[],
  fraction = 0.1,
): number | null {
  const n = scores.length;
  const positives = labels.filter((l) => l === 1).length;
  if (n === 0 || positives === 0) return null;
  const take = Math.max(1, Math.ceil(n * fraction - 1e-9));
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  let taken = 0;
  let hits = 0;
  let start = 0;
  while (start < n && taken < take) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1] ?? 0] === scores[order[start] ?? 0]) end++;
    const size = end - start + 1;
    let groupHits = 0;
    for (let k = start; k <= end; k++) groupHits += labels[order[k] ?? 0] === 1 ? 1 : 0;
    const used = Math.min(size, take - taken);
    hits += (groupHits * used) / size;
    taken += used;
    start = end + 1;
  }
  return hits / take / (positives / n);
}

/**
 * Decile of each score, 1 = the highest tenth: rows ranked by score
 * (descending), decile = ⌊10 · position / n⌋ + 1, tied scores taking the
 * decile of the first of them.
 *
 * @example scoreDeciles([0.1, 0.9]) // [6, 1]
 */
export function scoreDeciles(scores: readonly number[]): number[] {
  const n = scores.length;
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const deciles = new Array<number>(n).fill(0);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1] ?? 0] === scores[order[start] ?? 0]) end++;
    const decile = Math.floor((10 * start) / n) + 1;
    for (let k = start; k <= end; k++) deciles[order[k] ?? 0] = decile;
    start = end + 1;
  }
  return deciles;
}
