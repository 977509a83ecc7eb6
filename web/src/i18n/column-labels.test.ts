import { describe, expect, it } from "vitest";
import { segmentName } from "./column-labels.js";
import { createI18n } from "./i18n.js";

const SCORED = ["churn_propensity_decile"];

describe("segmentName", () => {
  it("names a propensity decile, and writes whole numbers in the language's digits", () => {
    expect(segmentName(createI18n("en"), { churn_propensity_decile: "10" }, SCORED)).toBe("Decile 10");
    expect(segmentName(createI18n("fa"), { churn_propensity_decile: "3", region: "Europe" }, SCORED)).toBe(
      "دهک ۳ · Europe",
    );
    expect(segmentName(createI18n("ar"), { birth_year: "1985" }, SCORED)).toBe("١٩٨٥");
    expect(segmentName(createI18n("zh"), { churn_propensity_decile: "7" }, SCORED)).toBe("第 7 十分位");
  });

  it("leaves text and the empty bucket as they are", () => {
    expect(segmentName(createI18n("fa"), { owner_id: "R007", segment: null }, SCORED)).toBe("R007 · —");
    expect(segmentName(createI18n("fa"), null, SCORED)).toBe("");
  });
});
