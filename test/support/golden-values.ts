import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import type { MetricValue } from "../../src/core/metrics/definition/metric-value.js";
import { type ReportRequest, runReport } from "../../src/report/run-report.js";
import { KNOWN_DISCREPANCIES } from "../conformance/known-discrepancies.js";

/**
 * The golden files of ../shared/data/reference were computed by an
 * independent oracle. Every row they hold must come out of crm-kpi (relative
 * error ≤ 1e-9, nulls equal, counts exact), and for every metric and segment
 * shape they cover, crm-kpi must report no row they lack.
 */
export const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
const BREAKDOWNS: readonly (readonly string[])[] = [[], ["region"], ["acquisition_channel"]];

type GoldenRow = MetricValue;

const rowKey = (r: GoldenRow) => `${r.metric}|${r.period}|${JSON.stringify(r.segment)}`;
const shapeKey = (r: GoldenRow) => `${r.metric}|${r.segment ? Object.keys(r.segment).join("+") : ""}`;

function readGolden(name: string): GoldenRow[] {
  return readFileSync(resolve(REFERENCE, "golden", `${name}.ndjson`), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as GoldenRow);
}

function sameNumber(ours: number | null, golden: number | null): boolean {
  if (ours === null || golden === null) return ours === golden;
  if (Number.isInteger(golden) && Math.abs(golden) < 1e6 && ours === golden) return true;
  return Math.abs(ours - golden) <= 1e-9 * Math.max(1, Math.abs(golden));
}

async function reportAll(
  engine: Engine,
  request: Omit<ReportRequest, "metrics" | "by">,
): Promise<Map<string, MetricValue>> {
  const rows = new Map<string, MetricValue>();
  for (const by of BREAKDOWNS) {
    const result = await runReport(engine, { ...request, metrics: "all", by });
    for (const value of result.values) rows.set(rowKey(value), value);
  }
  return rows;
}

function compare(golden: readonly GoldenRow[], ours: Map<string, MetricValue>) {
  const mismatches: string[] = [];
  for (const g of golden) {
    const o = ours.get(rowKey(g));
    const known = KNOWN_DISCREPANCIES.some(
      (k) => k.metric === g.metric && (k.period === undefined || k.period === g.period),
    );
    if (known) continue;
    if (!o) mismatches.push(`missing ${rowKey(g)}`);
    else if (
      !sameNumber(o.value, g.value) ||
      !sameNumber(o.numerator, g.numerator) ||
      !sameNumber(o.denominator, g.denominator)
    ) {
      mismatches.push(
        `${rowKey(g)}: golden ${g.value} (${g.numerator}/${g.denominator}), ours ${o.value} (${o.numerator}/${o.denominator})`,
      );
    }
  }
  const goldenKeys = new Set(golden.map(rowKey));
  const goldenShapes = new Set(golden.map(shapeKey));
  const extra = [...ours.values()]
    .filter((o) => goldenShapes.has(shapeKey(o)) && !goldenKeys.has(rowKey(o)))
    .map(rowKey);
  return { mismatches, extra };
}

const GOLDEN_FILES = [
  { file: "gregorian", request: { grain: "month", calendar: "gregorian" } },
  { file: "persian", request: { grain: "month", calendar: "persian" } },
  { file: "gregorian-activity-purchase", request: { grain: "month", settings: { activity: "purchase" } } },
] as const;

/**
 * Checks every golden file against the engine `engine()` returns: a database
 * the caller opened and filled with the reference data in its own beforeAll.
 */
export function describeGoldenFiles(engine: () => Engine): void {
  describe.each(GOLDEN_FILES)("golden $file", ({ file, request }) => {
    let ours: Map<string, MetricValue>;
    const golden = readGolden(file);

    beforeAll(async () => {
      // The golden range decides: the default range ends at the last complete period,
      // and the Jalali file runs to 1404-10, which the data covers only in part.
      const labels = golden.map((g) => g.period).sort();
      ours = await reportAll(engine(), { ...request, from: labels[0], to: labels.at(-1) });
    }, 120_000);

    it("covers every metric of the golden file", () => {
      const metrics = new Set(golden.map((g) => g.metric));
      expect(metrics.size).toBeGreaterThanOrEqual(50);
      const reported = new Set([...ours.values()].map((o) => o.metric));
      expect([...metrics].filter((m) => !reported.has(m))).toEqual([]);
    });

    it("matches every golden row and reports no row the golden file lacks", () => {
      const { mismatches, extra } = compare(golden, ours);
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(mismatches).toHaveLength(0);
      expect(extra.slice(0, 20)).toEqual([]);
    });
  });
}
