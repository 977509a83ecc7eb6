import {
  type BgNbdParams,
  conditionalExpectedPurchases,
  fitBgNbd,
  type PurchaseHistory,
  probabilityAlive,
} from "./bg-nbd.js";
import { discountedValue } from "./discount.js";
import { expectedMeanValue, fitGammaGamma, type GammaGammaParams } from "./gamma-gamma.js";

const DAYS_PER_WEEK = 7;

/** One customer's purchase days as the database summarizes them (days are local calendar days). */
export interface CustomerPurchaseDays {
  readonly customerId: string;
  /** Purchase days after the first, up to and including the calibration end. */
  readonly frequency: number;
  /** Days from the first purchase day to the last one in calibration. */
  readonly recencyDays: number;
  /** Days from the first purchase day to the calibration end. */
  readonly ageDays: number;
  /** Sum of the values of the repeat days in calibration (reporting currency). */
  readonly repeatValue: number;
  /** Purchase days after the calibration end (the holdout), 0 without one. */
  readonly holdoutPurchases: number;
}

export interface ClvOptions {
  readonly horizonWeeks: number;
  /** Annual discount rate (0.1 = 10 % a year). */
  readonly discountRate: number;
  /** Length of the holdout after the calibration end, in weeks; null without one. */
  readonly holdoutWeeks: number | null;
}

export interface CustomerClv {
  readonly customerId: string;
  readonly frequency: number;
  readonly recencyWeeks: number;
  readonly ageWeeks: number;
  /** Mean value of the repeat days; null without a repeat. */
  readonly averageValue: number | null;
  readonly pAlive: number;
  readonly expectedPurchases: number;
  /** Null where the spend model has no finite mean (q ≤ 1 for a customer without repeats). */
  readonly expectedAverageValue: number | null;
  readonly clv: number | null;
  /** With a holdout: purchase days in it, and what the model predicted for it. */
  readonly holdoutPurchases: number | null;
  readonly holdoutPredicted: number | null;
}

/** One bar pair of the calibration/holdout chart: customers with the same calibration frequency. */
export interface HoldoutGroup {
  /** Repeat purchases in calibration; the last group holds `frequency` and more. */
  readonly frequency: number;
  readonly andMore: boolean;
  readonly customers: number;
  /** Mean repeat purchases per customer in the holdout: observed and predicted. */
  readonly actual: number;
  readonly predicted: number;
}

export interface ClvModel {
  readonly bgNbd: BgNbdParams & { readonly logLikelihood: number };
  readonly gammaGamma:
    | (GammaGammaParams & { readonly logLikelihood: number; readonly customers: number })
    | null;
  readonly customers: CustomerClv[];
  readonly holdout: { readonly weeks: number; readonly groups: HoldoutGroup[] } | null;
}

/** The BTYD calibration/holdout plot groups customers by frequency 0, 1, …, 6 and 7+. */
export const HOLDOUT_GROUP_CAP = 7;

/**
 * Fits BG/NBD on every customer and Gamma-Gamma on those with a repeat
 * purchase and a positive mean, then scores each customer: P(alive),
 * expected purchases over the horizon, expected value per purchase and the
 * discounted CLV. Customers in the output keep the input order.
 *
 * Throws nothing: the caller checks there is something to fit
 * (`clvFitProblem`).
 */
export function fitClv(days: readonly CustomerPurchaseDays[], options: ClvOptions): ClvModel {
  const histories = days.map(historyOf);
  const bg = fitBgNbd(histories);
  const spend = days
    .filter((d) => d.frequency > 0 && d.repeatValue > 0)
    .map((d) => ({ frequency: d.frequency, meanValue: d.repeatValue / d.frequency }));
  const gg = spend.length >= 2 ? fitGammaGamma(spend) : null;
  const customers = days.map((d, i): CustomerClv => {
    const history = histories[i] as PurchaseHistory;
    const averageValue = d.frequency > 0 ? d.repeatValue / d.frequency : null;
    const spendHistory =
      averageValue !== null && averageValue > 0 ? { frequency: d.frequency, meanValue: averageValue } : null;
    const expectedAverageValue = gg ? expectedMeanValue(gg.params, spendHistory) : null;
    const expected = (t: number) => conditionalExpectedPurchases(bg.params, t, history);
    return {
      customerId: d.customerId,
      frequency: d.frequency,
      recencyWeeks: history.recency,
      ageWeeks: history.age,
      averageValue,
      pAlive: probabilityAlive(bg.params, history),
      expectedPurchases: expected(options.horizonWeeks),
      expectedAverageValue,
      clv:
        expectedAverageValue === null
          ? null
          : discountedValue(expected, expectedAverageValue, options.horizonWeeks, options.discountRate),
      holdoutPurchases: options.holdoutWeeks === null ? null : d.holdoutPurchases,
      holdoutPredicted: options.holdoutWeeks === null ? null : expected(options.holdoutWeeks),
    };
  });
  return {
    bgNbd: { ...bg.params, logLikelihood: bg.logLikelihood },
    gammaGamma: gg ? { ...gg.params, logLikelihood: gg.logLikelihood, customers: spend.length } : null,
    customers,
    holdout:
      options.holdoutWeeks === null
        ? null
        : { weeks: options.holdoutWeeks, groups: holdoutGroups(customers) },
  };
}

function historyOf(d: CustomerPurchaseDays): PurchaseHistory {
  return {
    frequency: d.frequency,
    recency: d.recencyDays / DAYS_PER_WEEK,
    age: d.ageDays / DAYS_PER_WEEK,
  };
}

/** Mean actual and predicted holdout purchases per calibration frequency (0 … 6, 7+); empty groups are left out. */
export function holdoutGroups(customers: readonly CustomerClv[]): HoldoutGroup[] {
  const groups: HoldoutGroup[] = [];
  for (let f = 0; f <= HOLDOUT_GROUP_CAP; f++) {
    const andMore = f === HOLDOUT_GROUP_CAP;
    const members = customers.filter((c) => (andMore ? c.frequency >= f : c.frequency === f));
    if (members.length === 0) continue;
    const mean = (pick: (c: CustomerClv) => number | null) =>
      members.reduce((s, c) => s + (pick(c) ?? 0), 0) / members.length;
    groups.push({
      frequency: f,
      andMore,
      customers: members.length,
      actual: mean((c) => c.holdoutPurchases),
      predicted: mean((c) => c.holdoutPredicted),
    });
  }
  return groups;
}

export type ClvFitProblem = "no_customers" | "no_repeat_purchases";

/** Why the model cannot be fitted on these customers, or null when it can. */
export function clvFitProblem(days: readonly CustomerPurchaseDays[]): ClvFitProblem | null {
  if (days.length === 0) return "no_customers";
  if (!days.some((d) => d.frequency > 0)) return "no_repeat_purchases";
  return null;
}

/**
 * A horizon as a number of weeks: `52w`, `12m` (a month is 52/12 weeks),
 * `1y` (52 weeks), `90d`; a bare number is weeks. Null when it is not one.
 *
 * @example parseHorizonWeeks("6m") // 26
 */
export function parseHorizonWeeks(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([dwmy]?)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const amount = Number(match[1]);
  const weeks = { d: amount / 7, w: amount, m: (amount * 52) / 12, y: amount * 52, "": amount }[
    match[2] as "d" | "w" | "m" | "y" | ""
  ];
  return weeks > 0 && weeks <= 52 * 100 ? weeks : null;
}
