import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodsBetween } from "../../../calendar/periods.js";
import { openDuckDB } from "../../../engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../../import/index.js";
import { loadDatasetSettings } from "../../../report/dataset-settings.js";
import { METRIC_DIMENSIONS, periodOptions, withCalendarContext } from "../../../report/run-report.js";
import type { Engine, ResultRow } from "../../engine.js";
import type { DatasetSettings } from "../../model/settings.js";
import type { ReportPeriod } from "../context/report-period.js";
import { kindOfId } from "../definition/metric-definition.js";
import { reportedValue } from "../definition/metric-value.js";
import { METRICS } from "../registry.js";
import {
  compileExplain,
  compileReport,
  groupingsOf,
  type ReportPlan,
  type ReportSpec,
} from "./compile-report.js";

const REFERENCE = resolve(import.meta.dirname, "../../../../../shared/data/reference");

describe("compileReport's statements", () => {
  let engine: Engine;
  let settings: DatasetSettings;
  let periods: ReportPeriod[];
  let spec: ReportSpec;
  let plan: ReportPlan;

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
    settings = await loadDatasetSettings(engine);
    const options = periodOptions(settings, { grain: "quarter" });
    periods = withCalendarContext(
      periodsBetween(Date.UTC(2024, 0, 1), Date.UTC(2025, 11, 31), options),
      options,
    );
    spec = { metrics: METRICS, by: ["region"], params: {}, periods, metricDimensions: METRIC_DIMENSIONS };
    plan = compileReport(spec, engine.dialect, settings);
    for (const statement of plan.prelude) await engine.execute(statement.sql, statement.params);
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
  });

  it("answer every metric and grouping exactly once, in fewer statements than requests", () => {
    const answered = plan.queries.flatMap((q) => q.requests.map((r) => `${r.metric.id} ${r.grouping.keys}`));
    const asked = METRICS.flatMap((m) =>
      groupingsOf(m, spec.by, METRIC_DIMENSIONS).map((g) => `${m.id} ${g.keys}`),
    );
    expect([...answered].sort()).toEqual([...asked].sort());
    expect(plan.queries.length).toBeLessThan(asked.length / 4);
    for (const query of plan.queries) {
      expect(new Set(query.requests.map((r) => r.metric.family)).size).toBe(1);
    }
  });

  it("put the requests of one combined compiler in one statement", () => {
    const compilers = new Set(METRICS.flatMap((m) => (m.combined ? [m.combined] : [])));
    expect(compilers.size).toBeGreaterThan(5);
    for (const combined of compilers) {
      const holding = plan.queries.filter((q) =>
        q.requests.some((r) => r.metric.combined === combined && (combined.accepts?.(r) ?? true)),
      );
      expect(holding.length).toBe(1);
    }
  });

  it("give each request the values of the metric's own query for that grouping", async () => {
    const reported = (rows: readonly ResultRow[], metricKind: (id: string) => ReturnType<typeof kindOfId>) =>
      new Map(
        rows.map((row) => {
          const groups = Object.keys(row)
            .filter((k) => /^g\d+$/.test(k))
            .sort()
            .map((k) => (row[k] === null ? null : String(row[k])));
          const value = reportedValue(metricKind(String(row.metric)), {
            value: row.value,
            numerator: row.numerator,
            denominator: row.denominator,
          });
          return [`${row.metric} ${row.period_idx} ${JSON.stringify(groups)}`, value];
        }),
      );
    let compared = 0;
    for (const { requests, query } of plan.queries) {
      const rows = await engine.query(query);
      for (const [req, request] of requests.entries()) {
        const { metric, grouping } = request;
        const kind = (id: string) => kindOfId(metric, id);
        const width = grouping.keys.length;
        const mine = rows
          .filter((r) => (r.req === undefined ? 0 : Number(r.req)) === req)
          .map((r) => {
            const { req: _req, ...rest } = r;
            for (const k of Object.keys(rest))
              if (/^g\d+$/.test(k) && Number(k.slice(1)) >= width) delete rest[k];
            return rest;
          });
        const own = compileExplain(spec, metric, grouping, 0, [], engine.dialect, settings, 1).value;
        const expected = reported(await engine.query(own), kind);
        const actual = reported(mine, kind);
        expect([...actual.keys()].sort(), `${metric.id} ${grouping.keys}`).toEqual(
          [...expected.keys()].sort(),
        );
        for (const [key, value] of expected) {
          const got = actual.get(key);
          for (const field of ["value", "numerator", "denominator"] as const) {
            const a = got?.[field] ?? null;
            const b = value[field];
            if (a === null || b === null) expect(a, `${key} ${field}`).toBe(b);
            else
              expect(Math.abs(a - b), `${key} ${field}`).toBeLessThanOrEqual(
                1e-9 * Math.max(Math.abs(a), Math.abs(b)),
              );
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
