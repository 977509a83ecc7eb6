/**
 * The dashboard's speed at scale 10 (issue 7, never asserted in tests):
 * the overview's first chart in Chromium on the first load after the server
 * starts and on reload, the report queries' p95 at 50 concurrent connections
 * once warm (autocannon on loopback), and the gzipped size of the JavaScript
 * the first view loads. Writes its own section of bench/RESULTS.md.
 *
 *   npm run bench:web                  # reuses bench/data/web-scale-10.duckdb
 *   npm run bench:web -- --regenerate  # generates it again with `crm-kpi demo`
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { chromiumArgs, chromiumPath } from "../test/e2e/support/chromium.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const cliPath = path.join(repoRoot, "dist/cli/main.js");
const webDist = path.join(repoRoot, "web/dist");
const resultsFile = path.join(benchDir, "RESULTS.md");
const SCALE = 10;
const HEADING = "## Dashboard and API";
const NOTES_HEADING = "## Notes";

const TARGETS = { firstLoadMs: 3000, reloadMs: 1000, p95Ms: 50, firstViewJsKB: 400 };
const LOAD = { connections: 50, warmupSeconds: 3, seconds: 10 };

export interface DashboardBenchResult {
  customers: number | null;
  firstChartMs: number;
  reloadChartMs: number;
  reportUrls: string[];
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  requestsPerSecond: number;
  /** The JS files index.html loads (entry and module preloads), gzipped. */
  indexJsGzipKB: number;
  indexJsFiles: number;
  /** Every JS file the browser fetched until the overview's first chart, gzipped. */
  loadedJsGzipKB: number;
  loadedJsFiles: number;
}

/** True (as a time since navigation start) once a chart of the overview has painted something. */
const FIRST_CHART = `(() => {
  const root = document.querySelector('[data-testid="view-overview"]');
  if (!root) return false;
  for (const canvas of root.querySelectorAll("[_echarts_instance_] canvas")) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return performance.now();
  }
  if (root.querySelector("[_echarts_instance_] svg path")) return performance.now();
  return false;
})()`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function startServer(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cliPath, "serve", "--db", db, "--port", String(port)], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`crm-kpi serve exited with ${child.exitCode}`);
    try {
      // /api/v1/dataset is cheap and computes no report, so the caches stay cold
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/dataset`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error("crm-kpi serve did not answer within 60 s");
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function gzipKB(files: string[]): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(file)).length;
  return bytes / 1024;
}

/** The JS files index.html loads: its module script and its module preloads. */
async function indexJsFiles(): Promise<string[]> {
  const html = await readFile(path.join(webDist, "index.html"), "utf8");
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? "");
  return [...new Set(refs)].map((ref) => path.join(webDist, ref.replace(/^\//, "")));
}

/** p-th percentile of sorted values (nearest rank). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function load(
  base: string,
  paths: string[],
  seconds: number,
): Promise<{ latencies: number[]; errors: number; rps: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url: base,
      connections: LOAD.connections,
      duration: seconds,
      requests: paths.map((p) => ({ method: "GET" as const, path: p })),
      // A browser's header: the report comes compressed (70 kB brotli, 108 kB gzip, instead of 1 MB).
      headers: { "accept-encoding": "gzip, deflate, br" },
    };
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    // autocannon's own percentiles skip p95: every response time is kept instead
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors++;
    });
  });
  errors += result.errors + result.timeouts;
  return { latencies: latencies.sort((a, b) => a - b), errors, rps: result.requests.average };
}

async function ensureDatabase(db: string, regenerate: boolean): Promise<void> {
  if (!regenerate && existsSync(db)) return;
  await rm(db, { force: true });
  await rm(`${db}.wal`, { force: true });
  console.error(`dashboard: generating the scale-${SCALE} demo database…`);
  execFileSync(process.execPath, [cliPath, "demo", "--scale", String(SCALE), "--db", db], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function benchDashboard(options: { regenerate?: boolean } = {}): Promise<DashboardBenchResult> {
  if (!existsSync(path.join(webDist, "index.html"))) {
    throw new Error("web/dist/index.html is missing: run `npm run build:web` first");
  }
  const db = path.join(benchDir, "data", `web-scale-${SCALE}.duckdb`);
  await mkdir(path.dirname(db), { recursive: true });
  await ensureDatabase(db, options.regenerate ?? false);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(db, port);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    // waitForFunction evaluates its string predicate with eval, which the dashboard's CSP refuses
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: "en-US",
      bypassCSP: true,
    });
    const page = await context.newPage();
    const reportUrls = new Set<string>();
    const jsUrls = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/v1/report") reportUrls.add(url.pathname + url.search);
      if (url.pathname.endsWith(".js")) jsUrls.add(url.pathname);
    });
    const timeout = 120_000;
    await page.goto(base, { waitUntil: "commit" });
    const firstChartMs = Number(
      await (await page.waitForFunction(FIRST_CHART, null, { polling: "raf", timeout })).jsonValue(),
    );
    const loadedJs = [...jsUrls].map((u) => path.join(webDist, u.replace(/^\//, "")));
    await page.reload({ waitUntil: "commit" });
    const reloadChartMs = Number(
      await (await page.waitForFunction(FIRST_CHART, null, { polling: "raf", timeout })).jsonValue(),
    );
    await context.close();

    if (reportUrls.size === 0) throw new Error("the overview made no /api/v1/report request");
    const paths = [...reportUrls];
    await load(base, paths, LOAD.warmupSeconds);
    const measured = await load(base, paths, LOAD.seconds);
    const dataset = (await (await fetch(`${base}/api/v1/dataset`)).json()) as {
      counts?: Record<string, number>;
    };
    const index = await indexJsFiles();
    return {
      customers: dataset.counts?.customers ?? null,
      firstChartMs,
      reloadChartMs,
      reportUrls: paths,
      requests: measured.latencies.length,
      errors: measured.errors,
      p50Ms: percentile(measured.latencies, 50),
      p95Ms: percentile(measured.latencies, 95),
      requestsPerSecond: measured.rps,
      indexJsGzipKB: gzipKB(index),
      indexJsFiles: index.length,
      loadedJsGzipKB: gzipKB(loadedJs),
      loadedJsFiles: loadedJs.length,
    };
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function section(r: DashboardBenchResult): string {
  const status = (ok: boolean) => (ok ? "met" : "**missed**");
  return [
    HEADING,
    "",
    `Measured by bench/dashboard-bench.ts (\`npm run bench:web\`, also at the end of \`npm run bench\`) on ` +
      `${new Date().toISOString().slice(0, 10)}: \`crm-kpi demo --scale ${SCALE}\` ` +
      `(${r.customers === null ? "?" : fmt(r.customers)} customers), \`crm-kpi serve\` on loopback, ` +
      "Debian Chromium (1280×800, en). First load: a fresh server and a fresh browser context; time from navigation " +
      "start to the first painted chart of the overview. The load test replays the overview's report requests " +
      `(${r.reportUrls.map((u) => `\`${u}\``).join(", ")}) with autocannon (\`Accept-Encoding: gzip, deflate, br\`, as a browser sends), ${LOAD.connections} connections, ` +
      `${LOAD.warmupSeconds} s of warm-up, then ${LOAD.seconds} s measured.`,
    "",
    "| target | measured | status |",
    "| --- | --- | --- |",
    `| overview's first chart ≤ ${fmt(TARGETS.firstLoadMs)} ms after start | ${fmt(r.firstChartMs)} ms | ${status(r.firstChartMs <= TARGETS.firstLoadMs)} |`,
    `| overview's first chart ≤ ${fmt(TARGETS.reloadMs)} ms on reload | ${fmt(r.reloadChartMs)} ms | ${status(r.reloadChartMs <= TARGETS.reloadMs)} |`,
    `| report p95 ≤ ${TARGETS.p95Ms} ms at ${LOAD.connections} connections, warm | ${fmt(r.p95Ms)} ms (p50 ${fmt(r.p50Ms)} ms, ${fmt(r.requestsPerSecond)} req/s, ${fmt(r.requests)} responses, ${fmt(r.errors)} errors) | ${status(r.p95Ms <= TARGETS.p95Ms && r.errors === 0)} |`,
    `| first view's JavaScript ≤ ${TARGETS.firstViewJsKB} kB gzipped | ${fmt(r.indexJsGzipKB, 1)} kB (${r.indexJsFiles} files index.html loads); ${fmt(r.loadedJsGzipKB, 1)} kB (${r.loadedJsFiles} files the overview fetched) | ${status(Math.max(r.indexJsGzipKB, r.loadedJsGzipKB) <= TARGETS.firstViewJsKB)} |`,
    "",
    ...(r.p95Ms <= TARGETS.p95Ms ? [] : [P95_BOUND, ""]),
  ].join("\n");
}

