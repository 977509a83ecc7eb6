import { z } from "@hono/zod-openapi";
import type { DuplicateOptions } from "../quality/find-duplicates.js";
import {
  checkThresholds,
  DEFAULT_MATCH_WEIGHT,
  DEFAULT_REVIEW_WEIGHT,
} from "../quality/linkage/thresholds.js";

// An empty `?matchWeight=` is no value (the default), never 0.
const weightText = z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().optional());

/**
 * The duplicate model's thresholds as request fields, the API's
 * `--match-weight` / `--review-weight`: the same values give the same
 * clusters and ids in the CLI, the candidates list, merges and quality runs.
 */
export const ThresholdQuery = {
  matchWeight: weightText.openapi({
    type: "number",
    description: `Lowest match weight (log2 odds) of a duplicate; default ${DEFAULT_MATCH_WEIGHT}. Higher merges less and reviews more.`,
  }),
  reviewWeight: weightText.openapi({
    type: "number",
    description: `Lowest match weight shown for review, at most matchWeight; default ${DEFAULT_REVIEW_WEIGHT}. Lower shows more pairs for review.`,
  }),
};

/** The same fields in a JSON body (numbers, not text). */
export const ThresholdBody = {
  matchWeight: z
    .number()
    .optional()
    .openapi({ description: "As the query field matchWeight of the candidates" }),
  reviewWeight: z
    .number()
    .optional()
    .openapi({ description: "As the query field reviewWeight of the candidates" }),
};

/** Checked options for the model: a review weight above the match weight is a 400 (bad_argument). */
export function thresholdsOf(input: {
  matchWeight?: number | undefined;
  reviewWeight?: number | undefined;
}): DuplicateOptions {
  return checkThresholds({
    ...(input.matchWeight === undefined ? {} : { matchWeight: input.matchWeight }),
    ...(input.reviewWeight === undefined ? {} : { reviewWeight: input.reviewWeight }),
  });
}
