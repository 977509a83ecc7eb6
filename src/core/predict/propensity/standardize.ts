/** Per-column z-scores (missing values, NaN, left out of the fit), fitted on training rows and applied unchanged to the rows being scored. */
export interface Standardizer {
  readonly means: readonly number[];
  /** Population standard deviations; a constant column gets 1, so its z-scores are 0. */
  readonly sds: readonly number[];
}

/** @example fitStandardizer([[1], [3]]) // { means: [2], sds: [1] } */
export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  const width = rows[0]?.length ?? 0;
  const n = rows.length;
  const means = new Array<number>(width).fill(0);
  const sds = new Array<number>(width).fill(1);
  if (n === 0) return { means, sds };
  for (let j = 0; j < width; j++) {
    let sum = 0;
    let count = 0;
    for (const row of rows) {
      const v = row[j] ?? Number.NaN;
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    const mean = count > 0 ? sum / count : 0;
    let squares = 0;
    for (const row of rows) {
      const v = row[j] ?? Number.NaN;
      if (Number.isFinite(v)) squares += (v - mean) ** 2;
    }
    const sd = count > 0 ? Math.sqrt(squares / count) : 0;
    means[j] = mean;
    sds[j] = sd > 1e-12 ? sd : 1;
  }
  return { means, sds };
}

/** z-scores of one row; a missing value (NaN) is imputed with the mean, i.e. z = 0. */
export function standardizeRow(s: Standardizer, row: readonly number[]): number[] {
  return row.map((v, j) => (Number.isFinite(v) ? (v - (s.means[j] ?? 0)) / (s.sds[j] ?? 1) : 0));
}
