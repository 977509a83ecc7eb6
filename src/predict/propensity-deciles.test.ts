import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { captureIo } from "../cli/test-io.js";
import type { Engine } from "../core/engine.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { generateDataset } from "../generator/index.js";
import { importDataset } from "../import/import-dataset.js";
import { runReport } from "../report/run-report.js";
import { propensityDecileScores } from "./propensity-deciles.js";
import { runPropensity } from "./propensity-predict.js";

let dir: string;
let file: string;
let engine: Engine;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crm-kpi-deciles-"));
  await generateDataset(join(dir, "data"), { scale: 0.25, seed: 5 });
  file = join(dir, "crm.duckdb");
  engine = await openDuckDB(file);
  expect((await importDataset(engine, join(dir, "data"))).errors).toEqual([]);
}, 120_000);

afterAll(async () => {
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("--by churn_propensity_decile / upsell_propensity_decile", () => {
  it("puts each customer in the decile the model gives it as of the report's last day", async () => {
    const by = ["churn_propensity_decile"];
    const result = await runReport(engine, {
      metrics: ["customer_churn_rate"],
      from: "2025-04",
      to: "2025-06",
      by,
      customerScores: propensityDecileScores(by),
    });
    const june = result.values.filter((v) => v.period === "2025-06");
    const total = june.find((v) => v.segment === null);
    const deciles = june.filter((v) => v.segment !== null);
    expect(deciles.map((v) => v.segment?.churn_propensity_decile ?? null)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => String(i + 1)),
      null,
    ]);
    // Every customer active at the start is in one bucket: the buckets add up to the total.
    const sum = deciles.reduce((s, v) => s + Number(v.denominator), 0);
    expect(sum).toBe(Number(total?.denominator));
    // The same deciles as `crm-kpi predict churn` as of that day: the sizes of the scored population's tenths.
    const model = await runPropensity(engine, { target: "churn", asOf: "2025-06-30", calendar: "gregorian" });
    const first = model.customers.filter((c) => c.decile === 1).length;
    expect(first).toBeGreaterThan(0);
    expect(Number(deciles[0]?.denominator)).toBeLessThanOrEqual(first);
  }, 120_000);

  it("is refused when nobody supplies the scores, with the dimensions that exist", async () => {
    await expect(
      runReport(engine, { metrics: ["customer_churn_rate"], by: ["churn_propensity_decile"] }),
    ).rejects.toThrow(/churn_propensity_decile/);
  });

  it("runs from the CLI, upsell and churn together, the same bytes twice", async () => {
    const args = [
      "report",
      "--db",
      file,
      "--metrics",
      "upsell_rate",
      "--from",
      "2025-06",
      "--to",
      "2025-06",
      "--by",
      "upsell_propensity_decile,churn_propensity_decile",
      "--format",
      "csv",
    ];
    const first = captureIo();
    expect(await runCli(args, first)).toBe(0);
    const second = captureIo();
    expect(await runCli(args, second)).toBe(0);
    expect(second.out()).toBe(first.out());
    const header = first.out().split("\n")[0] ?? "";
    expect(header).toContain("upsell_propensity_decile,churn_propensity_decile");
    expect(first.out().split("\n").length).toBeGreaterThan(10);
  }, 180_000);
});
