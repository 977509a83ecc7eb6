import { localDateOf } from "../calendar/zoned-time.js";
import type { Engine } from "../core/engine.js";
import type { PropensityTarget } from "../core/predict/propensity/customer-features.js";
import { type CustomerScores, isScoredDimension, type ScoredDimension } from "../report/customer-scores.js";
import { loadDatasetSettings } from "../report/dataset-settings.js";
import { runPropensity } from "./propensity-predict.js";

const TARGET_OF: Readonly<Record<ScoredDimension, PropensityTarget>> = {
  upsell_propensity_decile: "upsell",
  churn_propensity_decile: "churn",
};

/**
 * The propensity deciles a report broken down `--by upsell_propensity_decile`
 * or `churn_propensity_decile` needs: each model fitted as of the report's
 * as-of day (the last day of its last period, nothing later read), each
 * scored customer's decile (1 = the most likely tenth). Undefined when `by`
 * asks for neither. Customers outside the model's population (not active at
 * the as-of day) have no decile and fall in the empty bucket.
 *
 * @example runReport(engine, { metrics: ["customer_churn_rate"], by, customerScores: propensityDecileScores(by) })
 */
export function propensityDecileScores(by: readonly string[]): CustomerScores | undefined {
  const dimensions = by.filter(isScoredDimension);
  if (dimensions.length === 0) return undefined;
  return {
    dimensions,
    async load(engine: Engine, asOfMs: number) {
      const zone = (await loadDatasetSettings(engine)).timezone;
      const asOf = localDateOf(asOfMs - 1, zone);
      const scores = new Map<string, (number | null)[]>();
      for (const [k, dimension] of dimensions.entries()) {
        const result = await runPropensity(engine, {
          target: TARGET_OF[dimension],
          asOf,
          calendar: "gregorian",
        });
        for (const customer of result.customers) {
          const row = scores.get(customer.customerId) ?? dimensions.map(() => null);
          row[k] = customer.decile;
          scores.set(customer.customerId, row);
        }
      }
      return scores;
    },
  };
}
