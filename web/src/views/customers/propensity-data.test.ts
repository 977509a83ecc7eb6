import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.js";
import { featureLabel, type PropensityBody, propensityRows } from "./propensity-data.js";

const body = (n: number): PropensityBody => ({
  as_of: "2025-12-31",
  backtest: { auc: 0.8, lift_top_decile: 3 },
  customers: Array.from({ length: n }, (_, i) => ({
    rank: i + 1,
    customer_id: `C${i}`,
    name: null,
    score: 0.5 - i / 100,
    drivers: [
      { feature: "open_tickets", contribution: 1.2 },
      { feature: "plan=pro", contribution: -0.3 },
    ],
  })),
});

describe("propensityRows", () => {
  it("keeps the ten highest, with the score as a share and the drivers in the reader's words", () => {
    const rows = propensityRows(body(12), createI18n("en"));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      rank: 1,
      customerId: "C0",
      name: null,
      score: createI18n("en").value(0.5, "share"),
      drivers: "open tickets ↑, plan pro ↓",
    });
  });

  it("is empty for no customers, and speaks Persian with a Persian comma", () => {
    expect(propensityRows(body(0), createI18n("en"))).toEqual([]);
    const fa = propensityRows(body(1), createI18n("fa"));
    expect(fa[0]?.drivers).toBe("تیکت‌های باز ↑، طرح pro ↓");
    expect(featureLabel(createI18n("zh"), "mrr")).toBe("月度经常性收入");
  });
});
