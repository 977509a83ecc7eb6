import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import type { MetricValue } from "../../src/core/metrics/definition/metric-value.js";
import { getMetric } from "../../src/core/metrics/registry.js";
import type { EntityName } from "../../src/core/model/entities.js";
import type { DatasetSettings } from "../../src/core/model/settings.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/index.js";
import { type ReportResult, runReport } from "../../src/report/run-report.js";
import { DATED_ENTITIES, datedFrom } from "../support/dated-records.js";

/**
 * A period's value reads only records dated before the period ended, unless
 * its metric declares `readsLater` (docs/metrics.md, "Values that change
 * after their period"); reused reports rely on it (src/report/reuse-report.ts).
 * Checked on the reference data: every record of the cut entities whose
 * earliest date is at or after a cut instant is deleted (a deal takes its
 * stage history with it), and every value of the periods ending before the
 * cut must stay as it was, but those of metrics that declare reading the
 * cut entities that long after. Once for all entities at three instants,
 * once per entity at one. The property belongs to the metric definitions,
 * so one engine checks it.
 */
const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
const ALL_AT = ["2023-09-14T13:00:00", "2024-06-20T08:30:00", "2025-03-11T17:45:00"];
const EACH_AT = "2024-11-05T10:15:00";
const DAY_MS = 86_400_000;

const keyOf = (v: MetricValue) => `${v.metric}|${v.period}|${JSON.stringify(v.segment ?? null)}`;
const numbers = (v: MetricValue | undefined) =>
  v && { value: v.value, numerator: v.numerator, denominator: v.denominator };
/** A row that holds nothing: no value but 0, nothing counted or divided by. */
const isEmpty = (n: ReturnType<typeof numbers>) =>
  !n || ((n.value === null || n.value === 0) && !n.numerator && !n.denominator);

class Rollback extends Error {
  constructor(readonly result: ReportResult) {
    super("rollback");
  }
}

/** Deletes the records of `entities` dated from `cut` on: what a later import would add. */
async function deleteFrom(engine: Engine, entities: readonly EntityName[], cut: string): Promise<void> {
  for (const [entity, where] of datedFrom(engine, entities, cut)) {
    await engine.execute(`DELETE FROM ${engine.dialect.quoteIdentifier(entity)} WHERE ${where}`);
  }
}

/** Whether the value of a period ending at `endMs` may read the records of `cut` dated from `cutMs` on. */
function mayRead(
  metric: string,
  cut: readonly EntityName[],
  endMs: number,
  cutMs: number,
  settings: DatasetSettings,
): boolean {
  return (getMetric(metric).readsLater ?? []).some((read) => {
    if (!cut.includes(read.entity)) return false;
    const days = read.days ? read.days({}, settings) : Number.POSITIVE_INFINITY;
    // A day of margin: periods start at local midnight of the dataset's zone.
    return endMs + (days + 1) * DAY_MS > cutMs;
  });
}

describe("a period's value reads nothing after the period unless its metric says so", () => {
  let full: ReportResult;
  let engine: Engine;

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
    full = await runReport(engine, { metrics: "all", by: ["region"] });
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
  });

  const cuts = [
    ...ALL_AT.map((at) => ({ name: "every dated entity", entities: DATED_ENTITIES, at })),
    ...DATED_ENTITIES.map((entity) => ({ name: entity, entities: [entity], at: EACH_AT })),
  ];

  it.each(cuts)(
    "records of $name from $at on change no value of the periods before, but where declared",
    async ({ entities, at }) => {
      const cutMs = Date.parse(`${at}Z`);
      const before = full.periods.filter((p) => p.endMs + DAY_MS <= cutMs);
      const last = before.at(-1);
      expect(last).toBeDefined();
      // The cut is rolled back: every case starts from the whole reference data.
      const cutReport = await engine
        .transaction(async () => {
          await deleteFrom(engine, entities, at);
          throw new Rollback(await runReport(engine, { metrics: "all", by: ["region"], to: last?.label }));
        })
        .catch((error: unknown) => {
          if (error instanceof Rollback) return error.result;
          throw error;
        });
      expect(cutReport.periods.map((p) => p.label)).toEqual(before.map((p) => p.label));
      const endOf = new Map(before.map((p) => [p.label, p.endMs]));
      const compared = (values: readonly MetricValue[]) =>
        new Map(
          values
            .filter((v) => {
              const endMs = endOf.get(v.period);
              return endMs !== undefined && !mayRead(v.metric, entities, endMs, cutMs, full.settings);
            })
            .map((v) => [keyOf(v), numbers(v)]),
        );
      const expected = compared(full.values);
      const actual = compared(cutReport.values);
      expect(expected.size).toBeGreaterThan(1000);
      // A segment that appears later (a campaign that starts after the cut) adds rows to the
      // periods before, holding nothing; every other row must be as it was.
      const changed = [...new Set([...expected.keys(), ...actual.keys()])].filter((k) => {
        const [was, is] = [expected.get(k), actual.get(k)];
        if (was && is) return JSON.stringify(was) !== JSON.stringify(is);
        return !isEmpty(was ?? is);
      });
      expect(changed).toEqual([]);
      const onlyBefore = [...expected.keys()].filter((k) => !actual.has(k));
      expect(onlyBefore.every((k) => k.startsWith("campaign_"))).toBe(true);
    },
    120_000,
  );
});
