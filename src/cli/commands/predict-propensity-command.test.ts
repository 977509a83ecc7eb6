import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../generator/index.js";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { captureIo } from "../test-io.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-predict-cli-"));
const data = path.join(tmp, "data");
const db = path.join(tmp, "crm.duckdb");

beforeAll(async () => {
  await generateDataset(data, { scale: 0.2, seed: 4 });
  expect(await runCli(["import", data, "--db", db], captureIo())).toBe(EXIT.ok);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: readonly string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("crm-kpi predict upsell|churn", () => {
  it("prints the ranked table with drivers, and the backtest on stderr", async () => {
    const r = await run(["predict", "churn", "--db", db, "--as-of", "2025-09-30", "--top", "3"]);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toMatch(/^Rank\s+Customer\s+Name\s+Score\s+Decile\s+Strongest drivers$/);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^\s*1\s+C\d+ .* \d+\.\d%\s+1\s+.*[↑↓]/);
    expect(r.err).toMatch(
      /Backtest: trained on snapshots up to 2025-04-03, tested on 2025-07-02 .*AUC \d\.\d{3}, lift in the top decile \d+\.\d{2}×/,
    );
    expect(r.err).toContain("3 of");
  }, 60_000);

  it("gives the same bytes twice in json and csv, with the documented keys", async () => {
    for (const format of ["json", "csv"]) {
      const argv = ["predict", "upsell", "--db", db, "--as-of", "2025-09-30", "--format", format];
      const [a, b] = [await run(argv), await run(argv)];
      expect(a.code).toBe(EXIT.ok);
      expect(b.out).toBe(a.out);
      if (format === "json") {
        const doc = JSON.parse(a.out);
        expect(Object.keys(doc)).toEqual([
          "target",
          "as_of",
          "window_days",
          "activity",
          "model",
          "backtest",
          "customers",
        ]);
        expect(doc.backtest.auc).toBeGreaterThan(0);
        expect(doc.customers[0].drivers).toHaveLength(3);
      } else {
        expect(a.out.split("\n")[0]).toBe(
          "rank,customer_id,name,score,decile,driver_1,driver_1_contribution,driver_2,driver_2_contribution,driver_3,driver_3_contribution",
        );
      }
    }
  }, 120_000);

  it("speaks Persian, and rejects a bad --window with the option named", async () => {
    const fa = await run([
      "predict",
      "churn",
      "--db",
      db,
      "--as-of",
      "2025-09-30",
      "--top",
      "2",
      "--lang",
      "fa",
    ]);
    expect(fa.code).toBe(EXIT.ok);
    expect(fa.err).toContain("آزمون گذشته‌نگر");
    expect(fa.out).toMatch(/[۰-۹]/);
    const bad = await run(["predict", "churn", "--db", db, "--window", "0"]);
    expect(bad.code).not.toBe(EXIT.ok);
    expect(bad.err).toContain("--window");
  }, 60_000);
});
