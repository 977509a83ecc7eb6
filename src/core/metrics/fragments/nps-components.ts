import type { MetricContext } from "../context/metric-context.js";
import type { Grouping, SiblingDetail } from "../definition/metric-definition.js";
import { groupBy, metricColumns } from "./sql-helpers.js";

/**
 * The parts of an NPS and its margin of error, reported as siblings of `nps`
 * (as the R package NPS and Python's `nps` packages do):
 * - `nps_promoters`, `nps_passives`, `nps_detractors`: counts of responses;
 * - `…_share`: each count / responses (ratios, so NPS = 100 × (promoters
 *   share − detractors share));
 * - `nps_standard_error`: SE of the NPS on its −100..100 scale. Each response
 *   scores +100 (promoter), 0 (passive) or −100 (detractor); NPS is their
 *   mean and SE = sqrt(var / n) with the population variance
 *   var = 100² × ((p + d) − (p − d)²), p and d the shares. Population, not
 *   sample (n − 1), variance: it is the plug-in Wald estimate of the R
 *   package NPS (`npvar`, `nps.se`), defined from n = 1 on;
 * - `nps_ci_low`, `nps_ci_high`: NPS ∓ z × SE with z = 1.959963984540054 (95 %,
 *   Wald interval, not clipped to −100..100, as `nps.test` in R).
 * All come from integer counts, so they do not depend on summation order.
 */
export const NPS_SIBLING_DETAILS: Readonly<Record<string, SiblingDetail>> = {
  nps_promoters: { kind: "count", unit: "count" },
  nps_promoters_share: { kind: "ratio", unit: "fraction" },
  nps_passives: { kind: "count", unit: "count" },
  nps_passives_share: { kind: "ratio", unit: "fraction" },
  nps_detractors: { kind: "count", unit: "count" },
  nps_detractors_share: { kind: "ratio", unit: "fraction" },
  nps_standard_error: { kind: "statistic", unit: "nps" },
  nps_ci_low: { kind: "statistic", unit: "nps" },
  nps_ci_high: { kind: "statistic", unit: "nps" },
};

export const NPS_SIBLINGS: readonly string[] = Object.keys(NPS_SIBLING_DETAILS);

/** The 97.5 % quantile of the standard normal distribution (qnorm(0.975) in R). */
export const Z_95 = 1.959963984540054;

export interface NpsSource {
  /** `FROM … JOIN …` of the scored nps responses per period (`p`), customer alias `c` when grouped. */
  readonly from: string;
  /** Grouping expressions, in key order. */
  readonly groups: readonly string[];
  /** Per-response category: 1 promoter, 0 passive, −1 detractor. */
  readonly category: string;
}

/** The rows of `nps` and all its siblings for one grouping. */
export function npsWithComponentsSql(ctx: MetricContext, grouping: Grouping, source: NpsSource): string {
  const groupCols = grouping.keys.map((_, i) => `, ${source.groups[i] ?? "NULL"} AS g${i}`).join("");
  const counts = `SELECT p.idx AS period_idx${groupCols},
      SUM(CASE WHEN (${source.category}) = 1 THEN 1 ELSE 0 END) AS np,
      SUM(CASE WHEN (${source.category}) = 0 THEN 1 ELSE 0 END) AS nq,
      SUM(CASE WHEN (${source.category}) = -1 THEN 1 ELSE 0 END) AS nd,
      COUNT(*) AS n
    ${source.from}
    ${groupBy(ctx, "p.idx", grouping)}`;
  const g = grouping.keys.map((_, i) => `s.g${i}`);
  const row = (id: string, aggregates: { value?: string; numerator?: string; denominator?: string }) =>
    `SELECT ${metricColumns(ctx, id, "s.period_idx", grouping, g, aggregates)} FROM s`;
  // Shares on the 0..1 scale and the population variance of the ±1 score, in doubles from exact counts.
  const p = "(CAST(s.np AS DOUBLE PRECISION) / s.n)";
  const d = "(CAST(s.nd AS DOUBLE PRECISION) / s.n)";
  const se = `(100 * SQRT(GREATEST((${p} + ${d}) - (${p} - ${d}) * (${p} - ${d}), 0) / s.n))`;
  const nps = `(100 * (${p} - ${d}))`;
  const z = ctx.bind(Z_95);
  const rows = [
    row("nps", { numerator: "s.np - s.nd", denominator: "s.n" }),
    row("nps_promoters", { value: "s.np" }),
    row("nps_promoters_share", { numerator: "s.np", denominator: "s.n" }),
    row("nps_passives", { value: "s.nq" }),
    row("nps_passives_share", { numerator: "s.nq", denominator: "s.n" }),
    row("nps_detractors", { value: "s.nd" }),
    row("nps_detractors_share", { numerator: "s.nd", denominator: "s.n" }),
    row("nps_standard_error", { value: se }),
    row("nps_ci_low", { value: `${nps} - ${z} * ${se}` }),
    row("nps_ci_high", { value: `${nps} + ${z} * ${se}` }),
  ];
  return `WITH s AS (${counts}) ${rows.join("\nUNION ALL\n")}`;
}
