/**
 * "When should a user move" (docs/scaling.md): import rows/s and the full
 * report's time at each scale on DuckDB, on one PostgreSQL server and on the
 * Citus stand-in, and whether the three reports agree value for value.
 * The data is the bench's (bench/data/scale-N, generated with seed 1 when
 * missing, as `npm run bench` does); import and report run in process
 * through importDataset and runReport, not through the CLI. The report is the
 * bench's: every metric, monthly, 36 months, by region; it runs twice, the
 * first run on cold caches.
 *
 *   CRM_KPI_TEST_PG=… CRM_KPI_TEST_CITUS=… CRM_KPI_TEST_CITUS_WORKERS=… \
 *     npx tsx scripts/scaling/measure-scaling.ts --scales 1,10
 *   npx tsx scripts/scaling/measure-scaling.ts --scales 100 --engines "DuckDB,Citus stand-in"   # some engines only
 *   npx tsx scripts/scaling/measure-scaling.ts --tables    # only print the tables of results.json
 *
 * (`. .ci/start-postgres.sh; . .ci/start-citus-standin.sh` sets the three.)
 * Writes scripts/scaling/results.json (a scale measured again replaces its
 * rows) and prints the Markdown tables docs/scaling.md shows: the measured
 * figures, and a straight line through each engine's measured points
 * extended to larger scales, marked as extrapolated.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPORT } from "../../bench/bench-phases.js";
import { same } from "../../bench/compare-values.js";
import type { Engine } from "../../src/core/engine.js";
import type { MetricValue } from "../../src/core/metrics/definition/metric-value.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { openPostgres } from "../../src/engines/postgres/open-postgres.js";
import { generateDataset } from "../../src/generator/generate-dataset.js";
import { importDataset } from "../../src/import/index.js";
import { runReport } from "../../src/report/run-report.js";
import { freshCitusStandin, freshDatabase } from "./fresh-databases.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const benchData = path.join(here, "../../bench/data");

interface Measurement {
  readonly scale: number;
  readonly engine: "DuckDB" | "PostgreSQL" | "Citus stand-in";
  readonly rows: number;
  readonly importSeconds: number;
  readonly rowsPerSecond: number;
  /** Cold and warm runs of the same report. */
  readonly reportSeconds: readonly [number, number];
  readonly values: number;
  /** Values equal (1e-9 relative) to DuckDB's report of the same data. */
  readonly agreeWithDuckDB: number;
}

interface Target {
  readonly engine: Measurement["engine"];
  open(): Promise<{ engine: Engine; release(): Promise<void> }>;
}

async function ensureData(scale: number): Promise<string> {
  const dir = path.join(benchData, `scale-${scale}`);
  const marker = path.join(dir, ".bench-generated.json");
  if (!existsSync(marker)) {
    await rm(dir, { recursive: true, force: true });
    const generated = await generateDataset(dir, { scale, seed: 1 });
    await writeFile(marker, JSON.stringify(generated));
  }
  return dir;
}

const keyOf = (v: MetricValue) => `${v.metric}|${v.period}|${JSON.stringify(v.segment)}`;

function agreement(ours: readonly MetricValue[], reference: readonly MetricValue[]): number {
  const byKey = new Map(reference.map((v) => [keyOf(v), v]));
  return ours.filter((v) => {
    const r = byKey.get(keyOf(v));
    return (
      r && same(v.value, r.value) && same(v.numerator, r.numerator) && same(v.denominator, r.denominator)
    );
  }).length;
}

async function measure(
  target: Target,
  scale: number,
  dir: string,
  reference: readonly MetricValue[] | undefined,
): Promise<{ measurement: Measurement; values: MetricValue[] }> {
  const { engine, release } = await target.open();
  try {
    let t = performance.now();
    const imported = await importDataset(engine, dir);
    const importSeconds = (performance.now() - t) / 1000;
    if (imported.errors.length > 0) throw new Error(`${target.engine}: the import of ${dir} failed`);
    const rows = Object.values(imported.rowsByEntity).reduce((a, b) => a + b, 0);
    const times: number[] = [];
    let values: MetricValue[] = [];
    for (let run = 0; run < 2; run++) {
      t = performance.now();
      values = (await runReport(engine, REPORT)).values;
      times.push((performance.now() - t) / 1000);
    }
    const measurement: Measurement = {
      scale,
      engine: target.engine,
      rows,
      importSeconds,
      rowsPerSecond: rows / importSeconds,
      reportSeconds: [times[0] ?? 0, times[1] ?? 0],
      values: values.length,
      agreeWithDuckDB: agreement(values, reference ?? values),
    };
    console.error(JSON.stringify(measurement));
    return { measurement, values };
  } finally {
    await engine.close();
    await release();
  }
}

