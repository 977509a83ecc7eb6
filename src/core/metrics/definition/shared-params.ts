import type { MetricParam } from "./metric-definition.js";

/**
 * Parameters several families declare. One object per name, so that a value
 * given once (`--param gross_margin=0.8`) suits every metric that reads it
 * (metric-params.ts checks it against each declaring metric).
 */

/**
 * Share of revenue kept after the cost of serving it. Default 1: the value
 * is revenue-based, as ChartMogul's and Baremetrics' LTV are (neither
 * applies a margin unless told one).
 */
export const GROSS_MARGIN_PARAM: MetricParam = {
  name: "gross_margin",
  description: "share of revenue kept",
  default: "1",
  range: { kind: "number", min: 0, max: 1, minExclusive: true },
};
