import { describe, expect, it } from "vitest";
import { listMetrics } from "../core/metrics/registry.js";
import { LANGS, lookupMessage, metricName } from "./index.js";

// The registry grows metric by metric; each new metric or unit must arrive with its messages.
describe("messages cover the metric registry", () => {
  const metrics = listMetrics();

  it("names and describes every registered metric in every language", () => {
    expect(metrics.length).toBeGreaterThan(0);
    const missing = metrics.flatMap((m) =>
      [m.nameKey, m.descriptionKey].filter((key) =>
        LANGS.some((lang) => lookupMessage(lang, key) === undefined),
      ),
    );
    expect(missing).toEqual([]);
  });

  it("names every sibling statistic from its metric", () => {
    for (const sibling of metrics.flatMap((m) => m.siblings)) {
      for (const lang of LANGS) expect(metricName(lang, sibling)).not.toBe(sibling);
    }
  });

  it("names every unit", () => {
    const units = [...new Set(metrics.map((m) => m.unit))];
    expect(units.filter((unit) => lookupMessage("en", `unit.${unit}`) === undefined)).toEqual([]);
  });
});
