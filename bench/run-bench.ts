/**
 * The benchmark: for each scale, generate (or reuse) a dataset, import it
 * into a fresh DuckDB file, time the full monthly report of every metric by
 * region and each metric alone, and record peak memory. Each scale runs in
 * its own child process so its peak RSS is its own.
 *
 *   npm run bench                      # scales 1, 10, 100
 *   npm run bench -- --scales 1,10     # fewer scales
 *   npm run bench -- --regenerate      # regenerate the data even if present
 *
 * Writes bench/RESULTS.md; the hand-written notes at its end are kept.
 */
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { METRICS } from "../src/core/metrics/registry.js";
import { openDuckDB } from "../src/engines/duckdb/duckdb-engine.js";
import { generateDataset } from "../src/generator/generate-dataset.js";
import { importDataset } from "../src/import/import-dataset.js";
import { type ReportRequest, runReport } from "../src/report/run-report.js";
import { benchDashboard, writeDashboardSection } from "./dashboard-bench.js";
import { benchDedupe, type DedupeBenchResult } from "./dedupe-bench.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.join(benchDir, "data");
const resultsFile = path.join(benchDir, "RESULTS.md");
const NOTES_HEADING = "## Notes";
const SEED = 1;

const TARGETS = {
  importRowsPerSecond: 300_000,
  reportSecondsAtScale100: 3,
  peakMemoryMB: 2048,
  dedupeSeconds: 10,
};

interface ScaleResult {
  scale: number;
  generatedRows: number;
  generateSeconds: number | null;
  dataMB: number;
  importedRows: number;
  importSeconds: number;
  importErrors: number;
  reportSeconds: number;
  reportValues: number;
  reportPeriods: number;
  slowest: { metric: string; ms: number }[];
  metricsTimed: number;
  maxRssMB: number;
  /** Peak RSS when the import had finished: tells import memory from report memory. */
  maxRssAfterImportMB: number;
  duckdbMemoryMB: number | null;
  duckdbVersion: string;
}

const REPORT: ReportRequest = { metrics: "all", grain: "month", calendar: "gregorian", by: ["region"] };

/** One scale, in this process: generate or reuse, import, report, measure. */
async function runScale(scale: number, regenerate: boolean): Promise<ScaleResult> {
  const dir = path.join(dataDir, `scale-${scale}`);
  const marker = path.join(dir, ".bench-generated.json");
  let generateSeconds: number | null = null;
  let generated: { rows: Record<string, number>; bytes: number };
  if (!regenerate && existsSync(marker)) {
    generated = JSON.parse(await readFile(marker, "utf8"));
  } else {
    await rm(dir, { recursive: true, force: true });
    const t = performance.now();
    generated = await generateDataset(dir, { scale, seed: SEED });
    generateSeconds = (performance.now() - t) / 1000;
    await writeFile(marker, JSON.stringify(generated));
  }
  const generatedRows = Object.values(generated.rows).reduce((a, b) => a + b, 0);

  const dbFile = path.join(dataDir, `scale-${scale}.duckdb`);
  await rm(dbFile, { force: true });
  await rm(`${dbFile}.wal`, { force: true });
  const engine = await openDuckDB(dbFile);
  try {
    const t0 = performance.now();
    const imported = await importDataset(engine, dir);
    const importSeconds = (performance.now() - t0) / 1000;
    const importedRows = Object.values(imported.rowsByEntity).reduce((a, b) => a + b, 0);
    const maxRssAfterImportMB = process.resourceUsage().maxRSS / 1024;

    const t1 = performance.now();
    const report = await runReport(engine, REPORT);
    const reportSeconds = (performance.now() - t1) / 1000;

    const timings: { metric: string; ms: number }[] = [];
    for (const metric of METRICS) {
      const t = performance.now();
      await runReport(engine, { ...REPORT, metrics: [metric.id] });
      timings.push({ metric: metric.id, ms: performance.now() - t });
    }
    timings.sort((a, b) => b.ms - a.ms);

    const [memory] = await engine.query({
      sql: "SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()",
      params: [],
    });
    const [version] = await engine.query({ sql: "SELECT version() AS v", params: [] });
    return {
      scale,
      generatedRows,
      generateSeconds,
      dataMB: generated.bytes / 1e6,
      importedRows,
      importSeconds,
      importErrors: imported.errors.length,
      reportSeconds,
      reportValues: report.values.length,
      reportPeriods: report.periods.length,
      slowest: timings.slice(0, 5),
      metricsTimed: timings.length,
      // maxRSS is in kilobytes
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      maxRssAfterImportMB,
      duckdbMemoryMB: memory?.bytes == null ? null : Number(memory.bytes) / 1e6,
      duckdbVersion: String(version?.v ?? "?"),
    };
  } finally {
    await engine.close();
  }
}

