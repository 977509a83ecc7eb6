import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../core/errors.js";
import { en } from "./en.js";
import { CATALOGS, LANGS, lookupMessage, metricName, placeholdersOf, t } from "./index.js";

const metricsSpec = readFileSync(new URL("../../../shared/spec/METRICS.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../core/errors.ts", import.meta.url), "utf8");

/** Metric ids of METRICS.md §1–§6: the backticked first cell of each table row. */
function specMetricIds(): string[] {
  const body = metricsSpec.slice(0, metricsSpec.indexOf("## 7."));
  const ids = new Set<string>();
  for (const match of body.matchAll(/^\| `([a-z0-9_*]+)`(?:, `([a-z0-9_]+)`)*/gm)) {
    const row = match[0];
    for (const id of row.matchAll(/`([a-z0-9_*]+)`/g)) ids.add(id[1] ?? "");
  }
  return [...ids].filter((id) => !id.endsWith("*"));
}

/** Error codes of the ErrorCode union, read from the source so a new code fails this test. */
function errorCodes(): ErrorCode[] {
  const union = errorsSource.slice(errorsSource.indexOf("export type ErrorCode"), errorsSource.indexOf(";"));
  return [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1] as ErrorCode);
}

describe("message catalogs", () => {
  const enKeys = Object.keys(en).sort();

  for (const lang of LANGS) {
    it(`${lang} has exactly the keys of en`, () => {
      const keys = Object.keys(CATALOGS[lang]).sort();
      expect(keys.filter((k) => !enKeys.includes(k))).toEqual([]);
      expect(enKeys.filter((k) => !keys.includes(k))).toEqual([]);
    });

    it(`${lang} uses the same placeholders as en`, () => {
      const catalog = CATALOGS[lang];
      const differing = enKeys.filter(
        (key) =>
          placeholdersOf(catalog[key] ?? "").join() !== placeholdersOf(en[key as keyof typeof en]).join(),
      );
      expect(differing).toEqual([]);
    });

    it(`${lang} has no empty message`, () => {
      expect(Object.entries(CATALOGS[lang]).filter(([, text]) => text.trim() === "")).toEqual([]);
    });
  }

  it("translations differ from English for metric names (not copied)", () => {
    for (const lang of ["fa", "ar", "zh"] as const) {
      const copied = enKeys.filter(
        (key) =>
          key.startsWith("metric.") &&
          key.endsWith(".description") &&
          CATALOGS[lang][key] === CATALOGS.en[key],
      );
      expect(copied, lang).toEqual([]);
    }
  });

  it("names and describes every metric of METRICS.md §1–§6", () => {
    const ids = specMetricIds();
    expect(ids.length).toBeGreaterThan(40);
    const missing = ids.flatMap((id) =>
      [`metric.${id}.name`, `metric.${id}.description`].filter((key) => !(key in en)),
    );
    expect(missing).toEqual([]);
  });

  it("has a message and a fix for every error code", () => {
    const codes = errorCodes();
    expect(codes).toContain("import_rejected");
    const missing = codes.flatMap((code) =>
      [`error.${code}`, `error.${code}.fix`].filter((key) => !(key in en)),
    );
    expect(missing).toEqual([]);
  });

  it("uses the seed articles' native terms for churn", () => {
    expect(metricName("fa", "customer_churn_rate")).toBe("نرخ ریزش مشتری");
    expect(metricName("ar", "customer_churn_rate")).toBe("معدل تراجع العملاء");
    expect(metricName("zh", "customer_churn_rate")).toBe("客户流失率");
  });
});

describe("t", () => {
  it("fills placeholders", () => {
    expect(t("en", "import.more", { count: 7 })).toBe("… and 7 more");
    expect(t("zh", "import.summary.warnings", { count: 2 })).toBe("警告：2");
  });

  it("leaves unknown placeholders visible", () => {
    expect(t("en", "import.more")).toBe("… and {count} more");
  });

  it("names statistic siblings from their base metric", () => {
    expect(metricName("en", "sales_cycle_days_p90")).toBe("Sales cycle length (90th percentile)");
    expect(metricName("fa", "avg_resolution_hours_median")).toBe("میانگین زمان حل مشکل (میانه)");
    expect(metricName("en", "no_such_metric")).toBe("no_such_metric");
  });

  it("returns undefined for keys no catalog has", () => {
    expect(lookupMessage("fa", "metric.nothing.name")).toBeUndefined();
  });
});
