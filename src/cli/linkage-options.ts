import { Option } from "commander";
import { type Lang, t } from "../messages/index.js";
import { DEFAULT_MATCH_WEIGHT, DEFAULT_REVIEW_WEIGHT, parseWeight } from "../quality/linkage/thresholds.js";
import { formatNumber } from "./format-number.js";

/**
 * `--match-weight` and `--review-weight`, built once so that `dedupe` and
 * `quality` read them alike and find the same clusters (same ids). No
 * commander default: an unset review weight is capped by a low match weight,
 * a given one is checked against it (checkThresholds).
 */
export const matchWeightOption = (lang: Lang) =>
  new Option(
    "--match-weight <number>",
    t(lang, "linkage.option.matchWeight", { value: formatNumber(DEFAULT_MATCH_WEIGHT, lang) }),
  ).argParser((text) => parseWeight(text, "--match-weight"));

export const reviewWeightOption = (lang: Lang) =>
  new Option(
    "--review-weight <number>",
    t(lang, "linkage.option.reviewWeight", { value: formatNumber(DEFAULT_REVIEW_WEIGHT, lang) }),
  ).argParser((text) => parseWeight(text, "--review-weight"));
