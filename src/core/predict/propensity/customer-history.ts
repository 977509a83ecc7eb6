/**
 * What the propensity models know of a customer: the canonical rows that
 * happened before the cut-off, as epoch milliseconds (src/predict loads
 * them; nothing here does I/O). Bounds after the cut-off are already blank.
 */
export interface CustomerHistory {
  readonly id: string;
  readonly name: string | null;
  readonly createdMs: number;
  /** customers.acquired_at when given; else derived from the first term, order or won deal. */
  readonly acquiredMs: number | null;
  readonly channel: string | null;
  readonly owner: string | null;
  readonly terms: readonly TermHistory[];
  /** Sorted by time. */
  readonly orders: readonly OrderHistory[];
  /** close times of won `upsell` deals, sorted. */
  readonly upsellDealsMs: readonly number[];
  readonly tickets: readonly TicketHistory[];
  /** Sorted by response time. */
  readonly surveys: readonly SurveyHistory[];
}

export interface TermHistory {
  readonly startMs: number;
  /** min(end_at, canceled_at); null when open (or known only after the cut-off). */
  readonly endMs: number | null;
  readonly plan: string | null;
  /** amount in the base currency / months of the interval. */
  readonly mrr: number;
}

export interface OrderHistory {
  readonly atMs: number;
  readonly amount: number;
  readonly type: "purchase" | "upsell" | "refund";
}

export interface TicketHistory {
  readonly createdMs: number;
  readonly resolvedMs: number | null;
}

export interface SurveyHistory {
  readonly survey: "nps" | "csat";
  readonly atMs: number;
  /** Score rescaled to 0..1 over the survey's scale. */
  readonly score: number;
}

/** How a customer counts as active (METRICS.md §1): by subscription terms, or by purchases. */
export interface ActivityRule {
  readonly mode: "subscription" | "purchase";
  readonly inactivityDays: number;
}

const DAY_MS = 86_400_000;

/** MRR just before instant `t`: Σ mrr of terms with start ≤ t − ε < end. */
export function mrrBefore(h: CustomerHistory, t: number): number {
  let sum = 0;
  for (const term of h.terms) {
    if (term.startMs < t && (term.endMs === null || term.endMs >= t)) sum += term.mrr;
  }
  return sum;
}

/** Whether `h` is active just before `t` (METRICS.md §1, `end − ε`). */
export function activeBefore(h: CustomerHistory, t: number, rule: ActivityRule): boolean {
  if (rule.mode === "subscription")
    return h.terms.some((term) => term.startMs < t && (term.endMs === null || term.endMs >= t));
  if (h.acquiredMs === null || h.acquiredMs >= t) return false;
  const from = t - rule.inactivityDays * DAY_MS;
  if (h.acquiredMs >= from) return true;
  return h.orders.some((o) => o.atMs < t && o.atMs >= from);
}
