/**
 * Seeded random draws for the BTYD tests: data simulated from BG/NBD and
 * Gamma-Gamma with known parameters, the same on every run.
 */

/** mulberry32: a small seeded PRNG, so the simulated data (and the test) are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000); shape < 1 through the U^(1/shape) boost. */
export function gamma(random: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(random, shape + 1, rate) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function beta(random: () => number, a: number, b: number): number {
  const x = gamma(random, a, 1);
  return x / (x + gamma(random, b, 1));
}

export interface SimulatedCustomer {
  readonly customerId: string;
  /** Days since the first purchase of each purchase, the first (0) included, with the amount. */
  readonly purchases: readonly { readonly day: number; readonly amount: number }[];
}

/**
 * Customers whose purchases follow BG/NBD (weekly rate λ ~ Gamma(r, α), dropout
 * p ~ Beta(a, b) after each repeat purchase) and whose amounts follow
 * Gamma-Gamma, observed for `days` days after each one's first purchase.
 */
export function simulatePurchases(
  n: number,
  seed: number,
  days: (i: number) => number,
  truth = { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43, p: 6.25, q: 3.74, v: 15.44 },
): SimulatedCustomer[] {
  const random = seeded(seed);
  const customers: SimulatedCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const horizon = days(i);
    const lambda = gamma(random, truth.r, truth.alpha) / 7;
    const dropout = beta(random, truth.a, truth.b);
    const nu = gamma(random, truth.q, truth.v);
    const purchases = [{ day: 0, amount: gamma(random, truth.p, nu) }];
    let t = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > horizon) break;
      purchases.push({ day: Math.floor(t), amount: gamma(random, truth.p, nu) });
      if (random() < dropout) break;
    }
    customers.push({ customerId: `C${String(i + 1).padStart(4, "0")}`, purchases });
  }
  return customers;
}

const DAY_MS = 86_400_000;

/**
 * Simulated customers as crm-kpi rows: first purchases spread over the first
 * 13 weeks of 2024, everyone observed to 2024-12-31, orders at noon UTC.
 */
export function simulatedOrderTables(n: number, seed: number) {
  const start = Date.UTC(2024, 0, 1);
  const end = Date.UTC(2024, 11, 31);
  const firsts = Array.from({ length: n }, (_, i) => Math.floor((i * 91) / n));
  const customers = simulatePurchases(n, seed, (i) => (end - start) / DAY_MS - (firsts[i] as number));
  const date = (day: number) => new Date(start + day * DAY_MS).toISOString().slice(0, 10);
  let order = 0;
  return {
    customers: customers.map((c, i) => ({
      customer_id: c.customerId,
      created_at: date(firsts[i] as number),
    })),
    orders: customers.flatMap((c, i) =>
      c.purchases.map((p) => ({
        order_id: `O${++order}`,
        customer_id: c.customerId,
        ordered_at: `${date((firsts[i] as number) + p.day)} 12:00:00`,
        amount: p.amount.toFixed(2),
      })),
    ),
  };
}