function targets(): Target[] {
  const pgUrl = process.env.CRM_KPI_TEST_PG;
  const citusUrl = process.env.CRM_KPI_TEST_CITUS;
  const workers = (process.env.CRM_KPI_TEST_CITUS_WORKERS ?? "").split(",").filter(Boolean);
  if (!pgUrl || !citusUrl || workers.length === 0) {
    throw new Error(
      "Set CRM_KPI_TEST_PG, CRM_KPI_TEST_CITUS and CRM_KPI_TEST_CITUS_WORKERS (`. .ci/start-postgres.sh; . .ci/start-citus-standin.sh`).",
    );
  }
  return [
    {
      engine: "DuckDB",
      async open() {
        const dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-scaling-"));
        const engine = await openDuckDB(path.join(dir, "scaling.duckdb"));
        return { engine, release: () => rm(dir, { recursive: true, force: true }) };
      },
    },
    {
      engine: "PostgreSQL",
      async open() {
        const database = await freshDatabase(pgUrl, "crm_kpi_scaling");
        return { engine: await openPostgres(database.url), release: () => database.drop() };
      },
    },
    {
      engine: "Citus stand-in",
      async open() {
        const standin = await freshCitusStandin(citusUrl, workers, "crm_kpi_scaling_citus");
        return { engine: await openPostgres(standin.coordinator.url), release: () => standin.drop() };
      },
    },
  ];
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Least-squares line y = a + b·x through the points (two or more x values). */
function line(points: readonly (readonly [number, number])[]): (x: number) => number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const b = sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return (x) => my + b * (x - mx);
}

function tables(results: readonly Measurement[]): string {
  const out = [
    "| scale | rows | engine | import s | rows/s | report s (cold) | report s (warm) | values agreeing with DuckDB |",
    "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (m) =>
        `| ${m.scale} | ${fmt(m.rows)} | ${m.engine} | ${fmt(m.importSeconds, 1)} | ${fmt(m.rowsPerSecond)} | ${fmt(m.reportSeconds[0], 1)} | ${fmt(m.reportSeconds[1], 1)} | ${fmt(m.agreeWithDuckDB)} of ${fmt(m.values)} |`,
    ),
    "",
    "**Extrapolated, not measured**: a straight line in the scale through the measured points of each engine (import seconds, warm report seconds, rows).",
    "",
    "| scale | engine | import s (extrapolated) | rows/s (extrapolated) | report s (extrapolated) |",
    "| ---: | --- | ---: | ---: | ---: |",
  ];
  const engines = [...new Set(results.map((m) => m.engine))];
  for (const scale of [100, 1000]) {
    for (const engine of engines) {
      const own = results.filter((m) => m.engine === engine);
      if (new Set(own.map((m) => m.scale)).size < 2) continue;
      const importAt = line(own.map((m) => [m.scale, m.importSeconds]))(scale);
      const rowsAt = line(own.map((m) => [m.scale, m.rows]))(scale);
      const reportAt = line(own.map((m) => [m.scale, m.reportSeconds[1]]))(scale);
      out.push(
        `| ${scale} | ${engine} | ~${fmt(importAt)} | ~${fmt(rowsAt / importAt)} | ~${fmt(reportAt)} |`,
      );
    }
  }
  return out.join("\n");
}

const resultsFile = path.join(here, "results.json");
const earlier: Measurement[] = existsSync(resultsFile) ? JSON.parse(await readFile(resultsFile, "utf8")) : [];
if (process.argv.includes("--tables")) {
  console.log(tables(earlier));
} else {
  const at = process.argv.indexOf("--scales");
  const scales = (at > 0 ? (process.argv[at + 1] ?? "1") : "1,10").split(",").map(Number);
  // --engines DuckDB,"Citus stand-in": only those (DuckDB first, as the others are compared with it).
  const only = process.argv.indexOf("--engines");
  const engines = only > 0 ? (process.argv[only + 1] ?? "").split(",") : undefined;
  const results: Measurement[] = [];
  for (const scale of scales) {
    const dir = await ensureData(scale);
    let reference: MetricValue[] | undefined;
    for (const target of targets().filter((t) => !engines || engines.includes(t.engine))) {
      const { measurement, values } = await measure(target, scale, dir, reference);
      reference ??= values;
      results.push(measurement);
    }
  }
  const measured = (m: Measurement) => results.some((r) => r.scale === m.scale && r.engine === m.engine);
  const engineOrder = targets().map((t) => t.engine);
  const order = (m: Measurement) => engineOrder.indexOf(m.engine);
  const all = [...earlier.filter((m) => !measured(m)), ...results].sort(
    (a, b) => a.scale - b.scale || order(a) - order(b),
  );
  await writeFile(resultsFile, `${JSON.stringify(all, null, 2)}\n`);
  console.log(tables(all));
}
