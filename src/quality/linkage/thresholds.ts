import { CrmKpiError } from "../../core/errors.js";
import { normalizeDigits } from "../normalize-text.js";

/** Default lowest weight of a duplicate: odds of 16:1 (p ≈ 0.94), the middle of the range that was exact on generated data (docs/quality.md). */
export const DEFAULT_MATCH_WEIGHT = 4;
/** Default lowest weight shown for review: odds of 1:4 (p = 0.2); a handful of pairs per few thousand customers on generated data. */
export const DEFAULT_REVIEW_WEIGHT = -2;

/** The two thresholds a user may set; a value left out keeps the model's default. */
export interface LinkageThresholds {
  readonly matchWeight?: number;
  readonly reviewWeight?: number;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A match weight typed by a user (`4`, `-2`, `6.5`; Persian and Arabic-Indic
 * digits and the minus sign `−` too). Anything else is a bad_argument naming
 * `option` (`--match-weight` on the command line, `matchWeight` in the API).
 *
 * @example parseWeight("−2", "--review-weight") // -2
 */
export function parseWeight(text: string, option: string): number {
  const ascii = normalizeDigits(text.trim())
    .replace(/^[\u2212\u2012\u2013]/, "-")
    .replace("٫", ".");
  const value = Number(ascii);
  if (!NUMBER.test(ascii) || !Number.isFinite(value)) {
    throw new CrmKpiError(
      "bad_argument",
      `The value "${text}" of ${option} is not a number; give a match weight such as 4, 6.5 or -2`,
      { value: text, option, messageKey: "linkage.error.notNumber" },
      { value: text },
    );
  }
  return value;
}

/**
 * Checks that the review band lies below the match threshold (the default
 * one when none is given) and returns the options to pass on. A review
 * weight given above the match weight is an error; the default review
 * weight is simply capped by a low match weight (an empty band).
 */
export function checkThresholds(thresholds: LinkageThresholds): LinkageThresholds {
  const { matchWeight, reviewWeight } = thresholds;
  const match = matchWeight ?? DEFAULT_MATCH_WEIGHT;
  if (reviewWeight !== undefined && reviewWeight > match) {
    throw new CrmKpiError(
      "bad_argument",
      `The review weight ${reviewWeight} is above the match weight ${match}: the review band lies below the match threshold`,
      { review: reviewWeight, match, messageKey: "linkage.error.reviewAboveMatch" },
      { value: String(reviewWeight) },
    );
  }
  return {
    ...(matchWeight === undefined ? {} : { matchWeight }),
    ...(reviewWeight === undefined ? {} : { reviewWeight }),
  };
}
