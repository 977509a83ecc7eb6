import type { Row } from "../../api/types.js";
import type { I18n } from "../../i18n/i18n.js";

/** The part of GET /api/v1/predict/{target} these lists read (src/server/routes/propensity.ts). */
export interface PropensityBody {
  readonly as_of: string;
  readonly backtest: { readonly auc: number | null; readonly lift_top_decile: number | null } | null;
  readonly customers: readonly {
    readonly rank: number;
    readonly customer_id: string;
    readonly name: string | null;
    readonly score: number;
    readonly drivers: readonly { readonly feature: string; readonly contribution: number }[];
  }[];
}

export const SHOWN = 10;

/** `plan=pro` → "plan pro", `mrr` → "MRR", in the reader's language (as the CLI labels them). */
export function featureLabel(i18n: I18n, feature: string): string {
  const cut = feature.indexOf("=");
  return cut < 0
    ? i18n.tk(`propensity.feature.${feature}`)
    : i18n.tk(`propensity.feature.${feature.slice(0, cut)}`, { value: feature.slice(cut + 1) });
}

/** Pure: the table rows of a propensity answer (rank, customer, name, score as a share, drivers). */
export function propensityRows(body: PropensityBody, i18n: I18n): Row[] {
  return body.customers.slice(0, SHOWN).map((c) => ({
    rank: c.rank,
    customerId: c.customer_id,
    name: c.name,
    score: i18n.value(c.score, "share"),
    drivers: c.drivers
      .map((d) => `${featureLabel(i18n, d.feature)} ${d.contribution > 0 ? "↑" : "↓"}`)
      .join(i18n.rtl ? "، " : i18n.lang === "zh" ? "、" : ", "),
  }));
}
