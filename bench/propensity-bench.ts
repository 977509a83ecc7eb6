/**
 * Upsell and churn propensity (issue 12 part 2) on the demo data: the demo
 * generator's dataset at scale 1 with its planted signal (the reference
 * dataset has none), imported into an in-memory DuckDB; each target is run
 * as `crm-kpi predict` runs it (as of the data's last day, 90-day window),
 * timed, with its backtest's AUC and top-decile lift.
 *
 *   npx tsx bench/propensity-bench.ts   # re-measures only this line of bench/RESULTS.md
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDuckDB } from "../src/engines/duckdb/duckdb-engine.js";
import { generateDataset } from "../src/generator/generate-dataset.js";
import { importDataset } from "../src/import/import-dataset.js";
import { runPropensity } from "../src/predict/propensity-predict.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));

export interface PropensityTargetFigures {
  seconds: number;
  auc: number | null;
  lift: number | null;
  trainingRows: number;
  testRows: number;
}

export interface PropensityBenchResult {
  scale: number;
  customers: number;
  upsell: PropensityTargetFigures;
  churn: PropensityTargetFigures;
}

export const PROPENSITY_LINE_START = "| upsell and churn propensity";

export async function benchPropensity(scale = 1, regenerate = false): Promise<PropensityBenchResult> {
  const dir = path.join(benchDir, "data", `propensity-demo-${scale}`);
  if (regenerate || !existsSync(path.join(dir, "crm-kpi.json"))) {
    await generateDataset(dir, { scale, seed: 1, propensitySignal: true });
  }
  const engine = await openDuckDB(":memory:");
  try {
    await importDataset(engine, dir);
    const figures = async (target: "upsell" | "churn"): Promise<[PropensityTargetFigures, number]> => {
      const started = performance.now();
      const r = await runPropensity(engine, { target });
      const seconds = (performance.now() - started) / 1000;
      return [
        {
          seconds,
          auc: r.backtest?.auc ?? null,
          lift: r.backtest?.liftTopDecile ?? null,
          trainingRows: r.model.trainingRows,
          testRows: r.backtest?.testRows ?? 0,
        },
        r.customers.length,
      ];
    };
    const [upsell, customers] = await figures("upsell");
    const [churn] = await figures("churn");
    return { scale, customers, upsell, churn };
  } finally {
    await engine.close();
  }
}

const fmt = (n: number | null, digits: number): string =>
  n === null
    ? "–"
    : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The RESULTS.md target-table row; no target is set for these figures, so the status is "measured". */
export function propensityRow(p: PropensityBenchResult): string {
  const part = (name: string, f: PropensityTargetFigures) =>
    `${name} AUC ${fmt(f.auc, 3)}, lift ${fmt(f.lift, 2)}× (${fmt(f.seconds, 2)} s, ${fmt(f.trainingRows, 0)} training rows, ${fmt(f.testRows, 0)} tested)`;
  return (
    `${PROPENSITY_LINE_START} on the demo data (scale ${p.scale}, backtest on the snapshot 90 days before the last day) | ` +
    `${part("churn", p.churn)}; ${part("upsell", p.upsell)}; ${fmt(p.customers, 0)} active customers scored | – | measured |`
  );
}

/** Replaces this line in RESULTS.md (or adds it after the duplicate detection line), leaving every other figure. */
async function updateResultsFile(row: string): Promise<void> {
  const file = path.join(benchDir, "RESULTS.md");
  const lines = (await readFile(file, "utf8")).split("\n");
  const at = lines.findIndex((l) => l.startsWith(PROPENSITY_LINE_START));
  if (at >= 0) lines[at] = row;
  else {
    const after = lines.findIndex((l) => l.startsWith("| duplicate detection"));
    lines.splice(after >= 0 ? after + 1 : lines.length, 0, row);
  }
  await writeFile(file, lines.join("\n"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const result = await benchPropensity(1, process.argv.includes("--regenerate"));
  const row = propensityRow(result);
  console.log(row);
  await updateResultsFile(row);
}