/** Runs one scale in a child process (same loader flags, so tsx keeps working) and returns its result. */
function runChild(scale: number, regenerate: boolean): Promise<ScaleResult> {
  return new Promise((resolve, reject) => {
    const args = ["--child", String(scale), ...(regenerate ? ["--regenerate"] : [])];
    const child = fork(fileURLToPath(import.meta.url), args, { execArgv: process.execArgv });
    let result: ScaleResult | undefined;
    child.on("message", (message) => {
      result = message as ScaleResult;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(`bench of scale ${scale} failed (exit ${code})`));
    });
  });
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function writeResults(results: ScaleResult[], dedupe?: DedupeBenchResult): Promise<void> {
  let notes = `${NOTES_HEADING}\n\n(Write here why a target was missed; this section survives re-runs.)\n`;
  if (existsSync(resultsFile)) {
    const old = await readFile(resultsFile, "utf8");
    const at = old.indexOf(NOTES_HEADING);
    if (at >= 0) notes = old.slice(at);
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines: string[] = [
    "# Benchmark results",
    "",
    `Generated by \`npm run bench\` (bench/run-bench.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    "",
    `Machine: ${os.cpus().length} cores (${cpu}), ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ` +
      `Node ${process.version}, DuckDB ${results[0]?.duckdbVersion ?? "?"}, ${os.platform()} ${os.release()}. ` +
      "The machine was shared with other work while the bench ran, so times are upper bounds.",
    "",
    `Data: \`generateDataset(dir, { scale, seed: ${SEED} })\`; report: \`runReport(engine, ${JSON.stringify(REPORT)})\` ` +
      "over the whole 36 months; each metric is then timed alone with the same request.",
    "",
    "| scale | rows | CSV MB | generate s | import s | import rows/s | full report s | values | max RSS MB (after import) | DuckDB MB |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of results) {
    lines.push(
      `| ${r.scale} | ${fmt(r.importedRows)} | ${fmt(r.dataMB, 1)} | ${r.generateSeconds === null ? "reused" : fmt(r.generateSeconds, 1)} ` +
        `| ${fmt(r.importSeconds, 1)} | ${fmt(r.importedRows / r.importSeconds)} | ${fmt(r.reportSeconds, 2)} ` +
        `| ${fmt(r.reportValues)} | ${fmt(r.maxRssMB)} (${fmt(r.maxRssAfterImportMB)}) | ${r.duckdbMemoryMB === null ? "?" : fmt(r.duckdbMemoryMB)} |`,
    );
  }
  lines.push("", "Slowest metrics (each run alone, same request):", "");
  for (const r of results) {
    const list = r.slowest.map((s) => `\`${s.metric}\` ${fmt(s.ms)} ms`).join(", ");
    lines.push(`- scale ${r.scale} (${r.metricsTimed} metrics): ${list}`);
  }
  const largest = results.reduce<ScaleResult | undefined>(
    (a, b) => (a && a.scale > b.scale ? a : b),
    undefined,
  );
  const hundred = results.find((r) => r.scale === 100);
  // throughput is judged on the largest dataset: small ones are dominated by fixed costs
  const importRate = largest ? largest.importedRows / largest.importSeconds : 0;
  const peak = Math.max(...results.map((r) => r.maxRssMB));
  const status = (ok: boolean | undefined): string =>
    ok === undefined ? "not measured" : ok ? "met" : "**missed**";
  lines.push(
    "",
    "## Targets",
    "",
    "| target | measured | status |",
    "| --- | --- | --- |",
    `| import ≥ ${fmt(TARGETS.importRowsPerSecond)} rows/s | ${fmt(importRate)} rows/s (scale ${largest?.scale}) | ${status(importRate >= TARGETS.importRowsPerSecond)} |`,
    `| full report at scale 100 ≤ ${TARGETS.reportSecondsAtScale100} s | ${hundred ? `${fmt(hundred.reportSeconds, 2)} s` : `not run (largest: scale ${largest?.scale})`} | ${status(hundred ? hundred.reportSeconds <= TARGETS.reportSecondsAtScale100 : undefined)} |`,
    `| peak memory ≤ ${fmt(TARGETS.peakMemoryMB)} MB | ${fmt(peak)} MB max RSS | ${status(peak <= TARGETS.peakMemoryMB)} |`,
    ...(dedupe
      ? [
          `| duplicate detection of ${fmt(dedupe.customers)} customers ≤ ${TARGETS.dedupeSeconds} s | ${fmt(dedupe.loadSeconds + dedupe.detectSeconds, 2)} s (read ${fmt(dedupe.loadSeconds, 2)} s + cluster ${fmt(dedupe.detectSeconds, 2)} s; ${fmt(dedupe.clusters)} clusters, ${fmt(dedupe.namesakes)} namesakes; pairwise precision ${fmt(dedupe.precision * 100, 1)}%, recall ${fmt(dedupe.recall * 100, 1)}% of ${fmt(dedupe.planted)} planted duplicates) | ${status(dedupe.loadSeconds + dedupe.detectSeconds <= TARGETS.dedupeSeconds)} |`,
        ]
      : []),
    "",
    notes.trimEnd(),
    "",
  );
  await writeFile(resultsFile, lines.join("\n"));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const regenerate = argv.includes("--regenerate");
  const childAt = argv.indexOf("--child");
  if (childAt >= 0) {
    const result = await runScale(Number(argv[childAt + 1]), regenerate);
    // the IPC channel keeps the child alive until it is let go
    process.send?.(result, () => process.disconnect?.());
    return;
  }
  const scalesAt = argv.indexOf("--scales");
  const scales = (scalesAt >= 0 ? (argv[scalesAt + 1] ?? "") : "1,10,100")
    .split(",")
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  if (scales.length === 0) throw new Error("--scales takes a list such as 1,10,100");
  await mkdir(dataDir, { recursive: true });
  const results: ScaleResult[] = [];
  for (const scale of scales) {
    console.error(`scale ${scale}: generating/importing/reporting…`);
    const result = await runChild(scale, regenerate);
    console.error(
      `scale ${scale}: import ${fmt(result.importedRows)} rows in ${fmt(result.importSeconds, 1)} s, ` +
        `report ${fmt(result.reportSeconds, 2)} s, max RSS ${fmt(result.maxRssMB)} MB`,
    );
    results.push(result);
  }
  // Duplicate detection (issue 4): 100,000 synthesized customers, bench/dedupe-bench.ts.
  const dedupe = await benchDedupe();
  console.error(
    `dedupe: ${fmt(dedupe.customers)} customers in ${fmt(dedupe.loadSeconds + dedupe.detectSeconds, 2)} s`,
  );
  await writeResults(results, dedupe);
  console.error(`wrote ${path.relative(process.cwd(), resultsFile)}`);
  // The dashboard and the API at scale 10 (issue 7): bench/dashboard-bench.ts, a section of its own.
  await writeDashboardSection(await benchDashboard({ regenerate }));
  console.error("wrote the dashboard section");
}

await main();