/** What bounded the warm p95 when it was profiled (server CPU per response, same machine). */
const P95_BOUND =
  "What bounds the warm p95 (profiled 2026-12-02, `node --cpu-prof` and /proc CPU time of the server under the same " +
  "load): a hit does no report work any more (the body is serialized and compressed once per dataset version, " +
  "request and language; identical cold requests share one computation), so the cost is the bytes: the overview's " +
  "report is 3,324 values plus 3,324 previous values (the metrics' own breakdowns, e.g. per assignee, come with " +
  "them), 1.08 MB of JSON, 70 kB brotli. Such a response costs the server about 1 ms of CPU on loopback against " +
  "0.15 ms for the 8 kB report, which alone answers at 50 connections with p97.5 15 ms; with the load generator " +
  "and the server on the same 2 shared cores, 50 connections queue behind it. Reaching 50 ms needs a smaller " +
  "overview body (no per-segment values when the view shows none, or only the KPI grid's latest periods), not a " +
  "faster cache.";

/** Puts the section before the hand-written notes, replacing the one of an earlier run. */
export async function writeDashboardSection(result: DashboardBenchResult): Promise<void> {
  let text = existsSync(resultsFile) ? await readFile(resultsFile, "utf8") : "# Benchmark results\n\n";
  const start = text.indexOf(HEADING);
  if (start >= 0) {
    const next = text.indexOf("\n## ", start + HEADING.length);
    text = text.slice(0, start) + (next >= 0 ? text.slice(next + 1) : "");
  }
  const notes = text.indexOf(NOTES_HEADING);
  const at = notes >= 0 ? notes : text.length;
  text = `${text.slice(0, at).trimEnd()}\n\n${section(result)}\n${text.slice(at)}`;
  await writeFile(resultsFile, `${text.trimEnd()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchDashboard({ regenerate: process.argv.includes("--regenerate") });
  console.error(
    `dashboard: first chart ${fmt(result.firstChartMs)} ms, reload ${fmt(result.reloadChartMs)} ms, ` +
      `report p95 ${fmt(result.p95Ms)} ms, JS ${fmt(result.indexJsGzipKB, 1)} kB gzipped`,
  );
  await writeDashboardSection(result);
  console.error(`wrote ${path.relative(process.cwd(), resultsFile)}`);
}
