/**
 * L2-regularized logistic regression fitted by Newton's method (IRLS) with a
 * step-halving line search: every accepted step raises the penalized
 * log-likelihood, so the fit never diverges. The intercept carries only a
 * tiny penalty (1e-6), which keeps it finite when every label is equal.
 */
export interface LogisticFit {
  readonly intercept: number;
  readonly coefficients: readonly number[];
  /** Penalized log-likelihood at the solution. */
  readonly objective: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface LogisticOptions {
  /** Ridge penalty λ on the coefficients: the objective is ℓ(β) − λ/2 · Σ β_j². */
  readonly lambda?: number;
  readonly maxIterations?: number;
  /** Converged when the largest step is below this. */
  readonly tolerance?: number;
}

const INTERCEPT_PENALTY = 1e-6;

/**
 * Fits P(y = 1 | x) = σ(β₀ + x·β) on rows `x` (already standardized) and 0/1 labels `y`.
 *
 * @example fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { lambda: 1 })
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  const n = x.length;
  const p = (x[0]?.length ?? 0) + 1;
  if (y.length !== n) throw new Error(`fitLogistic: ${n} rows but ${y.length} labels`);
  const design = x.map((row) => [1, ...row]);
  const penalty = Array.from({ length: p }, (_, j) => (j === 0 ? INTERCEPT_PENALTY : lambda));
  let beta = new Array<number>(p).fill(0);
  let objective = penalizedLogLikelihood(design, y, beta, penalty);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const gradient = penalty.map((l, j) => -l * (beta[j] ?? 0));
    const hessian = penalty.map((l, j) => Array.from({ length: p }, (_, k) => (j === k ? l : 0)));
    for (let i = 0; i < n; i++) {
      const row = design[i] as number[];
      const mu = sigmoid(dot(row, beta));
      const w = mu * (1 - mu);
      const r = (y[i] ?? 0) - mu;
      for (let j = 0; j < p; j++) {
        const xj = row[j] ?? 0;
        gradient[j] = (gradient[j] ?? 0) + xj * r;
        const hj = hessian[j] as number[];
        for (let k = 0; k <= j; k++) hj[k] = (hj[k] ?? 0) + w * xj * (row[k] ?? 0);
      }
    }
    for (let j = 0; j < p; j++)
      for (let k = 0; k < j; k++) (hessian[k] as number[])[j] = hessian[j]?.[k] ?? 0;
    const step = solveSymmetric(hessian, gradient);
    let scale = 1;
    let next = beta.map((b, j) => b + scale * (step[j] ?? 0));
    let nextObjective = penalizedLogLikelihood(design, y, next, penalty);
    // Step-halving: a Newton step that lowers the objective is shortened until it does not.
    while (!(nextObjective >= objective) && scale > 1e-10) {
      scale /= 2;
      next = beta.map((b, j) => b + scale * (step[j] ?? 0));
      nextObjective = penalizedLogLikelihood(design, y, next, penalty);
    }
    if (!(nextObjective >= objective)) {
      converged = true;
      break;
    }
    const largest = Math.max(...step.map((s) => Math.abs(scale * s)));
    beta = next;
    objective = nextObjective;
    if (largest < tolerance) {
      converged = true;
      break;
    }
  }
  return { intercept: beta[0] ?? 0, coefficients: beta.slice(1), objective, iterations, converged };
}

/** σ(β₀ + x·β) of one standardized row. */
export function predictProbability(fit: LogisticFit, row: readonly number[]): number {
  return sigmoid(fit.intercept + dot(row, fit.coefficients));
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function penalizedLogLikelihood(
  design: readonly (readonly number[])[],
  y: readonly number[],
  beta: readonly number[],
  penalty: readonly number[],
): number {
  let sum = 0;
  for (let i = 0; i < design.length; i++) {
    const eta = dot(design[i] as readonly number[], beta);
    sum += (y[i] ?? 0) * eta - softplus(eta);
  }
  for (let j = 0; j < beta.length; j++) sum -= ((penalty[j] ?? 0) / 2) * (beta[j] ?? 0) ** 2;
  return sum;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/**
 * Solves A·x = b for a symmetric positive definite A by Cholesky
 * factorization (A = L·Lᵀ); the ridge penalty keeps A positive definite.
 */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const li = l[i] as number[];
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as number[];
      let s = a[i]?.[j] ?? 0;
      for (let k = 0; k < j; k++) s -= (li[k] ?? 0) * (lj[k] ?? 0);
      // A pivot lost to rounding is floored: the step is then only approximately Newton's, and the line search copes.
      li[j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / (lj[j] ?? 1);
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) s -= (l[i]?.[k] ?? 0) * (z[k] ?? 0);
    z[i] = s / (l[i]?.[i] ?? 1);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] ?? 0;
    for (let k = i + 1; k < n; k++) s -= (l[k]?.[i] ?? 0) * (x[k] ?? 0);
    x[i] = s / (l[i]?.[i] ?? 1);
  }
  return x;
}
