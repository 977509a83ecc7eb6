/**
 * Minimizing a smooth function of a few unconstrained variables without
 * derivatives: Nelder–Mead (Lagarias et al. 1998 coefficients), restarted
 * from its own optimum until a restart no longer improves it, because a
 * single run can stall on a flat ridge (BG/NBD's r and α move together).
 * Deterministic: the same start gives the same result, bit for bit.
 */

export interface MinimizeOptions {
  /** Initial simplex step along each axis (default 0.5: parameters are logs, so ×1.65). */
  readonly step?: number;
  /** Stop a run when the simplex's values differ by less than this (default 1e-10, relative). */
  readonly tolerance?: number;
  /** Function evaluations per run (default 4000). */
  readonly maxEvaluations?: number;
  /** Runs at most (default 6). */
  readonly restarts?: number;
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/**
 * The minimum of `f` near `x0`. Non-finite values count as +∞, so `f` may
 * refuse a region by returning NaN or Infinity.
 *
 * @example minimize(([x = 0, y = 0]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function minimize(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: MinimizeOptions = {},
): Minimum {
  const safe = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let best = { x: [...x0], value: safe(x0) };
  let evaluations = 1;
  const restarts = options.restarts ?? 6;
  for (let run = 0; run < restarts; run++) {
    const result = nelderMead(safe, best.x, options);
    evaluations += result.evaluations;
    const improved = best.value - result.value > 1e-9 * (1 + Math.abs(result.value));
    if (result.value <= best.value) best = { x: result.x, value: result.value };
    if (!improved && run > 0) break;
  }
  return { ...best, evaluations };
}

function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: MinimizeOptions,
): Minimum {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 4000;
  // Adaptive coefficients (Gao & Han 2012) keep it working in higher dimensions; for n ≤ 4 they are close to the classic 1, 2, 0.5, 0.5.
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rho = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(f);
  let evaluations = simplex.length;
  const along = (from: readonly number[], to: readonly number[], t: number) =>
    from.map((v, i) => v + t * ((to[i] as number) - v));
  while (evaluations < maxEvaluations) {
    const order = values
      .map((_, i) => i)
      .sort((i, j) => (values[i] as number) - (values[j] as number) || i - j);
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    const lowest = values[0] as number;
    const highest = values[n] as number;
    if (Math.abs(highest - lowest) <= tolerance * (Math.abs(lowest) + 1e-20) && Number.isFinite(highest))
      break;
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + (p[j] as number), 0) / n);
    const worst = simplex[n] as number[];
    const reflected = along(centroid, worst, -alpha);
    const fr = f(reflected);
    evaluations++;
    if (fr < lowest) {
      const expanded = along(centroid, worst, -alpha * gamma);
      const fe = f(expanded);
      evaluations++;
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < (values[n - 1] as number)) {
      [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    const outside = fr < highest;
    const contracted = along(centroid, worst, outside ? -alpha * rho : rho);
    const fc = f(contracted);
    evaluations++;
    if (fc < (outside ? fr : highest)) {
      [simplex[n], values[n]] = [contracted, fc];
      continue;
    }
    const first = simplex[0] as number[];
    for (let i = 1; i <= n; i++) {
      simplex[i] = along(first, simplex[i] as number[], sigma);
      values[i] = f(simplex[i] as number[]);
      evaluations++;
    }
  }
  const at = values.reduce((b, v, i) => (v < (values[b] as number) ? i : b), 0);
  return { x: simplex[at] as number[], value: values[at] as number, evaluations };
}
